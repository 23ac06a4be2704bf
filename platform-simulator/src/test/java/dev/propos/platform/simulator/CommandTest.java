package dev.propos.platform.simulator;

import static dev.propos.platform.simulator.Scenarios.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propos.engine.event.AdjustmentReason;
import dev.propos.engine.event.Event;
import dev.propos.engine.event.Event.BalanceAdjusted;
import dev.propos.engine.event.Event.PositionClosed;
import dev.propos.engine.event.Event.PositionOpened;
import dev.propos.engine.event.Event.Quote;
import dev.propos.engine.event.Side;
import dev.propos.platform.CommandOutcome;
import dev.propos.platform.PlatformCommand.AdjustBalance;
import dev.propos.platform.PlatformCommand.CloseAllPositions;
import dev.propos.platform.PlatformCommand.ClosePosition;
import dev.propos.platform.PlatformCommand.DisableAccount;
import dev.propos.platform.PlatformCommand.EnableAccount;
import dev.propos.platform.PlatformException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Commands on the simulator, beyond the generic contract: prices, profits, balances, failures. */
class CommandTest {

    private static final String ACCOUNT = "A-1";
    private SimulatorPlatform simulator;

    /** A copier of nobody never trades on their own: the positions here are all opened by hand. */
    private static final SimulatedTrader BY_HAND = new SimulatedTrader("hand-trader", "By Hand",
            new Behaviour.Copier("nobody"));

    @BeforeEach
    void aQuotedMarketAndAnAccountTradedByHand() throws PlatformException {
        simulator = Scenarios.simulator(5, List.of(BY_HAND));
        simulator.execute(Scenarios.create(ACCOUNT, BY_HAND.id(), false));
        simulator.advanceTo(MONDAY.plus(Duration.ofHours(4))); // 10:00, quotes of every symbol
    }

    @Test
    void a_close_is_reported_at_the_bid_for_a_buy_with_the_platforms_profit_and_commission() throws Exception {
        BigDecimal ask = simulator.simulation().market().latest("EURUSD").ask();
        String position = simulator.openByHand(ACCOUNT, "EURUSD", Side.BUY, new BigDecimal("2.00"));
        PositionOpened opened = openedIn(simulator.advanceTo(simulator.now()), position);
        List<Event> later = simulator.advanceTo(simulator.now().plus(Duration.ofMinutes(30)));
        Quote quote = lastQuote(later, "EURUSD");

        simulator.execute(new ClosePosition("close-1", ACCOUNT, position, null));
        PositionClosed closed = closedIn(simulator.advanceTo(simulator.now()), position);

        assertThat(opened.price()).isEqualTo(ask);
        assertThat(closed.price()).isEqualTo(quote.bid());
        assertThat(closed.lots()).isEqualByComparingTo("2.00");
        assertThat(closed.profit()).isEqualTo(quote.bid().subtract(opened.price()).multiply(new BigDecimal("200000"))
                .setScale(2, RoundingMode.HALF_UP));
        assertThat(opened.commission()).isEqualByComparingTo("-7.00");
        assertThat(closed.commission()).isEqualByComparingTo("-7.00");
        assertThat(closed.id()).isEqualTo("sim-cmd-close-1-" + position);
        assertThat(balance()).isEqualByComparingTo(new BigDecimal("100000").add(closed.profit())
                .add(opened.commission()).add(closed.commission()));
    }

    @Test
    void a_sell_closes_at_the_ask_and_a_jpy_profit_is_converted_at_the_usdjpy_mid() throws Exception {
        String position = simulator.openByHand(ACCOUNT, "USDJPY", Side.SELL, new BigDecimal("1.00"));
        PositionOpened opened = openedIn(simulator.advanceTo(simulator.now()), position);
        Quote quote = lastQuote(simulator.advanceTo(simulator.now().plus(Duration.ofHours(1))), "USDJPY");

        simulator.execute(new ClosePosition("close-jpy", ACCOUNT, position, null));
        PositionClosed closed = closedIn(simulator.advanceTo(simulator.now()), position);

        BigDecimal mid = quote.bid().add(quote.ask()).divide(BigDecimal.TWO);
        BigDecimal yen = opened.price().subtract(quote.ask()).multiply(new BigDecimal("100000"));
        assertThat(closed.price()).isEqualTo(quote.ask());
        assertThat(closed.profit()).isEqualTo(yen.divide(mid, MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_UP));
    }

    @Test
    void a_partial_close_leaves_the_rest_open_and_close_all_closes_it() throws Exception {
        String position = simulator.openByHand(ACCOUNT, "XAUUSD", Side.BUY, new BigDecimal("1.00"));
        simulator.openByHand(ACCOUNT, "BTCUSD", Side.SELL, new BigDecimal("0.10"));

        simulator.execute(new ClosePosition("part", ACCOUNT, position, new BigDecimal("0.40")));
        assertThat(simulator.simulation().account(ACCOUNT).positions.get(position).lots).isEqualByComparingTo("0.60");
        CommandOutcome all = simulator.execute(new CloseAllPositions("all", ACCOUNT));
        List<PositionClosed> closes = Scenarios.ofType(simulator.advanceTo(simulator.now()), PositionClosed.class);

        assertThat(all.detail()).contains("2 positions");
        assertThat(closes).extracting(PositionClosed::lots).map(BigDecimal::toPlainString)
                .containsExactly("0.40", "0.60", "0.10");
        assertThat(simulator.simulation().account(ACCOUNT).positions).isEmpty();
    }

    @Test
    void positions_close_over_the_weekend_at_fridays_last_quote() throws Exception {
        String position = simulator.openByHand(ACCOUNT, "EURUSD", Side.SELL, new BigDecimal("1.00"));
        List<Event> week = simulator.advanceTo(Instant.parse("2026-03-07T12:00:00Z")); // Saturday noon
        Quote friday = lastQuote(week, "EURUSD");

        simulator.execute(new ClosePosition("weekend", ACCOUNT, position, null));
        PositionClosed closed = closedIn(simulator.advanceTo(simulator.now()), position);

        assertThat(friday.time()).isEqualTo(Instant.parse("2026-03-06T21:59:00Z"));
        assertThat(closed.price()).isEqualTo(friday.ask());
        assertThat(closed.time()).isEqualTo(Instant.parse("2026-03-07T12:00:00Z"));
        assertThat(simulator.openByHand(ACCOUNT, "EURUSD", Side.BUY, BigDecimal.ONE)).as("FX is closed").isNull();
        assertThat(simulator.openByHand(ACCOUNT, "BTCUSD", Side.BUY, BigDecimal.ONE)).as("crypto trades").isNotNull();
    }

    @Test
    void a_payout_moves_the_balance_silently_and_a_deposit_is_reported() throws Exception {
        simulator.execute(new AdjustBalance("payout-1", ACCOUNT, new BigDecimal("-1234.56"), AdjustBalance.PAYOUT));
        simulator.execute(new AdjustBalance("deposit-1", ACCOUNT, new BigDecimal("500"), "deposit"));
        simulator.execute(new AdjustBalance("deposit-1", ACCOUNT, new BigDecimal("500"), "deposit"));

        List<BalanceAdjusted> reported = Scenarios.ofType(simulator.advanceTo(simulator.now()), BalanceAdjusted.class);

        assertThat(reported).singleElement().satisfies(adjusted -> {
            assertThat(adjusted.id()).isEqualTo("sim-cmd-deposit-1");
            assertThat(adjusted.reason()).isEqualTo(AdjustmentReason.DEPOSIT);
        });
        assertThat(balance()).isEqualByComparingTo("99265.44");
    }

    @Test
    void an_adjustment_with_a_wrong_sign_or_an_unknown_reason_fails_for_good() {
        assertThatThrownBy(() -> simulator.execute(new AdjustBalance("neg", ACCOUNT, new BigDecimal("-5"), "deposit")))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isFalse());
        assertThatThrownBy(() -> simulator.execute(new AdjustBalance("why", ACCOUNT, new BigDecimal("5"), "bonus")))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isFalse());
        assertThat(balance()).isEqualByComparingTo("100000");
    }

    @Test
    void injected_failures_are_retryable_do_not_act_and_a_retry_succeeds() throws Exception {
        simulator.failNextCommands(2);
        DisableAccount disable = new DisableAccount("disable-1", ACCOUNT);

        assertThatThrownBy(() -> simulator.execute(disable))
                .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> simulator.execute(disable)).isInstanceOf(PlatformException.class);
        assertThat(simulator.simulation().account(ACCOUNT).enabled).isTrue();

        CommandOutcome outcome = simulator.execute(disable);
        assertThat(outcome.detail()).isEqualTo("disabled account A-1");
        assertThat(simulator.execute(disable)).isEqualTo(outcome);
        assertThat(simulator.simulation().account(ACCOUNT).enabled).isFalse();
    }

    @Test
    void a_disabled_account_stops_trading_and_an_enabled_one_trades_again() throws Exception {
        simulator.execute(Scenarios.create("C-1", "t-carol", false));
        simulator.advanceTo(simulator.now().plus(Duration.ofDays(1)));
        simulator.execute(new CloseAllPositions("flat", "C-1"));
        simulator.execute(new DisableAccount("off", "C-1"));

        List<Event> whileDisabled = simulator.advanceTo(simulator.now().plus(Duration.ofDays(2)));
        simulator.execute(new EnableAccount("on", "C-1"));
        List<Event> afterwards = simulator.advanceTo(simulator.now().plus(Duration.ofDays(1)));

        assertThat(Scenarios.opens(whileDisabled, "C-1")).isEmpty();
        assertThat(Scenarios.opens(afterwards, "C-1")).isNotEmpty();
    }

    @Test
    void creating_an_existing_account_again_changes_nothing() throws Exception {
        CommandOutcome again = simulator.execute(new dev.propos.platform.PlatformCommand.CreateAccount("create-again",
                ACCOUNT, "someone-else", "USD", new BigDecimal("5000"), DemoFirm.PROGRAM, DemoFirm.FUNDED, true));

        assertThat(again.detail()).contains("already exists");
        assertThat(simulator.simulation().account(ACCOUNT).traderId).isEqualTo(BY_HAND.id());
        assertThat(balance()).isEqualByComparingTo("100000");
    }

    private BigDecimal balance() {
        return simulator.simulation().account(ACCOUNT).balance;
    }

    private static PositionOpened openedIn(List<Event> events, String position) {
        return Scenarios.ofType(events, PositionOpened.class).stream().filter(o -> o.position().equals(position))
                .findFirst().orElseThrow();
    }

    private static PositionClosed closedIn(List<Event> events, String position) {
        return Scenarios.ofType(events, PositionClosed.class).stream().filter(c -> c.position().equals(position))
                .findFirst().orElseThrow();
    }

    private static Quote lastQuote(List<Event> events, String symbol) {
        List<Quote> quotes = Scenarios.ofType(events, Quote.class).stream().filter(q -> q.symbol().equals(symbol)).toList();
        return quotes.getLast();
    }
}
