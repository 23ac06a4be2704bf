package dev.propos.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.propos.platform.PlatformCommand.AdjustBalance;
import dev.propos.platform.PlatformCommand.ClosePosition;
import dev.propos.platform.PlatformCommand.CreateAccount;
import dev.propos.platform.PlatformCommand.DisableAccount;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PlatformCommandTest {

    @Test
    void a_command_needs_an_id_and_an_account() {
        assertThatThrownBy(() -> new DisableAccount(" ", "A-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DisableAccount("c-1", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void amounts_and_lots_are_checked_where_the_command_is_made() {
        assertThatThrownBy(() -> new CreateAccount("c", "A", "t", "USD", BigDecimal.ZERO, "p", "challenge", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClosePosition("c", "A", "1", new BigDecimal("-0.01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdjustBalance("c", "A", BigDecimal.ZERO, "deposit"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ClosePosition("c", "A", "1", null).lots()).isNull();
    }

    @Test
    void payouts_and_their_reversals_are_the_adjustments_not_reported_back() {
        assertThat(new AdjustBalance("c", "A", new BigDecimal("-100"), AdjustBalance.PAYOUT).isPayout()).isTrue();
        assertThat(new AdjustBalance("c", "A", new BigDecimal("100"), AdjustBalance.PAYOUT_REVERSAL).isPayout()).isTrue();
        assertThat(new AdjustBalance("c", "A", new BigDecimal("100"), "deposit").isPayout()).isFalse();
    }

    @Test
    void executed_commands_keep_the_first_outcome_of_an_id() {
        ExecutedCommands executed = new ExecutedCommands();
        CommandOutcome first = new CommandOutcome("c-1", "closed 1 position");

        assertThat(executed.outcomeOf("c-1")).isNull();
        assertThat(executed.remember(first)).isSameAs(first);
        assertThat(executed.remember(new CommandOutcome("c-1", "closed 0 positions"))).isSameAs(first);
        assertThat(executed.outcomeOf("c-1")).isSameAs(first);
        assertThat(executed.size()).isEqualTo(1);
    }

    @Test
    void a_platform_failure_says_whether_to_retry() {
        assertThat(new PlatformException("timeout", true).retryable()).isTrue();
        assertThat(new PlatformException("no such account", false).retryable()).isFalse();
    }
}
