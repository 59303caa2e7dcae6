package dev.leverage.routes;

/** A mistake the user can fix; its message is one sentence that says how. Printed without a stack trace. */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
