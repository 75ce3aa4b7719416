package io.ddblint.core.report;

import io.ddblint.core.AnalysisResult;
import io.ddblint.core.AnalysisStats;
import io.ddblint.core.Severity;
import io.ddblint.core.SourceRange;
import io.ddblint.core.SuppressedFinding;

import java.util.Map;
import java.util.Optional;

/**
 * The phrases and line shapes of ddb-lint's human-readable output, shared by the text report, the CLI summary and
 * the Maven console, so that every front end reads the same.
 */
public final class ReportText {

    /** Where a problem that belongs to no file is reported. */
    public static final String NO_PATH = "<project>";

    private ReportText() {
    }

    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** {@code 3 findings (1 error, 2 warnings, 0 info)}. */
    public static String findings(AnalysisResult result) {
        Map<Severity, Long> counts = result.countsBySeverity();
        return count(result.findings().size(), "finding", "findings")
                + " (" + count(counts.get(Severity.ERROR), "error", "errors")
                + ", " + count(counts.get(Severity.WARNING), "warning", "warnings")
                + ", " + counts.get(Severity.INFO) + " info)";
    }

    /** {@code 3 findings (...) in 5 files parsed of 42 discovered; 7 DynamoDB call sites}. */
    public static String scope(AnalysisResult result) {
        AnalysisStats stats = ReportStats.of(result);
        return findings(result)
                + " in " + count(stats.filesParsed(), "file", "files") + " parsed of " + stats.filesDiscovered()
                + " discovered; " + count(stats.callSites(), "DynamoDB call site", "DynamoDB call sites");
    }

    /** {@code 2 findings suppressed (1 in source, 1 by the baseline)}, when anything was suppressed. */
    public static Optional<String> suppressed(AnalysisResult result) {
        if (result.suppressed().isEmpty()) {
            return Optional.empty();
        }
        long inSource = result.suppressed().stream()
                .filter(s -> s.kind() == SuppressedFinding.Kind.IN_SOURCE).count();
        long baseline = result.suppressed().size() - inSource;
        return Optional.of(count(result.suppressed().size(), "finding", "findings") + " suppressed ("
                + inSource + " in source, " + baseline + " by the baseline)");
    }

    /** {@code path:line:col}, leaving out the parts that are not known (0). */
    public static String location(String path, SourceRange range) {
        StringBuilder b = new StringBuilder(path == null ? NO_PATH : path);
        if (range != null && range.line() > 0) {
            b.append(':').append(range.line());
            if (range.column() > 0) {
                b.append(':').append(range.column());
            }
        }
        return b.toString();
    }

    /** Keeps one finding on one line: tools that read {@code path:line:col:} lines would split a multi-line message. */
    public static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\R", " ");
    }
}
