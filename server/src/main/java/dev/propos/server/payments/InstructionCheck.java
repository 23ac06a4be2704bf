package dev.propos.server.payments;

import com.prowidesoftware.swift.model.BIC;
import com.prowidesoftware.swift.model.BicValidationResult;
import com.prowidesoftware.swift.model.IBAN;
import com.prowidesoftware.swift.model.IbanValidationResult;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Why an instruction cannot be paid, found before a rail records or writes anything. The limits are
 * those of the pain.001 schema (35-character ids, 140-character texts), applied to every rail so
 * that a payment can move from one rail to another.
 */
public final class InstructionCheck {

    /** ISO 20022 amounts have 18 digits in all; two of them are the cents. */
    static final long AMOUNT_CENTS_MAX = 9_999_999_999_999_999L;

    // The SWIFT character set banks accept in references, without a leading blank.
    private static final Pattern PAYMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/\\-?:().,'+]{0,34}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private InstructionCheck() {
    }

    /** The reasons {@code instruction} would be refused; empty when it can be paid. */
    static List<String> problems(PaymentInstruction instruction) {
        List<String> problems = new ArrayList<>();
        if (!PAYMENT_ID.matcher(instruction.paymentId()).matches()) {
            problems.add("payment id '" + instruction.paymentId()
                    + "' must be 1 to 35 letters, digits or / - ? : ( ) . , ' + (it is the EndToEndId)");
        }
        if (instruction.amountCents() <= 0) {
            problems.add("amount must be more than zero, was " + instruction.amountCents() + " cents");
        } else if (instruction.amountCents() > AMOUNT_CENTS_MAX) {
            problems.add("amount " + instruction.amountCents() + " cents has more than 18 digits");
        }
        currencyProblem(instruction.currency()).ifPresent(problems::add);
        problems.addAll(beneficiaryReasons(instruction.beneficiary()));
        text("remittance info", instruction.remittanceInfo(), 140).ifPresent(problems::add);
        return problems;
    }

    /** The reasons a beneficiary could not be paid; empty when it can. */
    public static List<String> beneficiaryReasons(Beneficiary beneficiary) {
        List<String> problems = new ArrayList<>();
        text("beneficiary name", beneficiary.name(), 140).ifPresent(problems::add);
        IbanValidationResult iban = IBAN.validate(beneficiary.iban());
        if (iban != IbanValidationResult.OK) {
            problems.add("beneficiary IBAN '" + beneficiary.iban() + "' is invalid: " + iban.message());
        }
        if (beneficiary.bic() != null) {
            BicValidationResult bic = new BIC(beneficiary.bic()).validate();
            if (bic != BicValidationResult.OK) {
                problems.add("beneficiary BIC '" + beneficiary.bic() + "' is invalid: " + bic.message());
            }
        }
        if (!COUNTRIES.contains(beneficiary.country())) {
            problems.add("beneficiary country '" + beneficiary.country() + "' is not an ISO 3166 code such as DE");
        }
        return problems;
    }

    private static Optional<String> currencyProblem(String code) {
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return Optional.of("currency '" + code + "' is not an ISO 4217 code such as USD");
        }
        // Amounts are in cents: a currency without exactly two decimals (JPY, KWD) cannot be paid exactly.
        if (currency.getDefaultFractionDigits() != 2) {
            return Optional.of("currency " + code + " has " + currency.getDefaultFractionDigits()
                    + " decimals; amounts in cents need a currency with 2");
        }
        return Optional.empty();
    }

    private static Optional<String> text(String what, String value, int lengthMax) {
        if (value.isBlank()) {
            return Optional.of(what + " is empty");
        }
        if (value.length() > lengthMax) {
            return Optional.of(what + " is " + value.length() + " characters, at most " + lengthMax);
        }
        return Optional.empty();
    }
}
