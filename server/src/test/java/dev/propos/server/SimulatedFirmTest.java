package dev.propos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The server on its defaults, as a new user starts it: the built-in simulator, the demo firm
 * imported and its traders enrolled on first start. Run faster than the default (a trading day in
 * three seconds) so that the firm at work shows within seconds: trading, violations, a copy-trading
 * flag, passes into the next phase, and the next phase's account started.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "propos.db.data-directory=${java.io.tmpdir}/propos-simulated-firm-${random.uuid}",
        "propos.admin.password=" + TestClient.ADMIN_PASSWORD,
        "propos.simulator.time-scale=28800"})
// A server of its own, closed after the class: its threads and database are not left running.
@DirtiesContext
class SimulatedFirmTest {

    @LocalServerPort
    int port;

    @Test
    void aNewFirmIsSeenAtWork() {
        TestClient admin = TestClient.admin(port);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        List<Map<String, Object>> decisions = List.of();
        while (System.nanoTime() < deadline && !seenAtWork(decisions)) {
            Firm.sleep(1000);
            decisions = Firm.jsonLines(admin.get("/api/engine/decisions").body());
        }

        assertThat(decisions).extracting(d -> d.get("type"))
                .contains("violation", "risk_flag", "phase_passed", "breach");
        String accounts = admin.get("/api/accounts?limit=100").body();
        assertThat(accounts).contains("SIM-1001", "SIM-1009");
        String passed = decisions.stream().filter(d -> "phase_passed".equals(d.get("type")))
                .map(d -> (String) d.get("account")).findFirst().orElseThrow();
        Firm.awaitEvaluated(admin);
        assertThat(admin.get("/api/accounts/" + passed + "/reactions").body()).contains("create_account");
    }

    private static boolean seenAtWork(List<Map<String, Object>> decisions) {
        List<Object> types = decisions.stream().map(d -> d.get("type")).toList();
        return types.containsAll(List.of("violation", "risk_flag", "phase_passed", "breach"));
    }
}
