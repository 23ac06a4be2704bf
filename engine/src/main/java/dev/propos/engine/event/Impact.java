package dev.propos.engine.event;

/** How much a calendar entry is expected to move the market. */
public enum Impact {
    LOW, MEDIUM, HIGH
}
