package dev.propos.server.reactions;

/** The platform account of the phase after a passed one: derived, so that a retried creation finds it again. */
final class NextPhaseAccounts {

    private NextPhaseAccounts() {
    }

    static String id(String passedAccount, String nextPhase) {
        return passedAccount + "-" + nextPhase;
    }
}
