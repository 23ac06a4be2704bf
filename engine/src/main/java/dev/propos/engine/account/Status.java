package dev.propos.engine.account;

/** Where an account stands in its phase. */
public enum Status {
    ACTIVE, PAUSED, PASSED, FAILED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isFinished() {
        return this == PASSED || this == FAILED;
    }
}
