package dev.propos.server.reactions;

import dev.propos.platform.PlatformCommand;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The platform commands PropOS has carried out, in the order it carried them out. */
@Component
public class ReactionHistory {

    private final JdbcClient jdbc;

    ReactionHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every command done, in planned order (the order of execution within an account). */
    public List<PlatformCommand> executed() {
        return jdbc.sql("select kind, command from reactions where status = 'done' order by planned_order")
                .query((rs, row) -> ReactionCodec.read(rs.getString(1), rs.getString(2)))
                .list();
    }
}
