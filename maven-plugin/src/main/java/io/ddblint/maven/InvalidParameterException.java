package io.ddblint.maven;

/**
 * A parameter value the goal cannot use. The message names the parameter and the valid values, and is shown to the
 * user as is, without a stack trace.
 */
final class InvalidParameterException extends Exception {

    private static final long serialVersionUID = 1L;

    InvalidParameterException(String message) {
        super(message);
    }
}
