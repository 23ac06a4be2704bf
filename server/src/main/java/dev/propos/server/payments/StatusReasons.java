package dev.propos.server.payments;

import java.util.Map;
import java.util.Set;

/**
 * The ISO 20022 external status reason codes (ExternalStatusReason1Code) a bank most often gives
 * for a credit transfer it refuses, in words an operator and a trader understand. A code not
 * listed is shown as the bank gave it.
 */
final class StatusReasons {

    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("AC01", "incorrect account number"),
            Map.entry("AC03", "invalid creditor account number"),
            Map.entry("AC04", "closed account number"),
            Map.entry("AC06", "blocked account"),
            Map.entry("AC13", "invalid debtor account type"),
            Map.entry("AG01", "transaction forbidden on this type of account"),
            Map.entry("AG02", "invalid bank operation code"),
            Map.entry("AM01", "zero amount"),
            Map.entry("AM02", "amount above the allowed maximum"),
            Map.entry("AM04", "insufficient funds"),
            Map.entry("AM05", "duplicate payment"),
            Map.entry("BE01", "the creditor's name does not match the account"),
            Map.entry("BE04", "missing creditor address"),
            Map.entry("CNOR", "the creditor's bank is not registered in the clearing system"),
            Map.entry("CURR", "incorrect currency"),
            Map.entry("DNOR", "the debtor's bank is not registered in the clearing system"),
            Map.entry("DT01", "invalid date"),
            Map.entry("DUPL", "duplicate payment"),
            Map.entry("FF01", "invalid file format"),
            Map.entry("FOCR", "cancelled on request"),
            Map.entry("MD07", "the account holder is deceased"),
            Map.entry("MS02", "refused by the beneficiary"),
            Map.entry("MS03", "refused by the bank, reason not given"),
            Map.entry("NARR", "see the bank's text"),
            Map.entry("RC01", "incorrect bank identifier (BIC)"),
            Map.entry("RR01", "missing debtor account or identification"),
            Map.entry("RR02", "missing debtor name or address"),
            Map.entry("RR03", "missing creditor name or address"),
            Map.entry("RR04", "regulatory reason"),
            Map.entry("SL01", "a service of the bank refused it"),
            Map.entry("TM01", "received after the bank's cut-off time"));

    /** The codes that say the beneficiary's account, as given, cannot take the payment. */
    private static final Set<String> BENEFICIARY = Set.of("AC01", "AC03", "AC04", "AC06", "AG01", "BE01", "BE04",
            "MD07", "MS02", "RC01", "RR03");

    private StatusReasons() {
    }

    static boolean concernsBeneficiary(String code) {
        return code != null && BENEFICIARY.contains(code);
    }

    /** "AC04 (closed account number): the bank's words", with whichever parts are there. */
    static String describe(String code, String words) {
        String meaning = code == null ? null : MEANINGS.get(code);
        String coded = code == null ? "" : meaning == null ? code : code + " (" + meaning + ")";
        if (words == null || words.isBlank()) {
            return coded.isEmpty() ? "no reason given" : coded;
        }
        return coded.isEmpty() ? words : coded + ": " + words;
    }
}
