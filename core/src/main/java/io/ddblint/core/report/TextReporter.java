package io.ddblint.core.report;

import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.AnalysisStats;
import io.ddblint.core.Finding;
import io.ddblint.core.SourceRange;
import io.ddblint.core.SuppressedFinding;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/**
 * The console format: one {@code path:line:col:} line per finding, the form compilers print, so IDE consoles and
 * editors turn it into links. Output depends only on the result (no timestamps, no durations), so two runs over the
 * same code print the same text.
 */
public final class TextReporter implements Reporter {

    /** Shown for problems that belong to no file (a bad configuration, say). */
    static final String NO_PATH = "<project>";

    @Override
    public String format() {
        return "text";
    }

    @Override
    public String defaultFileName() {
        return "ddb-lint.txt";
    }

    @Override
    public void write(AnalysisResult result, OutputStream out) throws IOException {
        try (Writer w = ReportOutput.utf8(out)) {
            for (Finding f : result.findings()) {
                line(w, location(f.path(), f.range()) + ": " + f.severity().name() + " [" + f.ruleId() + "] "
                        + oneLine(f.message()));
                if (f.fixHint() != null && !f.fixHint().isBlank()) {
                    line(w, "    fix: " + oneLine(f.fixHint()));
                }
            }
            for (AnalysisProblem p : result.problems()) {
                line(w, location(p.path(), p.range()) + ": problem: " + oneLine(p.message()));
            }
            if (result.findings().isEmpty()) {
                line(w, "No findings.");
            } else {
                line(w, "");
            }
            summary(w, result);
        }
    }

    private static void summary(Writer w, AnalysisResult result) throws IOException {
        AnalysisStats stats = ReportStats.of(result);
        line(w, Counts.findings(result)
                + " in " + count(stats.filesParsed(), "file", "files") + " parsed of " + stats.filesDiscovered()
                + " discovered; " + count(stats.callSites(), "DynamoDB call site", "DynamoDB call sites"));
        if (stats.unresolvedReceivers() > 0) {
            // Say what was not looked at: ddb-lint reports nothing on a call it cannot type, and users should
            // know that a quiet report may hide calls it could not resolve.
            int n = stats.unresolvedReceivers();
            line(w, n == 1
                    ? "1 candidate call skipped because its receiver type could not be resolved"
                    + " (precision over recall; listed in the json report; --classpath resolves more)"
                    : n + " candidate calls skipped because their receiver type could not be resolved"
                    + " (precision over recall; listed in the json report; --classpath resolves more)");
        }
        if (!result.suppressed().isEmpty()) {
            long inSource = result.suppressed().stream()
                    .filter(s -> s.kind() == SuppressedFinding.Kind.IN_SOURCE).count();
            long baseline = result.suppressed().size() - inSource;
            // Counted, not listed: the console shows what to act on; json and sarif list the suppressed ones.
            line(w, count(result.suppressed().size(), "finding", "findings") + " suppressed ("
                    + inSource + " in source, " + baseline + " by the baseline)");
        }
        Map<String, RuleCount> byRule = new TreeMap<>();
        for (Finding f : result.findings()) {
            byRule.merge(f.ruleId(), new RuleCount(f.ruleName(), 1), (a, b) -> new RuleCount(a.name(), a.count() + 1));
        }
        for (Map.Entry<String, RuleCount> e : byRule.entrySet()) {
            line(w, e.getKey() + " " + e.getValue().name() + ": " + e.getValue().count());
        }
    }

    private record RuleCount(String name, int count) {
    }

    /** {@code path:line:col}, leaving out the parts that are not known (0). */
    static String location(String path, SourceRange range) {
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
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\R", " ");
    }

    private static String count(long n, String singular, String plural) {
        return Counts.of(n, singular, plural);
    }

    private static void line(Writer w, String text) throws IOException {
        w.write(text);
        w.write('\n');
    }
}
