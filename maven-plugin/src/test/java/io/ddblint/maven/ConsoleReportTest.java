package io.ddblint.maven;

import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.Severity;
import io.ddblint.core.SourceRange;
import io.ddblint.core.SuppressedFinding;
import io.ddblint.maven.ConsoleReport.Level;
import io.ddblint.maven.ConsoleReport.Line;
import io.ddblint.core.report.ReportText;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.baseline.Baseline;
import io.ddblint.core.config.Configuration;
import io.ddblint.core.rule.RuleRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;

import static io.ddblint.maven.Results.finding;
import static org.assertj.core.api.Assertions.assertThat;

class ConsoleReportTest {

    @Test
    void oneLinePerFindingAtTheLevelOfItsSeverityThenASummary() {
        var result = Results.of(
                finding("DDB-P001", "ScanInProductionCode", Severity.WARNING, "app/src/main/java/Repo.java", 72, 25,
                        "`db.scan(r)` scans table 'orders'"),
                finding("DDB-P006", "LimitWithFilterExpression", Severity.INFO, "app/src/main/java/Repo.java", 96, 43,
                        "sets Limit and\na FilterExpression"),
                finding("DDB-X999", "Broken", Severity.ERROR, "app/src/main/java/Other.java", 3, 1, "boom"));

        List<Line> lines = ConsoleReport.lines(result, List.of("target/ddb-lint/ddb-lint.sarif"));

        assertThat(lines).containsExactly(
                new Line(Level.ERROR, "app/src/main/java/Other.java:3:1: [DDB-X999] boom"),
                new Line(Level.WARN, "app/src/main/java/Repo.java:72:25: [DDB-P001] `db.scan(r)` scans table 'orders'"),
                new Line(Level.INFO, "app/src/main/java/Repo.java:96:43: [DDB-P006] sets Limit and a FilterExpression"),
                new Line(Level.INFO, "ddb-lint: 3 findings (1 error, 1 warning, 1 info) in 6 files parsed of 8 "
                        + "discovered; 7 DynamoDB call sites (1.3 s)"),
                new Line(Level.INFO, "ddb-lint:   DDB-P001 ScanInProductionCode: 1"),
                new Line(Level.INFO, "ddb-lint:   DDB-P006 LimitWithFilterExpression: 1"),
                new Line(Level.INFO, "ddb-lint:   DDB-X999 Broken: 1"),
                new Line(Level.INFO, "ddb-lint: reports: target/ddb-lint/ddb-lint.sarif"));
    }

    /**
     * A module's templates are read from its base directory (the Maven plugin passes {@code src/main/java}), and a
     * finding located in a template is printed like any other: a dead {@code # ddb-lint:ignore} in the SAM template.
     */
    @Test
    void findingsInAModulesTemplateArePrintedAtTheTemplate(@TempDir Path dir) throws Exception {
        Path module = dir.resolve("orders");
        Files.createDirectories(module.resolve("src/main/java/a"));
        Files.writeString(module.resolve("src/main/java/a/A.java"), "package a; class A {}\n");
        Files.writeString(module.resolve("template.yaml"), """
                Resources:
                  Orders: # ddb-lint:ignore DDB-P001 nothing to suppress
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: orders
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                """);
        ModuleInputs inputs = ModuleInputs.of(dir, List.of(module.resolve("src/main/java").toString()), List.of(),
                List.of());
        CheckOptions options = CheckOptions.parse(new CheckOptions.Raw(null, 0, "", null, null));
        AnalysisResult result = new Analyzer(RuleRegistry.loadDefault())
                .analyze(inputs.request(false, options, Configuration.DEFAULTS, Baseline.EMPTY));

        assertThat(ConsoleReport.lines(result, List.of())).first().isEqualTo(new Line(Level.INFO,
                "orders/template.yaml:2:11: [DDB-X001] `# ddb-lint:ignore DDB-P001 nothing to suppress` suppresses"
                        + " nothing: no DDB-P001 finding here. Remove it."));
    }

    @Test
    void problemsAreWarningsAndCounted() {
        var problem = new AnalysisProblem(AnalysisProblem.Kind.PARSE_ERROR, "src/main/java/Bad.java",
                SourceRange.at(4, 9), "Parse error: unexpected token");

        List<Line> lines = ConsoleReport.lines(Results.of(List.of(), List.of(problem)), List.of());

        assertThat(lines).containsExactly(
                new Line(Level.WARN, "src/main/java/Bad.java:4:9: not analysed: Parse error: unexpected token"),
                new Line(Level.INFO, "ddb-lint: 0 findings (0 errors, 0 warnings, 0 info) in 6 files parsed of 8 "
                        + "discovered; 7 DynamoDB call sites (1.3 s)"),
                new Line(Level.INFO, "ddb-lint: 1 file or input could not be analysed (see the warnings above)"),
                new Line(Level.INFO, "ddb-lint: no report files (formats is empty)"));
    }

    @Test
    void suppressedFindingsAreCountedBySourceNotListed() {
        var scan = finding("DDB-P001", "ScanInProductionCode", Severity.WARNING, "A.java", 3, 5, "scan");
        var query = finding("DDB-P006", "LimitWithFilterExpression", Severity.INFO, "A.java", 9, 5, "limit");
        var other = finding("DDB-P001", "ScanInProductionCode", Severity.WARNING, "B.java", 4, 5, "scan");
        var result = Results.withSuppressed(List.of(other), List.of(
                new SuppressedFinding(scan, SuppressedFinding.Kind.IN_SOURCE, "nightly"),
                new SuppressedFinding(query, SuppressedFinding.Kind.EXTERNAL, "accepted in the baseline")));

        List<Line> lines = ConsoleReport.lines(result, List.of());

        assertThat(lines).containsExactly(
                new Line(Level.WARN, "B.java:4:5: [DDB-P001] scan"),
                new Line(Level.INFO, "ddb-lint: 1 finding (0 errors, 1 warning, 0 info) in 6 files parsed of 8 "
                        + "discovered; 7 DynamoDB call sites (1.3 s)"),
                new Line(Level.INFO, "ddb-lint:   DDB-P001 ScanInProductionCode: 1"),
                new Line(Level.INFO, "ddb-lint: 2 findings suppressed (1 in source, 1 by the baseline)"),
                new Line(Level.INFO, "ddb-lint: no report files (formats is empty)"));
    }

    @Test
    void locationLeavesOutUnknownParts() {
        assertThat(ReportText.location(null, SourceRange.UNKNOWN)).isEqualTo("<project>");
        assertThat(ReportText.location("A.java", SourceRange.at(3, 0))).isEqualTo("A.java:3");
    }
}
