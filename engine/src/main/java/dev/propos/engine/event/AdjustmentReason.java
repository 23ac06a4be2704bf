package dev.propos.engine.event;

/** Why a balance changed outside trading. */
public enum AdjustmentReason {
    /** Capital in: must be positive. */
    DEPOSIT,
    /** Capital out: must be negative. */
    WITHDRAWAL,
    /** A trading result fixed by the platform: counts as realized profit or loss of its day. */
    CORRECTION
}
