package dev.leverage.index;

/** A query the search language cannot read; the message says what to fix. */
public class InvalidQueryException extends Exception {
    public InvalidQueryException(String message) {
        super(message);
    }
}
