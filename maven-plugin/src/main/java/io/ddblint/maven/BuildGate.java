package io.ddblint.maven;

import io.ddblint.core.AnalysisResult;
import io.ddblint.core.report.ReportText;

import java.util.Optional;

/** Decides whether a module's findings fail the build, and says why in the words of the parameters. */
final class BuildGate {

    private BuildGate() {
    }

    /** The failure message, or empty when the build passes. */
    static Optional<String> check(AnalysisResult result, CheckOptions options, boolean failOnViolation,
                                  String reportLocation) {
        int over = result.findingsAtLeast(options.failOnSeverity()).size();
        if (!failOnViolation || over <= options.maxAllowedViolations()) {
            return Optional.empty();
        }
        String allowed = options.maxAllowedViolations() == 0 ? ""
                : ", more than the " + options.maxAllowedViolations() + " allowed (maxAllowedViolations)";
        return Optional.of("ddb-lint found " + ReportText.count(over, "finding", "findings") + " at "
                + options.failOnSeverity().name() + " severity or above (failOnSeverity)" + allowed
                + "; see the log above" + (reportLocation == null ? "" : " and " + reportLocation));
    }
}
