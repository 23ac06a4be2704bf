package dev.propos.server.accounts;

import dev.propos.server.evaluation.RecordedDecision;
import java.util.Map;

/** Which decisions a stream carries: every one (staff), a trader's accounts', or one account's. */
sealed interface StreamScope {

    /** Whether the stream carries {@code decision}; {@code traderOf} gives an account's trader ("" for none). */
    boolean carries(RecordedDecision decision, Map<String, String> traderOf);

    record Everything() implements StreamScope {
        @Override
        public boolean carries(RecordedDecision decision, Map<String, String> traderOf) {
            return true;
        }
    }

    /** A trader's accounts; a risk flag (about several accounts, for staff) is not carried. */
    record OfTrader(String trader) implements StreamScope {
        @Override
        public boolean carries(RecordedDecision decision, Map<String, String> traderOf) {
            return decision.account() != null && trader.equals(traderOf.get(decision.account()));
        }
    }

    record OfAccount(String account) implements StreamScope {
        @Override
        public boolean carries(RecordedDecision decision, Map<String, String> traderOf) {
            return account.equals(decision.account());
        }
    }
}
