package dev.propos.server.payments;

import java.util.Locale;
import java.util.Objects;

/**
 * Who is paid: the trader's bank account.
 *
 * @param iban    stored without spaces, upper case, as banks print it grouped or not
 * @param bic     the beneficiary's bank, or null when the IBAN alone routes the payment (SEPA)
 * @param country ISO 3166 alpha-2 code of the beneficiary's address
 */
public record Beneficiary(String name, String iban, String bic, String country) {

    public Beneficiary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(iban, "iban");
        Objects.requireNonNull(country, "country");
        iban = compact(iban);
        bic = bic == null || bic.isBlank() ? null : compact(bic);
        country = country.trim().toUpperCase(Locale.ROOT);
    }

    static String compact(String code) {
        return code.replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
