package io.ddblint.cli;

/**
 * Something the user can fix: ends the run with exit code 2 and a one-line message, never with a stack trace.
 */
final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean usage;

    private UserError(String message, boolean usage) {
        // No stack trace: it is never printed, and the message says everything.
        super(message, null, false, false);
        this.usage = usage;
    }

    /** The command line itself is wrong; the message is followed by a pointer to {@code --help}. */
    static UserError usage(String message) {
        return new UserError(message, true);
    }

    /** The command line is well formed, but a file or directory it names cannot be used. */
    static UserError input(String message) {
        return new UserError(message, false);
    }

    boolean isUsage() {
        return usage;
    }
}
