package io.ddblint.maven;

import io.ddblint.core.Severity;
import io.ddblint.core.config.Configuration;
import io.ddblint.core.report.Reporter;
import io.ddblint.core.report.Reporters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code check} goal's parameters after validation. Maven hands the mojo strings; turning them into values here,
 * outside the mojo, keeps the messages for bad values testable without a Maven runtime.
 *
 * @param failOnSeverity       findings at this severity or above count against the gate
 * @param maxAllowedViolations how many such findings a build may have and still pass
 * @param formats              the reports written to the output directory, in the order given, without duplicates
 * @param includes             glob patterns a file's report path must match one of (empty: every file)
 * @param excludes             glob patterns of files to leave out
 */
record CheckOptions(Severity failOnSeverity, int maxAllowedViolations, List<Reporter> formats, List<String> includes,
                    List<String> excludes) {

    CheckOptions {
        formats = List.copyOf(formats);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    /**
     * Raw parameter values as Maven injected them; null for parameters that are not set. {@code configLocation} and
     * {@code baseline} are files, looked up by {@link ConfigFiles}.
     */
    record Raw(String failOnSeverity, int maxAllowedViolations, String formats, String includes, String excludes) {
    }

    static CheckOptions parse(Raw raw) throws InvalidParameterException {
        return new CheckOptions(severity(raw.failOnSeverity()), maxAllowed(raw.maxAllowedViolations()),
                formats(raw.formats()), patterns(raw.includes()), patterns(raw.excludes()));
    }

    static Severity severity(String value) throws InvalidParameterException {
        if (!isSet(value)) {
            return Severity.WARNING;
        }
        return Severity.parse(value).orElseThrow(() -> new InvalidParameterException(
                "failOnSeverity (ddb-lint.failOnSeverity): unknown severity '" + value.strip() + "'; valid values: "
                        + Severity.validNames()));
    }

    static int maxAllowed(int value) throws InvalidParameterException {
        if (value < 0) {
            throw new InvalidParameterException("maxAllowedViolations (ddb-lint.maxAllowedViolations): must be 0 or "
                    + "more, not " + value);
        }
        return value;
    }

    /** A comma-separated list of format names; empty writes no report file (the console still shows findings). */
    static List<Reporter> formats(String value) throws InvalidParameterException {
        List<Reporter> reporters = new ArrayList<>();
        for (String name : split(value)) {
            Reporter reporter = Reporters.forFormat(name).orElseThrow(() -> new InvalidParameterException(
                    "formats (ddb-lint.formats): unknown format '" + name + "'; valid values: "
                            + String.join(", ", Reporters.formats())));
            if (!reporters.contains(reporter)) {
                reporters.add(reporter);
            }
        }
        return reporters;
    }

    /**
     * The {@code docBaseUrl} parameter: where the user publishes the rule pages, which then replaces the
     * configuration file's {@code docBaseUrl}; empty when the parameter is not set.
     */
    static Optional<String> docBaseUrl(String value) throws InvalidParameterException {
        if (!isSet(value)) {
            return Optional.empty();
        }
        String url = value.strip();
        Optional<String> problem = Configuration.docBaseUrlProblem(url);
        if (problem.isPresent()) {
            throw new InvalidParameterException("docBaseUrl (ddb-lint.docBaseUrl): " + problem.get() + ", not '"
                    + url + "'");
        }
        return Optional.of(url);
    }

    /** Comma-separated, as the includes/excludes of maven-checkstyle-plugin. */
    static List<String> patterns(String value) {
        return split(value);
    }

    private static List<String> split(String value) {
        if (!isSet(value)) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
