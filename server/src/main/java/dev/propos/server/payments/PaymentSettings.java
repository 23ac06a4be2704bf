package dev.propos.server.payments;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code propos.payments.*}: which rail pays by default, and the firm's own account for the
 * pain.001 rail (docs/payments.md).
 *
 * @param defaultRail   {@code manual} or {@code pain001}
 * @param outbox        the folder the pain.001 files are written to, for the bank's upload client
 * @param batchInterval how often queued pain.001 payments are gathered into one file
 * @param batchSizeMax  payments per file at most; more wait for the next file
 * @param debtor        the firm's account the payouts are paid from
 * @param inbox         the folder the bank's download client puts its status reports (pain.002) in
 * @param inboxInterval how often the inbox is looked at
 */
@ConfigurationProperties("propos.payments")
public record PaymentSettings(String defaultRail, Path outbox, Duration batchInterval, int batchSizeMax,
                              Debtor debtor, Path inbox, Duration inboxInterval) {

    public PaymentSettings {
        defaultRail = defaultRail == null || defaultRail.isBlank() ? RailName.MANUAL.code() : defaultRail;
        outbox = outbox != null ? outbox : Path.of("data", "payments", "outbox");
        batchInterval = batchInterval != null ? batchInterval : Duration.ofMinutes(15);
        batchSizeMax = batchSizeMax > 0 ? batchSizeMax : 5000;
        debtor = debtor != null ? debtor : new Debtor(null, null, null);
        inbox = inbox != null ? inbox : Path.of("data", "payments", "inbox");
        inboxInterval = inboxInterval != null ? inboxInterval : Duration.ofMinutes(1);
    }

    /**
     * The firm as payer: its name, IBAN and, when its bank wants it, BIC. Blank until configured;
     * the pain.001 rail refuses payments until name and IBAN are set.
     */
    public record Debtor(String name, String iban, String bic) {

        public Debtor {
            name = name == null || name.isBlank() ? null : name.trim();
            iban = iban == null || iban.isBlank() ? null : Beneficiary.compact(iban);
            bic = bic == null || bic.isBlank() ? null : Beneficiary.compact(bic);
        }
    }
}
