package dev.propos.server.security;

/** What a user or token may do. A TRADER sees only their own accounts. PLATFORM is for adapters' tokens. */
public enum Role {
    ADMIN, RISK, SUPPORT, FINANCE, TRADER, PLATFORM;

    /** Staff roles: they see every account. */
    public static final String[] STAFF = {"ADMIN", "RISK", "SUPPORT", "FINANCE"};
}
