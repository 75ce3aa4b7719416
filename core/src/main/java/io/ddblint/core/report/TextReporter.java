package io.ddblint.core.report;

import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.AnalysisStats;
import io.ddblint.core.Finding;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The console format: one {@code path:line:col:} line per finding, the form compilers print, so IDE consoles and
 * editors turn it into links. Output depends only on the result (no timestamps, no durations), so two runs over the
 * same code print the same text.
 */
public final class TextReporter implements Reporter {

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
                line(w, ReportText.location(f.path(), f.range()) + ": " + f.severity().name() + " [" + f.ruleId() + "] "
                        + ReportText.oneLine(f.message()));
                if (f.fixHint() != null && !f.fixHint().isBlank()) {
                    line(w, "    fix: " + ReportText.oneLine(f.fixHint()));
                }
            }
            for (AnalysisProblem p : result.problems()) {
                line(w, ReportText.location(p.path(), p.range()) + ": problem: " + ReportText.oneLine(p.message()));
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
        line(w, ReportText.scope(result));
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
        // Counted, not listed: the console shows what to act on; json and sarif list the suppressed ones.
        Optional<String> suppressed = ReportText.suppressed(result);
        if (suppressed.isPresent()) {
            line(w, suppressed.get());
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

    private static void line(Writer w, String text) throws IOException {
        w.write(text);
        w.write('\n');
    }
}
