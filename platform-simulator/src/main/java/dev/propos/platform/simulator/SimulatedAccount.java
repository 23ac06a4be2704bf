package dev.propos.platform.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** A trading account on the simulator: its money, its open positions, and the trader behind it. */
final class SimulatedAccount {

    final String id;
    final String traderId;
    final Behaviour behaviour;
    final String currency;
    final boolean funded;
    /** The balance it was created with: what the trader measures profit from before asking for a payout. */
    final BigDecimal startingBalance;
    /** Open positions in the order they were opened. */
    final Map<String, SimulatedPosition> positions = new LinkedHashMap<>();
    SplittableRandom random;
    BigDecimal balance;
    boolean enabled = true;
    Instant firstOpenTime;
    Instant lastPayoutRequestTime;
    /** When the last payout left the account (its AdjustBalance arrived). */
    Instant lastPayoutTime;
    /** Only the wake-up scheduled last counts: earlier ones find a newer generation and do nothing. */
    long wakeGeneration;

    SimulatedAccount(String id, String traderId, Behaviour behaviour, String currency, boolean funded,
                     BigDecimal startingBalance, SplittableRandom random) {
        this.id = id;
        this.traderId = traderId;
        this.behaviour = behaviour;
        this.currency = currency;
        this.funded = funded;
        this.startingBalance = startingBalance;
        this.balance = startingBalance;
        this.random = random;
    }

    boolean flat() {
        return positions.isEmpty();
    }
}
