package dev.propos.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Random sequences of requests (posts, holds, posts and voids of holds, linked requests, invalid
 * ones, retries of earlier keys with the same and with another body), some phases run in order and
 * checked against {@link LedgerModel} answer by answer, others run at once from several threads.
 * After each phase: debits equal credits, every account's sums are those of its transfers, no key
 * names two transfers, no hold is resolved twice, no account passes its limit.
 *
 * <p>On its own PostgreSQL with only the ledger's schema in use: no server to boot, and each try
 * starts from empty tables.
 */
class LedgerPropertyTest {

    enum Kind { POST, HOLD, POST_PENDING, VOID_PENDING, LINKED, RETRY_SAME, RETRY_DIFFERENT, INVALID }

    /** One request to make, as numbers; {@link Requests} turns it into commands against what came before. */
    record Op(Kind kind, int a, int b, int c, long amountCents) {
    }

    record Phase(boolean concurrent, List<Op> ops) {
    }

    private static final String CASH = "cash:USD";
    private static final String FEES = "fees_received:USD";
    private static final String PAYABLE_A = "payouts_payable:A:USD";
    private static final String PAYABLE_B = "payouts_payable:B:USD";
    private static final String BANK = "bank:USD";
    private static final String EURO = "cash:EUR";
    private static final List<String> ACCOUNTS = List.of(CASH, FEES, PAYABLE_A, PAYABLE_B, BANK, EURO);
    private static final int THREADS = 4;

    private static EmbeddedPostgres postgres;
    private static HikariDataSource dataSource;
    private static JdbcClient jdbc;
    private static Ledger ledger;
    private static ExecutorService threads;

    @BeforeContainer
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        hikari.setUsername("postgres");
        hikari.setMaximumPoolSize(THREADS + 2);
        dataSource = new HikariDataSource(hikari);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        ledger = new Ledger(new LedgerStore(jdbc), new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Clock.systemUTC());
        threads = Executors.newFixedThreadPool(THREADS);
    }

    @AfterContainer
    static void stop() throws IOException {
        threads.close();
        dataSource.close();
        postgres.close();
    }

    // Edge cases off: the numbers pick accounts and earlier requests, their extremes mean nothing here.
    @Property(tries = 30, edgeCases = EdgeCasesMode.NONE)
    void theLedgerBalancesWhateverTheRequests(@ForAll("scenarios") List<Phase> phases) throws Exception {
        jdbc.sql("truncate ledger_transfers, ledger_accounts restart identity").update();
        openAccounts();
        LedgerModel model = LedgerModel.load(jdbc);
        Requests requests = new Requests();
        Map<String, Long> transferIdByKey = new HashMap<>();

        // Over all tries, the answers that matter most must have come up (jqwik checks after the last try).
        Statistics.label("in order").coverage(coverage -> {
            for (String outcome : List.of("Created", "Replayed", "EXISTS_WITH_DIFFERENT_REQUEST", "PARTLY_EXISTS",
                    "PENDING_ALREADY_POSTED", "PENDING_ALREADY_VOIDED", "EXCEEDS_CREDITS")) {
                coverage.check(outcome).count(count -> count > 0);
            }
        });
        Statistics.label("concurrent").coverage(coverage -> {
            coverage.check("Created").count(count -> count > 0);
            coverage.check("Replayed").count(count -> count > 0);
        });

        for (Phase phase : phases) {
            List<List<TransferCommand>> batch = phase.ops().stream().map(requests::next).toList();
            List<TransferResult> results = phase.concurrent() ? concurrently(batch) : inOrder(batch, model);
            for (TransferResult result : results) {
                String outcome = result instanceof TransferResult.Refused r
                        ? r.refusal().name() : result.getClass().getSimpleName();
                Statistics.label(phase.concurrent() ? "concurrent" : "in order").collect(outcome);
                if (result instanceof TransferResult.Accepted accepted) {
                    for (Transfer transfer : accepted.transfers()) {
                        Long first = transferIdByKey.putIfAbsent(transfer.key(), transfer.id());
                        assertThat(first == null ? transfer.id() : first).as("key %s names one transfer", transfer.key())
                                .isEqualTo(transfer.id());
                    }
                }
            }
            if (phase.concurrent()) {
                assertAnswersMatchTheStore(batch, results);
                model = LedgerModel.load(jdbc);
            } else {
                assertThat(LedgerModel.load(jdbc).state()).as("the database is the model").isEqualTo(model.state());
            }
            assertInvariants(model);
        }
    }

    private static void openAccounts() {
        ledger.open(new AccountSpec(CASH, "Cash", AccountKind.ASSET, "USD", null, BalanceLimit.NONE));
        ledger.open(new AccountSpec(FEES, "Fees", AccountKind.REVENUE, "USD", null, BalanceLimit.NONE));
        ledger.open(new AccountSpec(PAYABLE_A, "Payable A", AccountKind.LIABILITY, "USD", "A",
                BalanceLimit.DEBITS_MUST_NOT_EXCEED_CREDITS));
        ledger.open(new AccountSpec(PAYABLE_B, "Payable B", AccountKind.LIABILITY, "USD", "B",
                BalanceLimit.DEBITS_MUST_NOT_EXCEED_CREDITS));
        ledger.open(new AccountSpec(BANK, "Bank, never overdrawn", AccountKind.ASSET, "USD", null,
                BalanceLimit.CREDITS_MUST_NOT_EXCEED_DEBITS));
        ledger.open(new AccountSpec(EURO, "Cash in euros", AccountKind.ASSET, "EUR", null, BalanceLimit.NONE));
        // something owed and something in the bank, so that limited accounts are not refused everything
        for (String funded : List.of(PAYABLE_A, PAYABLE_B, BANK)) {
            String from = funded.equals(BANK) ? FEES : CASH;
            assertThat(ledger.post(new TransferCommand.Post("funding:" + funded, funded.equals(BANK) ? BANK : from,
                    funded.equals(BANK) ? from : funded, 4_000, "USD", Reference.event("funding"), "funding")))
                    .isInstanceOf(TransferResult.Created.class);
        }
    }

    /** Runs the requests one by one, each answer compared with the model's. */
    private static List<TransferResult> inOrder(List<List<TransferCommand>> batch, LedgerModel model) {
        List<TransferResult> results = new ArrayList<>();
        for (List<TransferCommand> request : batch) {
            LedgerModel.Expected expected = model.apply(request);
            TransferResult actual = ledger.execute(request);
            assertThat(asExpected(actual)).as("answer to %s", request).isEqualTo(expected);
            results.add(actual);
        }
        return results;
    }

    private static LedgerModel.Expected asExpected(TransferResult result) {
        return switch (result) {
            case TransferResult.Created created ->
                    new LedgerModel.Created(created.transfers().stream().map(LedgerModel.Row::of).toList());
            case TransferResult.Replayed replayed ->
                    new LedgerModel.Replayed(replayed.transfers().stream().map(LedgerModel.Row::of).toList());
            case TransferResult.Refused refused -> new LedgerModel.Refused(refused.refusal(), refused.leg());
        };
    }

    /** Runs the requests all at once from {@link #THREADS} threads. */
    private static List<TransferResult> concurrently(List<List<TransferCommand>> batch)
            throws InterruptedException, ExecutionException {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TransferResult>> futures = new ArrayList<>();
        for (List<TransferCommand> request : batch) {
            futures.add(threads.submit(() -> {
                start.await();
                return ledger.execute(request);
            }));
        }
        start.countDown();
        List<TransferResult> results = new ArrayList<>();
        for (Future<TransferResult> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    /** What concurrent requests were told is what the store holds: their transfers, or another under their key. */
    private static void assertAnswersMatchTheStore(List<List<TransferCommand>> batch, List<TransferResult> results) {
        LedgerStore store = new LedgerStore(jdbc);
        for (int i = 0; i < batch.size(); i++) {
            List<TransferCommand> request = batch.get(i);
            Map<String, Transfer> stored = store.transfers(request.stream().map(TransferCommand::key).toList());
            switch (results.get(i)) {
                case TransferResult.Accepted accepted -> {
                    assertThat(accepted.transfers()).hasSameSizeAs(request);
                    for (int leg = 0; leg < request.size(); leg++) {
                        Transfer transfer = accepted.transfers().get(leg);
                        assertThat(stored.get(request.get(leg).key())).isEqualTo(transfer);
                        assertThat(RequestChecks.sameRequest(request.get(leg), transfer)).isTrue();
                    }
                }
                case TransferResult.Refused refused when refused.refusal() == Refusal.EXISTS_WITH_DIFFERENT_REQUEST -> {
                    TransferCommand leg = request.get(refused.leg());
                    assertThat(stored.get(leg.key())).isNotNull();
                    assertThat(RequestChecks.sameRequest(leg, stored.get(leg.key()))).isFalse();
                }
                case TransferResult.Refused refused when refused.refusal() == Refusal.PARTLY_EXISTS ->
                        assertThat(stored).isNotEmpty().doesNotContainKey(request.get(refused.leg()).key());
                case TransferResult.Refused refused -> {
                    // refused for its own sake: a key of it may only be stored by another request's retry
                }
            }
        }
    }

    private static void assertInvariants(LedgerModel model) {
        assertThat(ledger.discrepancies()).as("stored sums are the sums of the transfers").isEmpty();
        List<Long> sums = jdbc.sql("""
                select sum(debits_posted), sum(credits_posted), sum(debits_pending), sum(credits_pending)
                from ledger_accounts""").query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4))).single();
        assertThat(sums.get(0)).as("posted debits = posted credits").isEqualTo(sums.get(1));
        assertThat(sums.get(2)).as("pending debits = pending credits").isEqualTo(sums.get(3));
        assertThat(jdbc.sql("select count(*) - count(distinct idempotency_key) from ledger_transfers")
                .query(Long.class).single()).as("no key posted twice").isZero();
        assertThat(jdbc.sql("""
                select count(*) from ledger_transfers r join ledger_transfers h on h.id = r.pending_id
                where h.status <> 'pending' or r.debit_account <> h.debit_account or r.credit_account <> h.credit_account
                   or r.currency <> h.currency or r.amount_cents > h.amount_cents
                   or (r.status = 'voided' and r.amount_cents <> h.amount_cents)""")
                .query(Long.class).single()).as("holds resolved as held").isZero();
        assertThat(jdbc.sql("select count(*) from (select pending_id from ledger_transfers where pending_id is not null"
                + " group by pending_id having count(*) > 1) twice").query(Long.class).single())
                .as("no hold resolved twice").isZero();

        // The same sums computed here, from the rows, apart from the database's own query.
        Map<String, Balance> computed = new HashMap<>();
        model.accounts().keySet().forEach(id -> computed.put(id, Balance.ZERO));
        for (LedgerModel.Row row : model.rows().values()) {
            boolean open = row.status() == TransferStatus.PENDING && model.rows().values().stream()
                    .noneMatch(other -> row.key().equals(other.pendingKey()));
            long pending = open ? row.amountCents() : 0;
            long posted = row.status() == TransferStatus.POSTED ? row.amountCents() : 0;
            computed.merge(row.debit(), new Balance(pending, posted, 0, 0), Balance::plus);
            computed.merge(row.credit(), new Balance(0, 0, pending, posted), Balance::plus);
        }
        for (LedgerAccount account : ledger.accounts(null, null)) {
            assertThat(account.balance()).as("sums of %s", account.id()).isEqualTo(computed.get(account.id()));
            assertThat(account.balance().allows(account.limit())).as("limit of %s", account.id()).isTrue();
        }
    }

    @Provide
    Arbitrary<List<Phase>> scenarios() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(6, Kind.POST), Tuple.of(3, Kind.HOLD), Tuple.of(3, Kind.POST_PENDING),
                Tuple.of(2, Kind.VOID_PENDING), Tuple.of(2, Kind.LINKED), Tuple.of(3, Kind.RETRY_SAME),
                Tuple.of(1, Kind.RETRY_DIFFERENT), Tuple.of(1, Kind.INVALID));
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 9_999);
        Arbitrary<Op> ops = Combinators.combine(kinds, any, any, any, Arbitraries.longs().between(1, 6_000))
                .as(Op::new);
        Arbitrary<Phase> phases = Combinators.combine(Arbitraries.of(false, true), ops.list().ofMinSize(4).ofMaxSize(30))
                .as(Phase::new);
        return phases.list().ofMinSize(2).ofMaxSize(6);
    }

    /** Turns {@link Op}s into requests, each naming accounts, holds and earlier requests by its numbers. */
    private static final class Requests {

        private final List<List<TransferCommand>> issued = new ArrayList<>();
        private final List<TransferCommand.Hold> holds = new ArrayList<>();
        private int keys;

        List<TransferCommand> next(Op op) {
            List<TransferCommand> request = switch (op.kind()) {
                case POST, HOLD, POST_PENDING, VOID_PENDING -> List.of(leg(op.kind(), op.a(), op.b(), op.amountCents(), List.of()));
                case LINKED -> linked(new Random(op.a() * 10_007L + op.b()), op.amountCents());
                case RETRY_SAME -> issued.isEmpty() ? List.of(leg(Kind.POST, op.a(), op.b(), op.amountCents(), List.of()))
                        : issued.get(op.a() % issued.size());
                case RETRY_DIFFERENT -> issued.isEmpty() ? List.of(leg(Kind.HOLD, op.a(), op.b(), op.amountCents(), List.of()))
                        : op.c() % 2 == 0 ? different(issued.get(op.a() % issued.size()))
                        : extended(issued.get(op.a() % issued.size()), op);
                case INVALID -> invalid(op);
            };
            issued.add(request);
            return request;
        }

        private TransferCommand leg(Kind kind, int a, int b, long amountCents, List<TransferCommand> earlier) {
            // two different accounts in dollars, but one time in twenty the euro account or the same one twice
            int usd = ACCOUNTS.size() - 1;
            String debit = ACCOUNTS.get(a % 20 == 0 ? ACCOUNTS.size() - 1 : a % usd);
            String credit = b % 20 == 0 ? debit : ACCOUNTS.get((a % usd + 1 + b % (usd - 1)) % usd);
            String currency = debit.endsWith("EUR") && credit.endsWith("EUR") ? "EUR" : "USD";
            Reference cause = Reference.event("e" + keys);
            return switch (kind) {
                case HOLD -> {
                    TransferCommand.Hold hold = new TransferCommand.Hold(key(), debit, credit, amountCents, currency,
                            cause, "hold");
                    holds.add(hold);
                    yield hold;
                }
                case POST_PENDING, VOID_PENDING -> {
                    // a hold of this request first, else any earlier one (perhaps resolved already)
                    TransferCommand.Hold hold = earlier.stream().filter(TransferCommand.Hold.class::isInstance)
                            .map(TransferCommand.Hold.class::cast).findFirst()
                            .orElse(holds.isEmpty() ? null : holds.get(a % holds.size()));
                    // now and then a key that is not a hold's, or none at all
                    String pendingKey = hold == null || b % 10 == 0 ? "no-such-hold"
                            : b % 10 == 1 && !issued.isEmpty() ? issued.get(a % issued.size()).getFirst().key()
                            : hold.key();
                    long heldCents = hold == null ? amountCents : hold.amountCents();
                    yield kind == Kind.VOID_PENDING ? new TransferCommand.VoidPending(key(), pendingKey, cause, "void")
                            // mostly part or all of the hold, sometimes more
                            : new TransferCommand.PostPending(key(), pendingKey, Math.max(1, heldCents * (b % 120) / 100),
                            cause, "post");
                }
                default -> new TransferCommand.Post(key(), debit, credit, amountCents, currency, cause, "post");
            };
        }

        private List<TransferCommand> linked(Random random, long amountCents) {
            List<TransferCommand> legs = new ArrayList<>();
            int count = 2 + random.nextInt(3);
            Kind[] kinds = {Kind.POST, Kind.POST, Kind.HOLD, Kind.POST_PENDING, Kind.VOID_PENDING};
            for (int i = 0; i < count; i++) {
                legs.add(leg(kinds[random.nextInt(kinds.length)], random.nextInt(1_000), random.nextInt(1_000),
                        1 + random.nextLong(amountCents), legs));
            }
            return legs;
        }

        /** The request again with one more leg: partly a retry. */
        private List<TransferCommand> extended(List<TransferCommand> request, Op op) {
            List<TransferCommand> more = new ArrayList<>(request);
            more.add(leg(Kind.POST, op.b(), op.c(), op.amountCents(), List.of()));
            return more;
        }

        /** The request again under the same keys, its first leg changed. */
        private static List<TransferCommand> different(List<TransferCommand> request) {
            List<TransferCommand> changed = new ArrayList<>(request);
            changed.set(0, switch (request.getFirst()) {
                case TransferCommand.Post p -> new TransferCommand.Post(p.key(), p.debitAccount(), p.creditAccount(),
                        p.amountCents() + 1, p.currency(), p.reference(), p.description());
                case TransferCommand.Hold h -> new TransferCommand.Hold(h.key(), h.creditAccount(), h.debitAccount(),
                        h.amountCents(), h.currency(), h.reference(), h.description());
                case TransferCommand.PostPending p -> new TransferCommand.PostPending(p.key(), p.pendingKey(),
                        p.amountCents(), p.reference(), p.description() + " again");
                case TransferCommand.VoidPending v -> new TransferCommand.VoidPending(v.key(), v.pendingKey(),
                        Reference.webhook("other"), v.description());
            });
            return changed;
        }

        private List<TransferCommand> invalid(Op op) {
            Reference cause = Reference.event("e" + keys);
            return switch (op.c() % 6) {
                case 0 -> List.of(new TransferCommand.Post(key(), CASH, FEES, -op.amountCents(), "USD", cause, ""));
                case 1 -> List.of(new TransferCommand.Post(key(), CASH, "nowhere:USD", op.amountCents(), "USD", cause, ""));
                case 2 -> List.of(new TransferCommand.Hold(key(), FEES, FEES, op.amountCents(), "USD", cause, ""));
                case 3 -> List.of(new TransferCommand.Post(key(), CASH, FEES, op.amountCents(), "USD",
                        new Reference("event", ""), ""));
                case 4 -> List.of(new TransferCommand.Post("", CASH, FEES, op.amountCents(), "USD", cause, ""));
                default -> {
                    TransferCommand post = new TransferCommand.Post(key(), FEES, CASH, op.amountCents(), "USD", cause, "");
                    yield List.of(post, post);
                }
            };
        }

        private String key() {
            return "k" + keys++;
        }
    }
}
