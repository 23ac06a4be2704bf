package dev.propos.server.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.propos.server.ServerTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The rails as the server wires them: configuration bound, manual by default, pain.001 off without the firm's account. */
@ServerTest
class PaymentRailsInServerTest {

    @Autowired
    PaymentRails rails;

    @Autowired
    PaymentSettings settings;

    @Test
    void theDefaultRailIsManualAndPain001WaitsForTheFirmsAccount() {
        assertThat(rails.byDefault()).isInstanceOf(ManualRail.class);
        // Beside the server's data, unless configured elsewhere.
        assertThat(settings.outbox()).startsWithRaw(Path.of(System.getProperty("java.io.tmpdir")))
                .endsWithRaw(Path.of("payments", "outbox"));

        RailSubmission submitted = rails.byDefault().submit(RailFixture.payout("SRV-1", 250_00));
        RailStatus.Paid paid = rails.byDefault().confirm("SRV-1", "OPS-7781");
        RailSubmission refused = rails.get(RailName.PAIN001).submit(RailFixture.payout("SRV-2", 1_00));

        assertThat(submitted).isInstanceOf(RailSubmission.Accepted.class);
        assertThat(rails.get(RailName.MANUAL).status("SRV-1")).isEqualTo(paid);
        assertThat(((RailSubmission.Refused) refused).reason()).contains("propos.payments.debtor.iban");
    }
}
