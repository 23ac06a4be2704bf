package dev.propos.server.payments;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The rails by name, and the one payouts go through unless told otherwise ({@code propos.payments.default-rail}). */
@Component
public class PaymentRails {

    private final Map<RailName, PaymentRail> rails = new EnumMap<>(RailName.class);
    private final RailName defaultRail;

    PaymentRails(List<PaymentRail> rails, PaymentSettings settings) {
        rails.forEach(rail -> this.rails.put(rail.name(), rail));
        this.defaultRail = RailName.of(settings.defaultRail());
    }

    public PaymentRail byDefault() {
        return get(defaultRail);
    }

    public PaymentRail get(RailName name) {
        PaymentRail rail = rails.get(name);
        if (rail == null) {
            throw new IllegalArgumentException("no " + name.code() + " rail in this server");
        }
        return rail;
    }
}
