package io.ddblint.core.report;

import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Severity;

import java.util.Map;

/** Counted nouns for human-readable summaries, shared by the text report and the front ends' one-line summaries. */
public final class Counts {

    private Counts() {
    }

    public static String of(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** {@code 3 findings (1 error, 2 warnings, 0 info)}. */
    public static String findings(AnalysisResult result) {
        Map<Severity, Long> counts = result.countsBySeverity();
        return of(result.findings().size(), "finding", "findings")
                + " (" + of(counts.get(Severity.ERROR), "error", "errors")
                + ", " + of(counts.get(Severity.WARNING), "warning", "warnings")
                + ", " + counts.get(Severity.INFO) + " info)";
    }
}
