package dev.propos.server.payments;

/** A rail operation that does not fit the payment's state: confirming an unknown or rejected payment. */
public class RailException extends RuntimeException {

    public RailException(String message) {
        super(message);
    }
}
