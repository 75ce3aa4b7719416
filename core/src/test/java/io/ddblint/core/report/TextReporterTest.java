package io.ddblint.core.report;

import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.AnalysisStats;
import io.ddblint.core.SourceRange;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static io.ddblint.core.report.ReportFixtures.PROJECT_ROOT;
import static io.ddblint.core.report.ReportFixtures.RESERVED;
import static io.ddblint.core.report.ReportFixtures.SCAN;
import static org.assertj.core.api.Assertions.assertThat;

class TextReporterTest {

    private final TextReporter reporter = new TextReporter();

    @Test
    void saysNoFindingsBeforeTheSummary() throws IOException {
        assertThat(render(ReportFixtures.empty())).isEqualTo("""
                No findings.
                0 findings (0 errors, 0 warnings, 0 info) in 0 files parsed of 3 discovered; 0 DynamoDB call sites
                """);
    }

    @Test
    void leavesOutUnknownPositionsAndNamesTheProjectForProblemsWithoutAFile() throws IOException {
        AnalysisResult result = ReportFixtures.with(List.of(), List.of(
                new AnalysisProblem(AnalysisProblem.Kind.CONFIGURATION, null, SourceRange.UNKNOWN, "bad config"),
                new AnalysisProblem(AnalysisProblem.Kind.READ_ERROR, "a/B.java", SourceRange.UNKNOWN, "unreadable"),
                new AnalysisProblem(AnalysisProblem.Kind.PARSE_ERROR, "a/C.java", SourceRange.at(4, 0), "bad")));

        assertThat(render(result)).startsWith("""
                <project>: problem: bad config
                a/B.java: problem: unreadable
                a/C.java:4: problem: bad
                No findings.
                """);
    }

    @Test
    void keepsEachFindingOnOneLineAndCountsInTheSingular() throws IOException {
        AnalysisResult result = new AnalysisResult(PROJECT_ROOT,
                List.of(ReportFixtures.finding(RESERVED, "a/B.java", SourceRange.at(2, 7), "first\nsecond", null)),
                List.of(), List.of(RESERVED, SCAN), List.of(), new AnalysisStats(1, 1, 1, 1, 99));

        assertThat(render(result)).isEqualTo("""
                a/B.java:2:7: ERROR [DDB-C004] first second

                1 finding (1 error, 0 warnings, 0 info) in 1 file parsed of 1 discovered; 1 DynamoDB call site
                1 candidate call skipped because its receiver type could not be resolved (precision over recall; listed in the json report; --classpath resolves more)
                DDB-C004 ReservedWordInExpression: 1
                """);
    }

    private String render(AnalysisResult result) throws IOException {
        return GoldenReportTest.render(reporter, result);
    }
}
