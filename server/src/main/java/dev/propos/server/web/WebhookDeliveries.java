package dev.propos.server.web;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook deliveries already taken, by provider: providers retry, and a replay must change nothing. */
@Repository
public class WebhookDeliveries {

    private final JdbcClient jdbc;

    WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a delivery; false when it was taken before. Inside the caller's transaction, so a failure forgets it. */
    public boolean first(String provider, String deliveryId, Instant receivedAt) {
        return jdbc.sql("insert into webhook_deliveries (provider, delivery_id, received_at) values (?, ?, ?) on conflict do nothing")
                .params(provider, deliveryId, Timestamp.from(receivedAt)).update() == 1;
    }
}
