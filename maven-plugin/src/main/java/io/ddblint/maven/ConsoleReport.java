package io.ddblint.maven;

import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.AnalysisStats;
import io.ddblint.core.Finding;
import io.ddblint.core.Severity;
import io.ddblint.core.SourceRange;
import io.ddblint.core.SuppressedFinding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the goal prints, in Maven's style: one line per finding at the level of its severity, so that
 * {@code [ERROR]}/{@code [WARNING]} lines stand out as compiler messages do, then a summary at INFO. Built as data so
 * that tests can check it without a Maven log.
 */
final class ConsoleReport {

    static final String PREFIX = "ddb-lint: ";

    enum Level { ERROR, WARN, INFO }

    record Line(Level level, String text) {
    }

    private ConsoleReport() {
    }

    /**
     * @param reports the report files written, as the user should see them (relative to the report root when
     *                possible)
     */
    static List<Line> lines(AnalysisResult result, List<String> reports) {
        List<Line> lines = new ArrayList<>();
        for (Finding f : result.findings()) {
            lines.add(new Line(level(f.severity()), location(f.path(), f.range()) + ": [" + f.ruleId() + "] "
                    + oneLine(f.message())));
        }
        for (AnalysisProblem p : result.problems()) {
            // Not a finding and never fails the build, but the user must know part of the code went unchecked.
            lines.add(new Line(Level.WARN, location(p.path(), p.range()) + ": not analysed: " + oneLine(p.message())));
        }
        lines.addAll(summary(result, reports));
        return lines;
    }

    private static List<Line> summary(AnalysisResult result, List<String> reports) {
        List<Line> lines = new ArrayList<>();
        Map<Severity, Long> counts = result.countsBySeverity();
        AnalysisStats stats = result.stats() == null ? new AnalysisStats(0, 0, 0, 0, 0) : result.stats();
        lines.add(info(count(result.findings().size(), "finding", "findings")
                + " (" + count(counts.get(Severity.ERROR), "error", "errors")
                + ", " + count(counts.get(Severity.WARNING), "warning", "warnings")
                + ", " + counts.get(Severity.INFO) + " info) in "
                + count(stats.filesParsed(), "file", "files") + " parsed of " + stats.filesDiscovered()
                + " discovered; " + count(stats.callSites(), "DynamoDB call site", "DynamoDB call sites")
                + " (" + seconds(stats.durationMillis()) + ")"));
        Map<String, Integer> byRule = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (Finding f : result.findings()) {
            byRule.merge(f.ruleId(), 1, Integer::sum);
            names.putIfAbsent(f.ruleId(), f.ruleName());
        }
        byRule.forEach((id, n) -> lines.add(info("  " + id + " " + names.get(id) + ": " + n)));
        if (!result.suppressed().isEmpty()) {
            long inSource = result.suppressed().stream()
                    .filter(s -> s.kind() == SuppressedFinding.Kind.IN_SOURCE).count();
            lines.add(info(count(result.suppressed().size(), "finding", "findings") + " suppressed (" + inSource
                    + " in source, " + (result.suppressed().size() - inSource) + " by the baseline)"));
        }
        if (stats.unresolvedReceivers() > 0) {
            lines.add(info(count(stats.unresolvedReceivers(), "candidate call", "candidate calls")
                    + " skipped: receiver type not resolved (precision over recall)"));
        }
        if (!result.problems().isEmpty()) {
            lines.add(info(count(result.problems().size(), "file or input", "files or inputs")
                    + " could not be analysed (see the warnings above)"));
        }
        lines.add(info(reports.isEmpty() ? "no report files (formats is empty)"
                : "reports: " + String.join(", ", reports)));
        return lines;
    }

    static Level level(Severity severity) {
        return switch (severity) {
            case ERROR -> Level.ERROR;
            case WARNING -> Level.WARN;
            case INFO -> Level.INFO;
        };
    }

    /** {@code path:line:col}, leaving out the parts that are not known (0), as the text report does. */
    static String location(String path, SourceRange range) {
        StringBuilder b = new StringBuilder(path == null ? "<project>" : path);
        if (range != null && range.line() > 0) {
            b.append(':').append(range.line());
            if (range.column() > 0) {
                b.append(':').append(range.column());
            }
        }
        return b.toString();
    }

    /** Wall time of the analysis, so users can see what the gate costs their build. */
    static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static Line info(String text) {
        return new Line(Level.INFO, PREFIX + text);
    }

    /** One finding per line: tools that read {@code path:line:col:} lines from a build log would split the rest. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\R", " ");
    }

    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
