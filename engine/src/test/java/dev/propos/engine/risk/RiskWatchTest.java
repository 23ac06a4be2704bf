package dev.propos.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.engine.config.RiskConfig;
import dev.propos.engine.decision.Decision.RiskFlag;
import dev.propos.engine.event.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Forgetting the pairs of finished accounts changes no flag: a watch told of every finish raises
 * exactly the flags of one told of none, while remembering fewer pairs.
 */
class RiskWatchTest {

    private static final String[] SYMBOLS = {"EURUSD", "XAUUSD"};

    /** The two watches after the same stream. */
    private record Outcome(List<RiskFlag> forgettingFlags, List<RiskFlag> rememberingFlags, int forgettingPairs,
                           int rememberingPairs) {
    }

    @Property(tries = 300)
    void forgettingFinishedAccountsChangesNoFlag(@ForAll long seed) {
        Outcome outcome = run(seed);
        assertThat(outcome.forgettingFlags()).isEqualTo(outcome.rememberingFlags());
        assertThat(outcome.forgettingPairs()).isLessThanOrEqualTo(outcome.rememberingPairs());
    }

    @Example
    void aFirmWhoseAccountsComeAndGoRemembersOnlyThePairsOfRecentAccounts() {
        Outcome outcome = run(42);
        assertThat(outcome.forgettingFlags()).isNotEmpty().isEqualTo(outcome.rememberingFlags());
        assertThat(outcome.forgettingPairs()).isLessThan(outcome.rememberingPairs() / 2);
    }

    /**
     * Opens of a firm whose accounts start over time (each drawn from the newest ones) and finish
     * now and then, a few seconds apart with now and then a pause of minutes.
     */
    private static Outcome run(long seed) {
        Random random = new Random(seed);
        RiskConfig config = new RiskConfig(new RiskConfig.CopyTrading(1 + random.nextInt(20), 2 + random.nextInt(3)),
                random.nextBoolean() ? new RiskConfig.Hedging(1 + random.nextInt(60), random.nextBoolean()) : null);
        RiskWatch forgetting = new RiskWatch(config);
        RiskWatch remembering = new RiskWatch(config);
        Set<String> finished = new HashSet<>();
        Set<String> open = new HashSet<>();
        List<RiskFlag> forgettingFlags = new ArrayList<>();
        List<RiskFlag> rememberingFlags = new ArrayList<>();
        Instant time = Instant.parse("2026-03-02T07:00:00Z");
        int live = 4 + random.nextInt(20);
        for (int n = 0; n < 4000; n++) {
            time = time.plusMillis(random.nextInt(random.nextInt(10) == 0 ? 120_000 : 3_000));
            String account = "A" + (n / 50 + random.nextInt(live));
            if (finished.contains(account)) {
                continue; // a finished account opens nothing
            }
            if (random.nextInt(60) == 0) {
                finished.add(account);
                forgetting.onAccountFinished(account, time);
                continue;
            }
            String position = "p" + n;
            open.add(account + "/" + position);
            OpenedPosition opened = new OpenedPosition(account, "T" + random.nextInt(3), position,
                    SYMBOLS[random.nextInt(SYMBOLS.length)], random.nextBoolean() ? Side.BUY : Side.SELL, time);
            forgettingFlags.addAll(forgetting.onOpened(opened, (a, p) -> open.contains(a + "/" + p)));
            rememberingFlags.addAll(remembering.onOpened(opened, (a, p) -> open.contains(a + "/" + p)));
            if (random.nextInt(3) == 0) {
                open.remove(account + "/" + position);
            }
        }
        return new Outcome(forgettingFlags, rememberingFlags, forgetting.rememberedPairs(),
                remembering.rememberedPairs());
    }
}
