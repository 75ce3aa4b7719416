package io.ddblint.core;

/**
 * Invalid input or configuration that stops an analysis before it starts (a source path that does not exist, say).
 * The message is for the user, as is: front ends print it without a stack trace.
 */
public class AnalysisException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AnalysisException(String message) {
        super(message);
    }

    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
