package io.ddblint.core.config;

import io.ddblint.core.AnalysisException;

/**
 * A configuration file that cannot be used. The message names the file, the line and the offending key, e.g.
 * {@code ddb-lint.yml:12: unknown key 'serverity' in rules.DDB-P001 (did you mean 'severity'?)}, so front ends print
 * it as it is, on one line, without a stack trace.
 */
public final class ConfigurationException extends AnalysisException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}
