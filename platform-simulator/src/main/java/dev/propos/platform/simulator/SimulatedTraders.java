package dev.propos.platform.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who trades on the simulator: a roster of known traders, and a deterministic behaviour for any
 * other trader id (a user who creates accounts for traders of their own still sees them trade).
 */
public final class SimulatedTraders {

    /** For traders off the roster, by hash of their id: careful traders are the common case. */
    private static final List<Behaviour> UNLISTED = List.of(new Behaviour.Careful(), new Behaviour.Careful(),
            new Behaviour.Reckless(), new Behaviour.NewsTrader(), new Behaviour.Scalper());

    private final Map<String, SimulatedTrader> roster = new LinkedHashMap<>();

    public SimulatedTraders(List<SimulatedTrader> roster) {
        for (SimulatedTrader trader : roster) {
            if (this.roster.putIfAbsent(trader.id(), trader) != null) {
                throw new IllegalArgumentException("trader " + trader.id() + " is on the roster twice");
            }
        }
    }

    /** The demo roster's traders. */
    public static SimulatedTraders demo() {
        return new SimulatedTraders(demoRoster());
    }

    /**
     * The suggested demo traders: two careful traders, a reckless one, a leader and the trader who
     * copies her, a news trader and a scalper, and a careful and a reckless funded trader.
     */
    public static List<SimulatedTrader> demoRoster() {
        return List.of(
                new SimulatedTrader("t-carol", "Carol Careful", new Behaviour.Careful()),
                new SimulatedTrader("t-vera", "Vera Verified", new Behaviour.Careful()),
                new SimulatedTrader("t-dan", "Dan Funded", new Behaviour.Careful()),
                new SimulatedTrader("t-rick", "Rick Reckless", new Behaviour.Reckless()),
                new SimulatedTrader("t-lea", "Lea Leader", new Behaviour.Careful()),
                new SimulatedTrader("t-finn", "Finn Follower", new Behaviour.Copier("t-lea")),
                new SimulatedTrader("t-nora", "Nora News", new Behaviour.NewsTrader()),
                new SimulatedTrader("t-sam", "Sam Scalper", new Behaviour.Scalper()),
                new SimulatedTrader("t-rosa", "Rosa Risky", new Behaviour.Reckless()));
    }

    public List<SimulatedTrader> roster() {
        return List.copyOf(roster.values());
    }

    /** The roster's behaviour of {@code traderId}, else one chosen by its hash (never a copier: it needs a leader). */
    public Behaviour behaviourOf(String traderId) {
        SimulatedTrader listed = roster.get(traderId);
        if (listed != null) {
            return listed.behaviour();
        }
        return UNLISTED.get(Math.floorMod(traderId.hashCode(), UNLISTED.size()));
    }
}
