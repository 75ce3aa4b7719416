package io.ddblint.core.source;

import java.time.Duration;

/**
 * What one source file may cost. A linter runs on every build, so no single file (generated code, a half-typed file
 * in an IDE, a hostile input) may cost the run minutes or gigabytes: a file over a bound is skipped and reported as
 * a problem, and the rest of the run is unaffected.
 *
 * @param maxFileBytes a larger file is not parsed (JavaParser needs about 1 GB and 10 s per 2 MB of dense code)
 * @param maxNesting   deepest nesting of brackets a parsed file may have: JavaParser's look-ahead grows
 *                     exponentially with nested anonymous classes and quadratically with nested lambdas
 * @param timeout      CPU time one file's parse or extraction may take before it is abandoned (CPU, not wall
 *                     time: a loaded build machine must not cost a healthy file its analysis)
 */
public record FileBudget(long maxFileBytes, int maxNesting, Duration timeout) {

    public static final FileBudget DEFAULTS = new FileBudget(1024L * 1024, 100, Duration.ofSeconds(5));

    public FileBudget {
        if (maxFileBytes <= 0 || maxNesting <= 0 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("file budget bounds must be positive");
        }
    }
}
