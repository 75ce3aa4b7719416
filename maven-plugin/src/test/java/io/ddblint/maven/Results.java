package io.ddblint.maven;

import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.AnalysisStats;
import io.ddblint.core.Finding;
import io.ddblint.core.Severity;
import io.ddblint.core.SourceRange;
import io.ddblint.core.SuppressedFinding;

import java.nio.file.Path;
import java.util.List;

/** Hand-made results, so the console and gate tests do not depend on what the rules find. */
final class Results {

    private Results() {
    }

    static Finding finding(String rule, String name, Severity severity, String path, int line, int column,
                           String message) {
        return new Finding(rule, name, severity, message, path, new SourceRange(line, column, line, column + 5),
                "com.acme.Repo#m()", null, null, rule + ":" + path + ":" + line);
    }

    static AnalysisResult of(List<Finding> findings, List<AnalysisProblem> problems) {
        return new AnalysisResult(Path.of("/repo"), findings, problems, List.of(), List.of(),
                new AnalysisStats(8, 6, 7, 0, 1260));
    }

    static AnalysisResult withSuppressed(List<Finding> findings, List<SuppressedFinding> suppressed) {
        return new AnalysisResult(Path.of("/repo"), findings, suppressed, List.of(), List.of(), List.of(),
                new AnalysisStats(8, 6, 7, 0, 1260));
    }

    static AnalysisResult of(Finding... findings) {
        return of(List.of(findings), List.of());
    }
}
