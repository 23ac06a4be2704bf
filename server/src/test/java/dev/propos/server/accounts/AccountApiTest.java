package dev.propos.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.platform.PlatformCommand;
import dev.propos.server.Firm;
import dev.propos.server.RecordingPlatform;
import dev.propos.server.ServerTest;
import dev.propos.server.TestClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Enrollment, the account list and detail, and an account's decisions, events, reactions and notifications. */
@ServerTest
class AccountApiTest {

    @LocalServerPort
    int port;

    @Autowired
    RecordingPlatform platform;

    TestClient admin;
    String trader;

    @BeforeEach
    void firm() {
        admin = TestClient.admin(port);
        Firm.importTestProgram(admin);
        trader = Firm.unique("tr");
        Firm.createTrader(admin, trader, "secret-123");
    }

    @Test
    void anEnrollmentCreatesThePlatformAccountThenStartsTheAccount() {
        Firm.startTestTime(admin);
        TestClient.Answer answer = admin.postJson("/api/accounts",
                "{\"trader\":\"%s\",\"program\":\"%s\",\"fee\":99.5}".formatted(trader, Firm.TEST_PROGRAM));

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        Map<String, Object> enrolled = Firm.json(answer.body());
        String account = (String) enrolled.get("account");
        assertThat(account).matches("PA\\d{6,}");
        assertThat(enrolled).containsEntry("trader", trader).containsEntry("program", Firm.TEST_PROGRAM)
                .containsEntry("version", 1).containsEntry("phase", "evaluation");

        Map<String, Object> detail = Firm.awaitStatus(admin, account, "active");
        assertThat(detail).containsEntry("trader", trader).containsEntry("programName", "API test 10k")
                .containsEntry("currency", "USD").containsEntry("funded", false);
        assertThat(detail.get("asOf")).isNotNull();
        String body = admin.get("/api/accounts/" + account).body();
        assertThat(body).contains("\"balance\":10000.00", "\"equity\":10000.00", "\"dailyLossFloor\":9500.00",
                "\"maxLossFloor\":9000.00", "\"highWater\":10000.00", "\"tradingDays\":0", "\"fee\":99.5");
        // every rule of the phase with the engine's live figures: the daily loss 500.00 above its floor
        assertThat(body).contains("{\"rule\":\"profit_target\",\"state\":\"pending\"",
                "{\"rule\":\"daily_loss\",\"state\":\"ok\",\"value\":\"10000.00\",\"limit\":\"9500.00\",\"distance\":\"500.00\",\"unit\":\"money\"",
                "{\"rule\":\"max_loss\",\"state\":\"ok\",\"value\":\"10000.00\",\"limit\":\"9000.00\",\"distance\":\"1000.00\"");
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = (Map<String, Object>) detail.get("figures");
        assertThat((String) figures.get("nextDayStart")).endsWith("T00:00:00Z");
        @SuppressWarnings("unchecked")
        Map<String, Object> enrollment = (Map<String, Object>) detail.get("enrollment");
        assertThat(enrollment).containsEntry("status", "done").containsEntry("attempts", 1);
        assertThat(platform.executed()).anySatisfy(command -> {
            assertThat(command).isInstanceOf(PlatformCommand.CreateAccount.class);
            assertThat(command.account()).isEqualTo(account);
        });
        assertThat(admin.get("/api/audit?subject=" + account).body())
                .contains("\"action\":\"account_enrolled\"", "\"actor\":\"admin\"", "\"trader\":\"" + trader + "\"");
    }

    @Test
    void anEnrollmentThePlatformKeepsRefusingShowsAsEnrolling() {
        Firm.startTestTime(admin);
        platform.failNext(1_000);
        String account;
        try {
            TestClient.Answer answer = admin.postJson("/api/accounts",
                    "{\"trader\":\"%s\",\"program\":\"%s\",\"version\":1}".formatted(trader, Firm.TEST_PROGRAM));
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            account = (String) Firm.json(answer.body()).get("account");
            Map<String, Object> detail = awaitAttempts(account, 2);
            assertThat(detail).containsEntry("status", "enrolling").containsEntry("figures", null)
                    .containsEntry("trader", trader).containsEntry("phase", "evaluation");
            assertThat(admin.get("/api/accounts?status=enrolling&trader=" + trader).body())
                    .contains("\"account\":\"" + account + "\"");
            assertThat(TestClient.user(port, trader, "secret-123").get("/api/accounts/" + account).status())
                    .as("the trader sees their enrollment").isEqualTo(200);
        } finally {
            platform.failNext(0);
        }
        Firm.awaitStatus(admin, account, "active");
    }

    private Map<String, Object> awaitAttempts(String account, int attempts) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> detail = Firm.json(admin.get("/api/accounts/" + account).body());
            @SuppressWarnings("unchecked")
            Map<String, Object> enrollment = (Map<String, Object>) detail.get("enrollment");
            if (enrollment != null && (int) enrollment.get("attempts") >= attempts) {
                assertThat(enrollment).containsEntry("status", "pending")
                        .containsEntry("lastError", "platform unavailable (test)");
                return detail;
            }
            Firm.sleep(20);
        }
        throw new AssertionError("the enrollment of " + account + " was not tried " + attempts + " times");
    }

    @Test
    void aFailedAccountShowsItsDecisionsEventsReactionsAndNotifications() {
        String account = Firm.enroll(admin, trader);
        Firm.ingest(admin, Firm.lossOf(account));
        Firm.awaitStatus(admin, account, "failed");

        List<Map<String, Object>> decisions = Firm.jsonList(admin.get("/api/accounts/" + account + "/decisions").body());
        assertThat(decisions).hasSize(1);
        assertThat(decisions.getFirst()).containsEntry("type", "breach").containsKey("seq").containsKey("time");
        assertThat(decisions.getFirst().get("decision")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("account", account).containsEntry("rule", "daily_loss").containsEntry("consequence", "fail");
        assertThat(admin.get("/api/accounts/" + account + "/decisions").body()).contains("\"limit\":9500.00");

        List<Map<String, Object>> events = Firm.jsonList(admin.get("/api/accounts/" + account + "/events").body());
        assertThat(events).extracting(e -> e.get("type")).containsExactly("equity_reported", "account_started");
        assertThat(events).allSatisfy(e -> assertThat(e).containsKeys("journalSeq", "journalTime", "late", "receivedSeq"));
        assertThat((Integer) events.get(0).get("journalSeq")).isGreaterThan((Integer) events.get(1).get("journalSeq"));
        assertThat(events.get(1)).containsEntry("id", "start-" + account).containsEntry("source", "reactions");
        long firstSeq = ((Integer) events.get(0).get("journalSeq")).longValue();
        assertThat(Firm.jsonList(admin.get("/api/accounts/" + account + "/events?before=" + firstSeq).body()))
                .extracting(e -> e.get("type")).containsExactly("account_started");

        List<Map<String, Object>> reactions = awaitReactionsDone(account, 3);
        assertThat(reactions).extracting(r -> r.get("kind"))
                .containsExactly("create_account", "close_all_positions", "disable_account");
        assertThat(reactions.get(1).get("decisionSeq")).isEqualTo(decisions.getFirst().get("seq"));

        TestClient self = TestClient.user(port, trader, "secret-123");
        List<Map<String, Object>> notifications = Firm.jsonList(self.get("/api/notifications").body());
        assertThat(notifications).hasSize(1);
        assertThat(notifications.getFirst()).containsEntry("account", account).containsEntry("kind", "breach");
        assertThat((String) notifications.getFirst().get("message")).contains("failed rule daily_loss");
        assertThat(admin.get("/api/notifications").status()).as("staff name the trader").isEqualTo(400);
        assertThat(Firm.jsonList(admin.get("/api/notifications?trader=" + trader).body())).hasSize(1);
    }

    private List<Map<String, Object>> awaitReactionsDone(String account, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Map<String, Object>> reactions = List.of();
        while (System.nanoTime() < deadline) {
            reactions = Firm.jsonList(admin.get("/api/accounts/" + account + "/reactions").body());
            if (reactions.size() == count && reactions.stream().allMatch(r -> "done".equals(r.get("status")))) {
                return reactions;
            }
            Firm.sleep(20);
        }
        throw new AssertionError("the reactions of " + account + " are not done: " + reactions);
    }

    @Test
    void theListFiltersByTraderStatusAndProgramAndPages() {
        String failed = Firm.enroll(admin, trader);
        String active = Firm.enroll(admin, trader);
        Firm.ingest(admin, Firm.lossOf(failed));
        Firm.awaitStatus(admin, failed, "failed");

        assertThat(accounts("?trader=" + trader)).containsExactly(failed, active);
        assertThat(accounts("?trader=" + trader + "&status=failed")).containsExactly(failed);
        assertThat(accounts("?trader=" + trader + "&status=active&program=" + Firm.TEST_PROGRAM)).containsExactly(active);
        assertThat(accounts("?trader=" + trader + "&program=no-such-program")).isEmpty();
        assertThat(accounts("?trader=" + trader + "&limit=1")).containsExactly(failed);
        assertThat(accounts("?trader=" + trader + "&after=" + failed)).containsExactly(active);
        assertThat(admin.get("/api/accounts?trader=" + trader).body())
                .contains("\"status\":\"failed\"", "\"balance\":10000.00", "\"equity\":9000.00", "\"version\":1");
    }

    private List<Object> accounts(String query) {
        return Firm.jsonList(admin.get("/api/accounts" + query).body()).stream().map(a -> a.get("account")).toList();
    }

    @Test
    void anEnrollmentNeedsAKnownTraderProgramAndVersion() {
        assertThat(admin.postJson("/api/accounts", "{\"trader\":\"nobody-%s\",\"program\":\"%s\"}"
                .formatted(trader, Firm.TEST_PROGRAM)).body()).contains("unknown trader");
        assertThat(admin.postJson("/api/accounts", "{\"trader\":\"%s\",\"program\":\"no-such-program\"}"
                .formatted(trader)).status()).isEqualTo(400);
        assertThat(admin.postJson("/api/accounts", "{\"trader\":\"%s\",\"program\":\"%s\",\"version\":99}"
                .formatted(trader, Firm.TEST_PROGRAM)).body()).contains("unknown program " + Firm.TEST_PROGRAM + " version 99");
        assertThat(admin.postJson("/api/accounts", "{\"trader\":\"%s\",\"program\":\"%s\",\"fee\":-1}"
                .formatted(trader, Firm.TEST_PROGRAM)).status()).isEqualTo(400);
        assertThat(admin.get("/api/accounts/PA0").status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentListsTheNewEndpoints() {
        TestClient.Answer docs = admin.get("/api/docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("\"/api/accounts\"", "\"/api/accounts/{id}\"", "\"/api/accounts/{id}/decisions\"",
                "\"/api/accounts/{id}/events\"", "\"/api/accounts/{id}/reactions\"", "\"/api/accounts/stream\"",
                "\"/api/accounts/{id}/stream\"", "\"/api/notifications\"", "\"/api/traders\"", "\"/api/traders/{id}\"",
                "\"/api/users\"", "\"/api/tokens\"", "\"/api/tokens/{id}\"", "\"/api/audit\"");
    }
}
