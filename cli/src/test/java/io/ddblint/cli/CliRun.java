package io.ddblint.cli;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.AnalysisStats;
import io.ddblint.core.Finding;
import io.ddblint.core.Severity;
import io.ddblint.core.SourceRange;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Function;

/** One in-process run of the command with its output captured. */
record CliRun(int exitCode, String out, String err) {

    /** Runs with the real analyzer and rules. */
    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new DdbLintCommand(new PrintWriter(out), new PrintWriter(err)).run(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** Runs with an analyzer that the test controls. */
    static CliRun run(Function<AnalysisRequest, AnalysisResult> analyzer, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new DdbLintCommand(new PrintWriter(out), new PrintWriter(err), analyzer).run(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    /** An analyzer that reports one finding per given severity. */
    static Function<AnalysisRequest, AnalysisResult> finding(Severity... severities) {
        return request -> {
            List<Finding> findings = java.util.Arrays.stream(severities)
                    .map(s -> new Finding("DDB-X00" + s.ordinal(), "Example" + s.ordinal(), s,
                            "example " + s.lowerCase(), "src/main/java/app/Repo.java", SourceRange.at(10, 5),
                            "app.Repo#find()", null, null, "fp-" + s.ordinal()))
                    .toList();
            return new AnalysisResult(request.projectRoot(), findings, List.of(), List.of(), List.of(),
                    new AnalysisStats(1, 1, 1, 0, 0));
        };
    }
}
