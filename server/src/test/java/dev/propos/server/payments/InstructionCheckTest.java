package dev.propos.server.payments;

import static dev.propos.server.payments.RailFixture.payout;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What makes an instruction payable; IBANs are checked by their ISO 13616 mod-97 check digits. */
class InstructionCheckTest {

    @Test
    void validIbansPassWrittenGroupedOrNot() {
        for (String iban : new String[] {"DE89370400440532013000", "de89 3704 0044 0532 0130 00",
                "GB82WEST12345698765432", "FR1420041010050500013M02606", "NL91ABNA0417164300"}) {
            assertThat(InstructionCheck.problems(payout("P-1", 100, iban))).as(iban).isEmpty();
        }
    }

    @Test
    void anIbanWithWrongCheckDigitsOrATypoIsRefused() {
        // One changed digit in the account number breaks mod 97 as surely as changed check digits.
        for (String iban : new String[] {"DE88370400440532013000", "DE89370400440532013001", "GB82WEST1234569876543",
                "XX89370400440532013000"}) {
            assertThat(InstructionCheck.problems(payout("P-1", 100, iban))).as(iban)
                    .singleElement().asString().startsWith("beneficiary IBAN '" + iban + "' is invalid: ");
        }
    }

    @Test
    void everyProblemIsNamed() {
        PaymentInstruction bad = new PaymentInstruction("P 1 with a far too long id over 35 chars", -5, "JPY",
                new Beneficiary(" ", "DE89370400440532013000", "NOTABIC", "ZZ"), "x".repeat(141),
                LocalDate.of(2026, 11, 26));

        assertThat(InstructionCheck.problems(bad)).containsExactly(
                "payment id 'P 1 with a far too long id over 35 chars' must be 1 to 35 letters, digits or / - ? : ( ) . , ' + (it is the EndToEndId)",
                "amount must be more than zero, was -5 cents",
                "currency JPY has 0 decimals; amounts in cents need a currency with 2",
                "beneficiary name is empty",
                "beneficiary BIC 'NOTABIC' is invalid: " + new com.prowidesoftware.swift.model.BIC("NOTABIC").validate().message(),
                "beneficiary country 'ZZ' is not an ISO 3166 code such as DE",
                "remittance info is 141 characters, at most 140");
    }
}
