package io.ddblint.maven;

import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.AnalysisStats;
import io.ddblint.core.Finding;
import io.ddblint.core.Severity;
import io.ddblint.core.report.ReportText;

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
            lines.add(new Line(level(f.severity()), ReportText.location(f.path(), f.range()) + ": [" + f.ruleId() + "] "
                    + ReportText.oneLine(f.message())));
        }
        for (AnalysisProblem p : result.problems()) {
            // Not a finding and never fails the build, but the user must know part of the code went unchecked.
            lines.add(new Line(Level.WARN, ReportText.location(p.path(), p.range()) + ": not analysed: "
                    + ReportText.oneLine(p.message())));
        }
        lines.addAll(summary(result, reports));
        return lines;
    }

    private static List<Line> summary(AnalysisResult result, List<String> reports) {
        List<Line> lines = new ArrayList<>();
        AnalysisStats stats = result.stats() == null ? new AnalysisStats(0, 0, 0, 0, 0) : result.stats();
        lines.add(info(ReportText.scope(result) + " (" + seconds(stats.durationMillis()) + ")"));
        Map<String, Integer> byRule = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (Finding f : result.findings()) {
            byRule.merge(f.ruleId(), 1, Integer::sum);
            names.putIfAbsent(f.ruleId(), f.ruleName());
        }
        byRule.forEach((id, n) -> lines.add(info("  " + id + " " + names.get(id) + ": " + n)));
        ReportText.suppressed(result).ifPresent(text -> lines.add(info(text)));
        if (stats.unresolvedReceivers() > 0) {
            lines.add(info(ReportText.count(stats.unresolvedReceivers(), "candidate call", "candidate calls")
                    + " skipped: receiver type not resolved (precision over recall)"));
        }
        if (!result.problems().isEmpty()) {
            lines.add(info(ReportText.count(result.problems().size(), "file or input", "files or inputs")
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

    /** Wall time of the analysis, so users can see what the gate costs their build. */
    static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static Line info(String text) {
        return new Line(Level.INFO, PREFIX + text);
    }

}
