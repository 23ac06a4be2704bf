package dev.propos.server.payments;

import java.util.Arrays;

/** The rails PropOS can pay through, by the name used in configuration and in the payments table. */
public enum RailName {
    /** An ISO 20022 pain.001 credit-transfer file in the outbox, for the firm's bank. */
    PAIN001("pain001"),
    /** Paid by an operator outside PropOS, who records the external reference. */
    MANUAL("manual");

    private final String code;

    RailName(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static RailName of(String code) {
        return Arrays.stream(values()).filter(rail -> rail.code.equalsIgnoreCase(code.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown payment rail '" + code + "' (pain001 or manual)"));
    }
}
