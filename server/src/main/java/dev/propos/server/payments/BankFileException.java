package dev.propos.server.payments;

/** A file from the bank (a status report, a statement) that cannot be read or used: says where and what. */
public final class BankFileException extends RuntimeException {

    BankFileException(String message) {
        super(message);
    }
}
