package dev.propos.server.payments;

/**
 * One reason a bank gives for a payment's status (StsRsnInf) or return (RtrInf): its ISO code
 * (ExternalStatusReason1Code, or the bank's own), its words, either possibly null.
 */
public record StatusReason(String code, String words) {

    /** "AC04 (closed account number): the bank's words", with whichever parts are there. */
    public String describe() {
        return StatusReasons.describe(code, words);
    }

    /**
     * Whether it says the beneficiary's account cannot take the payment as given (closed, blocked,
     * wrong number or name, the holder deceased, refused): sending it again to the same details
     * fails again, so the trader must give new ones.
     */
    public boolean concernsBeneficiary() {
        return StatusReasons.concernsBeneficiary(code);
    }
}
