package dev.propos.cli;

/**
 * Input that stops a command with {@link ExitStatus#BAD_INPUT}; the message is already located
 * ({@code FILE:LINE: ...}).
 */
final class BadInputException extends RuntimeException {

    BadInputException(String locatedMessage) {
        super(locatedMessage);
    }
}
