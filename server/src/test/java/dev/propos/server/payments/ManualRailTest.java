package dev.propos.server.payments;

import static dev.propos.server.payments.RailFixture.payout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The manual rail: an operator pays outside PropOS and records the external reference. */
class ManualRailTest {

    @RegisterExtension
    static final RailFixture fixture = new RailFixture();

    @TempDir
    Path outbox;
    RailFixture.Rails rails;

    @BeforeEach
    void rails() {
        rails = fixture.rails(outbox, RailFixture.FIRM);
    }

    @Test
    void aSubmittedPaymentAwaitsTheOperatorsReferenceAndIsPaidWithIt() {
        ManualRail manual = rails.manual();

        RailSubmission submitted = manual.submit(payout("M-1", 1_500_00));
        RailStatus waiting = manual.status("M-1");
        RailStatus.Paid paid = manual.confirm("M-1", "  WISE-TRANSFER-881  ");

        assertThat(submitted).isEqualTo(new RailSubmission.Accepted("M-1", RailName.MANUAL, fixture.clock.instant(), false));
        assertThat(waiting).isEqualTo(new RailStatus.Submitted(RailName.MANUAL, null, fixture.clock.instant()));
        assertThat(paid.reference()).isEqualTo("WISE-TRANSFER-881");
        assertThat(manual.status("M-1")).isEqualTo(paid);
        assertThat(manual.submit(payout("M-1", 1_500_00))).isInstanceOf(RailSubmission.Accepted.class)
                .extracting(submission -> ((RailSubmission.Accepted) submission).repeated()).isEqualTo(true);
        assertThat(manual.confirm("M-1", "WISE-TRANSFER-881")).isEqualTo(paid);
    }

    @Test
    void aPaymentStaysOnItsRailUntilRejectedThenItMayMoveToAnother() {
        rails.manual().submit(payout("M-2", 300_00));

        assertThat(((RailSubmission.Refused) rails.pain001().submit(payout("M-2", 300_00))).reason())
                .isEqualTo("payment M-2 is already submitted on the manual rail");
        assertThatThrownBy(() -> rails.pain001().confirm("M-2", "BANK-9"))
                .isInstanceOf(RailException.class).hasMessage("payment M-2 is on the manual rail, not pain001");
        assertThatThrownBy(() -> rails.manual().confirm("M-3", "X"))
                .isInstanceOf(RailException.class).hasMessage("payment M-3 was never submitted");
        assertThatThrownBy(() -> rails.manual().confirm("M-2", " "))
                .isInstanceOf(RailException.class).hasMessage("needs a reference");

        rails.manual().reject("M-2", "trader's e-wallet unavailable");

        assertThat(rails.pain001().submit(payout("M-2", 300_00))).isInstanceOf(RailSubmission.Accepted.class);
        assertThat(rails.pain001().status("M-2")).isInstanceOf(RailStatus.Queued.class);
    }
}
