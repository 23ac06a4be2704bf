package dev.propos.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test steps against a running server: configuration, traders, enrollments, events, waiting for
 * the engine. Test classes share one server (and one journal): each uses its own ids ({@link #unique}),
 * and times no later than the shared examples' (which start in March 2026), so that its events never
 * make an example's events late.
 */
public final class Firm {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PROGRESS = Pattern.compile("\"journalSeq\":(\\d+),\"evaluatedSeq\":(\\d+)");

    /** The firm of the load and restart tests. */
    public static final Path LOAD_FIRM = Path.of("src", "test", "resources", "load-firm.yaml");

    /** A challenge program for API tests: 10,000, daily loss 5% (floor 9,500), max loss 10%, target 10%. */
    public static final String TEST_PROGRAM = "api-test-10k";
    private static final String TEST_PROGRAM_YAML = """
            programs:
              - id: api-test-10k
                version: 1
                name: API test 10k
                initial_balance: 10000
                phases:
                  - id: evaluation
                    next: funded
                    rules:
                      - { rule: profit_target, percent: 10 }
                      - { rule: daily_loss, percent: 5 }
                      - { rule: max_loss, percent: 10 }
                  - id: funded
                    funded: true
                    rules:
                      - { rule: daily_loss, percent: 5 }
                      - { rule: max_loss, percent: 10 }
                    payouts: { split_percent: 80 }
            """;
    /** Where the API tests' time starts: before every shared example's. */
    public static final String TEST_START = "2026-01-05T00:00:00Z";

    private Firm() {
    }

    public static Path example(String name) {
        return Path.of("..", "examples", "shared", name);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports a configuration document unless the same programs are there already (test classes share a server). */
    public static void importConfig(TestClient admin, Path file) {
        TestClient.Answer answer = admin.post("/api/programs?name=" + file.getFileName(), "application/yaml", read(file));
        if (answer.status() == 400 && answer.body().contains("already defined")) {
            return;
        }
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    /** Imports the API tests' program ({@link #TEST_PROGRAM}) unless it is there already. */
    public static void importTestProgram(TestClient admin) {
        TestClient.Answer answer = admin.post("/api/programs?name=api-test.yaml", "application/yaml", TEST_PROGRAM_YAML);
        if (answer.status() == 400 && answer.body().contains("already defined")) {
            return;
        }
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    /** An id no other test uses: {@code prefix} and a random part. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a trader with a login (the same name as the trader's id) and that password. */
    public static void createTrader(TestClient admin, String trader, String password) {
        TestClient.Answer answer = admin.postJson("/api/traders", """
                {"id":"%s","name":"Trader %s","email":"%s@example.com","login":{"username":"%s","password":"%s"}}"""
                .formatted(trader, trader, trader, trader, password));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    /** Creates a staff user with roles. */
    public static void createStaff(TestClient admin, String username, String password, String... roles) {
        TestClient.Answer answer = admin.postJson("/api/users", """
                {"username":"%s","password":"%s","roles":[%s]}"""
                .formatted(username, password, String.join(",", Arrays.stream(roles).map(r -> "\"" + r + "\"").toList())));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    /** Creates an API token with roles; its answer has {@code id} and {@code token}. */
    public static Map<String, Object> createToken(TestClient admin, String name, String... roles) {
        TestClient.Answer answer = admin.postJson("/api/tokens", """
                {"name":"%s","roles":[%s]}"""
                .formatted(name, String.join(",", Arrays.stream(roles).map(r -> "\"" + r + "\"").toList())));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return json(answer.body());
    }

    /**
     * Enrolls {@code trader} into the test program and waits until the account runs; gives its id.
     * The journal is first given the tests' start time, so that an empty journal does not start the
     * account at the wall clock's time, later than the examples'.
     */
    public static String enroll(TestClient client, String trader) {
        startTestTime(client);
        TestClient.Answer answer = client.postJson("/api/accounts",
                "{\"trader\":\"%s\",\"program\":\"%s\",\"fee\":99}".formatted(trader, TEST_PROGRAM));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        String account = (String) json(answer.body()).get("account");
        awaitStatus(client, account, "active");
        return account;
    }

    /** Gives an empty journal the tests' start time (a journal already later journals it late: no harm). */
    public static void startTestTime(TestClient ingester) {
        ingest(ingester, "{\"type\":\"clock\",\"id\":\"%s\",\"time\":\"%s\"}".formatted(unique("clock"), TEST_START));
    }

    /** Waits until the account shows {@code status}; gives its detail. */
    public static Map<String, Object> awaitStatus(TestClient client, String account, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Object> detail = Map.of();
        while (System.nanoTime() < deadline) {
            TestClient.Answer answer = client.get("/api/accounts/" + account);
            if (answer.status() == 200) {
                detail = json(answer.body());
                if (status.equals(detail.get("status"))) {
                    return detail;
                }
            }
            sleep(20);
        }
        throw new AssertionError("account " + account + " did not become " + status + ": " + detail);
    }

    /** Ingests JSON Lines and requires every line accepted. */
    public static void ingest(TestClient client, String... lines) {
        TestClient.Answer answer = client.post("/api/events", "application/x-ndjson", String.join("\n", lines));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).as(answer.body()).contains("\"rejected\":0");
    }

    /** An equity report that fails a test-program account on its daily loss (9,000 is under the 9,500 floor). */
    public static String lossOf(String account) {
        return "{\"type\":\"equity_reported\",\"id\":\"%s\",\"time\":\"2026-01-05T10:00:00Z\",\"account\":\"%s\",\"equity\":9000}"
                .formatted(unique("loss-" + account), account);
    }

    public static Map<String, Object> json(String text) {
        return JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
    }

    public static List<Map<String, Object>> jsonList(String text) {
        return JSON.readValue(text, new TypeReference<List<Map<String, Object>>>() { });
    }

    /** The journal's last entry. */
    public static long journalSeq(TestClient staff) {
        Matcher matcher = PROGRESS.matcher(staff.get("/api/engine/progress").body());
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** The accounts the events of a JSON Lines file name. */
    public static Set<String> accountsOf(List<String> eventLines) {
        Set<String> accounts = new TreeSet<>();
        for (String line : eventLines) {
            Object account = json(line).get("account");
            if (account != null) {
                accounts.add(account.toString());
            }
        }
        return accounts;
    }

    /**
     * Decisions after journal entry {@code afterSeq} about {@code accounts} only (a risk flag when it
     * names one of them): other test classes' accounts decide on the same server.
     */
    public static List<Map<String, Object>> decisionsAbout(TestClient staff, long afterSeq, Set<String> accounts) {
        return jsonLines(staff.get("/api/engine/decisions?after=" + afterSeq).body()).stream()
                .filter(d -> accounts.contains(String.valueOf(d.get("account")))
                        || (d.get("accounts") instanceof List<?> named && named.stream().anyMatch(a -> accounts.contains(a.toString()))))
                .toList();
    }

    /** The example's events, each given an id (the server requires one) made of {@code prefix} and its line. */
    public static List<String> eventsWithIds(Path file, String prefix) {
        List<String> lines = new ArrayList<>();
        int number = 0;
        for (String line : read(file).split("\n")) {
            number++;
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            lines.add(line.contains("\"id\"") ? line
                    : line.replaceFirst("\\{", "{\"id\":\"" + prefix + number + "\","));
        }
        return lines;
    }

    /** JSON Lines as maps, blank lines skipped. */
    public static List<Map<String, Object>> jsonLines(String text) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                objects.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() { }));
            }
        }
        return objects;
    }

    /**
     * Decisions as check-examples compares them: one for one in order, each having every field of
     * the expected one with the same value (a field the example does not list is not compared).
     */
    public static void assertDecisionsMatch(List<Map<String, Object>> actual, List<Map<String, Object>> expected) {
        assertThat(actual).as("decisions").hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("decision %d", i + 1).containsAllEntriesOf(expected.get(i));
        }
    }

    /** Waits until the engine has evaluated everything journaled. */
    public static void awaitEvaluated(TestClient client) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            TestClient.Answer answer = client.get("/api/engine/progress");
            Matcher matcher = PROGRESS.matcher(answer.body());
            if (matcher.find() && matcher.group(1).equals(matcher.group(2))) {
                return;
            }
            sleep(20);
        }
        throw new AssertionError("the engine did not catch up with the journal");
    }

    /** Waits (up to 30 s) until {@code condition} holds. */
    public static void awaitUntil(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            sleep(20);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
