package dev.propos.platform.simulator;

import java.util.Objects;

/** How a simulated trader trades; each has a characteristic pattern that PropOS's rules recognise. */
public sealed interface Behaviour {

    /** A few trades a day with stop losses, small risk and a real edge: passes phases in a few days. */
    record Careful() implements Behaviour {
    }

    /** Big lots, no stops, adds to positions: breaches the daily or the max loss within days. */
    record Reckless() implements Behaviour {
    }

    /** Mirrors every trade of {@code leaderTraderId} within seconds, on the same symbol and side. */
    record Copier(String leaderTraderId) implements Behaviour {
        public Copier {
            Objects.requireNonNull(leaderTraderId, "leaderTraderId");
        }
    }

    /** Opens right around high-impact releases; trades little otherwise. */
    record NewsTrader() implements Behaviour {
    }

    /** Bursts of trades held for seconds, shorter than any minimum trade duration. */
    record Scalper() implements Behaviour {
    }
}
