package dev.propos.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.propos.engine.event.AdjustmentReason;
import dev.propos.engine.event.Event;
import dev.propos.engine.event.Event.AccountEvent;
import dev.propos.engine.event.Event.BalanceAdjusted;
import dev.propos.engine.event.Event.News;
import dev.propos.engine.event.Event.PositionClosed;
import dev.propos.engine.event.Event.PositionOpened;
import dev.propos.platform.PlatformCommand.AdjustBalance;
import dev.propos.platform.PlatformCommand.CloseAllPositions;
import dev.propos.platform.PlatformCommand.ClosePosition;
import dev.propos.platform.PlatformCommand.CreateAccount;
import dev.propos.platform.PlatformCommand.DisableAccount;
import dev.propos.platform.PlatformCommand.EnableAccount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TradingPlatform} promises, as far as it can be checked without
 * knowing the platform. An adapter's test extends this class and supplies the platform and a few
 * hooks that only the adapter can provide: making the platform deliver what it has, and having a
 * trader open a position.
 *
 * <p>Each test creates its own accounts (ids from {@link #newAccountId()}), so a platform may be
 * shared between tests if creating one is expensive.
 */
public abstract class TradingPlatformContract {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static final AtomicInteger COMMANDS = new AtomicInteger();

    /** Every event the platform delivered, in delivery order. */
    protected final List<Event> delivered = new ArrayList<>();
    protected TradingPlatform platform;

    /** A platform ready to start (not started yet). */
    protected abstract TradingPlatform createPlatform() throws Exception;

    /**
     * Returns once the platform has delivered to its sink everything that follows from what was
     * done so far (a simulator steps its clock; a live adapter waits for the reports to arrive).
     */
    protected abstract void deliver() throws Exception;

    /** Has the trader of {@code account} open a position now, as a trader would; returns its position id. */
    protected abstract String openPositionAsTrader(String account) throws Exception;

    /**
     * Has the trader of {@code account} try to open a position now; true when the platform let
     * it (the position then stays open), false when it refused because the account may not trade.
     */
    protected abstract boolean traderMayOpen(String account) throws Exception;

    /** The command that creates a test account; override for a platform that needs other parameters. */
    protected CreateAccount createAccount(String commandId, String account) {
        return new CreateAccount(commandId, account, "contract-trader", "USD", new BigDecimal("100000"),
                "contract-program", "challenge", false);
    }

    /** A fresh account id, unique across the tests of this run. */
    protected String newAccountId() {
        return "contract-" + ACCOUNTS.incrementAndGet();
    }

    protected static String newCommandId() {
        return "contract-cmd-" + COMMANDS.incrementAndGet();
    }

    @BeforeEach
    void startPlatform() throws Exception {
        platform = createPlatform();
        platform.start(events -> {
            synchronized (delivered) {
                delivered.addAll(events);
            }
        });
    }

    @AfterEach
    void closePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void has_a_short_stable_name() {
        assertThat(platform.name()).isNotBlank().doesNotContainAnyWhitespaces().isEqualTo(platform.name());
    }

    @Test
    void creating_an_account_twice_with_one_command_id_returns_the_first_outcome() throws Exception {
        String account = newAccountId();
        CreateAccount create = createAccount(newCommandId(), account);

        CommandOutcome first = platform.execute(create);
        CommandOutcome again = platform.execute(create);

        assertThat(first.commandId()).isEqualTo(create.commandId());
        assertThat(again).isEqualTo(first);
    }

    @Test
    void a_close_that_propos_orders_is_reported_as_position_closed() throws Exception {
        String account = createdAccount();
        String position = openPositionAsTrader(account);
        deliver();
        PositionOpened opened = opened(account, position);

        platform.execute(new ClosePosition(newCommandId(), account, position, null));
        deliver();

        List<PositionClosed> closes = closes(account, position);
        assertThat(closes).hasSize(1);
        PositionClosed close = closes.getFirst();
        assertThat(close.price()).isPositive();
        assertThat(close.lots() == null ? opened.lots() : close.lots()).isEqualByComparingTo(opened.lots());
        assertThat(close.time()).isAfterOrEqualTo(opened.time());
    }

    @Test
    void the_same_close_command_twice_closes_once_and_answers_the_same() throws Exception {
        String account = createdAccount();
        String position = openPositionAsTrader(account);
        ClosePosition close = new ClosePosition(newCommandId(), account, position, null);

        CommandOutcome first = platform.execute(close);
        deliver();
        CommandOutcome again = platform.execute(close);
        deliver();

        assertThat(again).isEqualTo(first);
        assertThat(closes(account, position)).hasSize(1);
    }

    @Test
    void closing_a_position_that_is_already_closed_is_a_no_op() throws Exception {
        String account = createdAccount();
        String position = openPositionAsTrader(account);
        platform.execute(new ClosePosition(newCommandId(), account, position, null));
        deliver();

        CommandOutcome second = platform.execute(new ClosePosition(newCommandId(), account, position, null));
        deliver();

        assertThat(second.detail()).isNotBlank();
        assertThat(closes(account, position)).hasSize(1);
    }

    @Test
    void a_partial_close_names_its_lots_and_leaves_the_rest_open() throws Exception {
        String account = createdAccount();
        String position = openPositionAsTrader(account);
        deliver();
        BigDecimal lots = opened(account, position).lots();
        BigDecimal half = lots.divide(BigDecimal.TWO, 2, RoundingMode.DOWN);
        assumeThat(half).as("the trader's position is too small to close in part").isPositive();

        platform.execute(new ClosePosition(newCommandId(), account, position, half));
        deliver();
        platform.execute(new ClosePosition(newCommandId(), account, position, null));
        deliver();

        List<PositionClosed> closes = closes(account, position);
        assertThat(closes).hasSize(2);
        assertThat(closes.get(0).lots()).isEqualByComparingTo(half);
        BigDecimal rest = closes.get(1).lots() == null ? lots.subtract(half) : closes.get(1).lots();
        assertThat(rest).isEqualByComparingTo(lots.subtract(half));
    }

    @Test
    void close_all_closes_every_open_position_of_the_account_only() throws Exception {
        String account = createdAccount();
        String other = createdAccount();
        String first = openPositionAsTrader(account);
        String second = openPositionAsTrader(account);
        String untouched = openPositionAsTrader(other);

        platform.execute(new CloseAllPositions(newCommandId(), account));
        deliver();

        assertThat(closes(account, first)).hasSize(1);
        assertThat(closes(account, second)).hasSize(1);
        assertThat(closes(other, untouched)).isEmpty();
    }

    @Test
    void a_disabled_account_cannot_open_and_enabling_it_lets_it_trade_again() throws Exception {
        String account = createdAccount();

        platform.execute(new DisableAccount(newCommandId(), account));
        assertThat(traderMayOpen(account)).as("a disabled account opens").isFalse();
        // Disabling again is a no-op with an outcome, not an error.
        platform.execute(new DisableAccount(newCommandId(), account));

        platform.execute(new EnableAccount(newCommandId(), account));
        assertThat(traderMayOpen(account)).as("an enabled account opens").isTrue();
    }

    @Test
    void a_payout_is_not_reported_back_as_a_balance_adjustment() throws Exception {
        String account = createdAccount();

        platform.execute(new AdjustBalance(newCommandId(), account, new BigDecimal("-250.00"), AdjustBalance.PAYOUT));
        platform.execute(new AdjustBalance(newCommandId(), account, new BigDecimal("250.00"),
                AdjustBalance.PAYOUT_REVERSAL));
        deliver();

        assertThat(eventsOf(account)).noneMatch(BalanceAdjusted.class::isInstance);
    }

    @Test
    void a_deposit_is_reported_once_even_when_the_command_is_repeated() throws Exception {
        String account = createdAccount();
        AdjustBalance deposit = new AdjustBalance(newCommandId(), account, new BigDecimal("500.00"), "deposit");

        CommandOutcome first = platform.execute(deposit);
        CommandOutcome again = platform.execute(deposit);
        deliver();

        assertThat(again).isEqualTo(first);
        List<BalanceAdjusted> adjustments = eventsOf(account).stream()
                .filter(BalanceAdjusted.class::isInstance).map(BalanceAdjusted.class::cast).toList();
        assertThat(adjustments).singleElement().satisfies(adjusted -> {
            assertThat(adjusted.amount()).isEqualByComparingTo("500.00");
            assertThat(adjusted.reason()).isEqualTo(AdjustmentReason.DEPOSIT);
        });
    }

    @Test
    void a_command_for_an_unknown_account_fails_for_good() {
        String nobody = newAccountId();

        assertThatThrownBy(() -> platform.execute(new DisableAccount(newCommandId(), nobody)))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void events_have_unique_ids_accounts_of_propos_and_times_that_do_not_decrease() throws Exception {
        String account = createdAccount();
        String position = openPositionAsTrader(account);
        openPositionAsTrader(account);
        platform.execute(new ClosePosition(newCommandId(), account, position, null));
        platform.execute(new AdjustBalance(newCommandId(), account, new BigDecimal("100.00"), "deposit"));
        platform.execute(new CloseAllPositions(newCommandId(), account));
        deliver();

        Set<String> ids = new HashSet<>();
        Instant previous = Instant.MIN;
        for (Event event : snapshot()) {
            assertThat(event.id()).as("id of %s", event).isNotBlank();
            assertThat(ids.add(event.id())).as("id %s delivered twice", event.id()).isTrue();
            if (event instanceof News) {
                continue; // calendar entries are timed at their release, not held to the stream's order
            }
            assertThat(event.time()).as("time of %s", event).isAfterOrEqualTo(previous);
            previous = event.time();
        }
        assertThat(eventsOf(account)).isNotEmpty()
                .allSatisfy(event -> assertThat(event.account()).isEqualTo(account));
    }

    // ---- helpers for the tests and for subclasses -----------------------------------------------

    /** Creates an account with a fresh id and returns the id. */
    protected String createdAccount() throws Exception {
        String account = newAccountId();
        platform.execute(createAccount(newCommandId(), account));
        return account;
    }

    protected List<Event> snapshot() {
        synchronized (delivered) {
            return List.copyOf(delivered);
        }
    }

    protected List<AccountEvent> eventsOf(String account) {
        return snapshot().stream()
                .filter(e -> e instanceof AccountEvent a && a.account().equals(account))
                .map(AccountEvent.class::cast)
                .toList();
    }

    protected PositionOpened opened(String account, String position) {
        return eventsOf(account).stream()
                .filter(e -> e instanceof PositionOpened o && o.position().equals(position))
                .map(PositionOpened.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no position_opened for " + account + "/" + position));
    }

    protected List<PositionClosed> closes(String account, String position) {
        return eventsOf(account).stream()
                .filter(e -> e instanceof PositionClosed c && c.position().equals(position))
                .map(PositionClosed.class::cast)
                .toList();
    }
}
