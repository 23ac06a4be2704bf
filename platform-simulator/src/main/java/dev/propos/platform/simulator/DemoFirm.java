package dev.propos.platform.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The firm a new PropOS user sees at work: the demo configuration shipped with the simulator
 * ({@value #CONFIG_RESOURCE}) and the accounts to open on its first start. With the default speed
 * of a day a minute, within minutes the demo shows the reckless traders breaching, the copier
 * flagged, news and scalping violations, careful traders passing into their next phase, and the
 * funded traders asking for payouts.
 */
public final class DemoFirm {

    /** The classpath resource of the demo configuration (spec/programs.md). */
    public static final String CONFIG_RESOURCE = "/dev/propos/platform/simulator/demo-firm.yaml";
    /** The demo program: a two-step 100K challenge and its funded phase. */
    public static final String PROGRAM = "two-step-100k";
    public static final String CHALLENGE = "challenge";
    public static final String VERIFICATION = "verification";
    public static final String FUNDED = "funded";

    private static final BigDecimal BALANCE = new BigDecimal("100000.00");
    /** Where each roster trader starts, so that passes and payouts show early as well as breaches. */
    private static final Map<String, String> START_PHASE = Map.of(
            "t-carol", CHALLENGE, "t-vera", VERIFICATION, "t-dan", FUNDED, "t-rick", CHALLENGE,
            "t-lea", CHALLENGE, "t-finn", CHALLENGE, "t-nora", CHALLENGE, "t-sam", CHALLENGE, "t-rosa", FUNDED);

    private DemoFirm() {
    }

    /** The demo configuration's text (YAML). */
    public static String configYaml() {
        try (InputStream in = DemoFirm.class.getResourceAsStream(CONFIG_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CONFIG_RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One account per roster trader ({@link SimulatedTraders#demoRoster()}), ids {@code SIM-1001}
     * upwards in roster order, in the phase that trader starts in.
     */
    public static List<DemoAccount> openingAccounts() {
        List<SimulatedTrader> roster = SimulatedTraders.demoRoster();
        return java.util.stream.IntStream.range(0, roster.size())
                .mapToObj(i -> {
                    SimulatedTrader trader = roster.get(i);
                    String phase = START_PHASE.getOrDefault(trader.id(), CHALLENGE);
                    return new DemoAccount("SIM-" + (1001 + i), trader, PROGRAM, phase, phase.equals(FUNDED),
                            BALANCE, "USD");
                })
                .toList();
    }
}
