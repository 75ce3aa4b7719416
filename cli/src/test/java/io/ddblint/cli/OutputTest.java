package io.ddblint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.ddblint.cli.CliRun.finding;
import static io.ddblint.cli.CliRun.run;
import static io.ddblint.core.Severity.ERROR;
import static io.ddblint.core.Severity.INFO;
import static io.ddblint.core.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

/** How --format and --output pair up, and what ends up where. */
class OutputTest {

    @TempDir
    Path dir;

    @Test
    void textToStandardOutputByDefault() {
        CliRun r = run(finding(WARNING), dir.toString());

        assertThat(r.out()).isNotBlank();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void reportsGoToTheirFilesInOrderAndParentsAreCreated() throws IOException {
        Path json = dir.resolve("reports/nested/ddb-lint.json");
        Path sarif = dir.resolve("ddb-lint.sarif");

        CliRun r = run(finding(ERROR, WARNING, WARNING, INFO),
                "--format", "json", "--output", json.toString(),
                "--format", "sarif", "--output", sarif.toString(), dir.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(json).isRegularFile();
        assertThat(Files.size(json)).isPositive();
        assertThat(sarif).isRegularFile();
        assertThat(Files.size(sarif)).isPositive();
        assertThat(r.outLines()).containsExactly("ddb-lint: 4 findings (1 error, 2 warnings, 1 info); reports: "
                + json + ", " + sarif);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void outputsPairWithFormatsWhereverTheyAppear() {
        Path sarif = dir.resolve("out.sarif");

        CliRun r = run(finding(), "--output", sarif.toString(), "--format", "sarif", "--format", "text",
                dir.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(sarif).isNotEmptyFile();
        assertThat(r.out()).isNotBlank().doesNotContain("reports:");
    }

    @Test
    void outputWithoutFormatGetsText() {
        Path text = dir.resolve("out.txt");

        CliRun r = run(finding(), "--output", text.toString(), dir.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(text).isNotEmptyFile();
        assertThat(r.outLines()).containsExactly("ddb-lint: 0 findings (0 errors, 0 warnings, 0 info); reports: "
                + text);
    }

    @Test
    void oneFileAndOneStandardOutputPrintNoSummary() {
        Path json = dir.resolve("out.json");

        CliRun r = run(finding(WARNING), "--format", "json", "--output", json.toString(), "--format", "text",
                dir.toString());

        assertThat(json).isNotEmptyFile();
        assertThat(r.out()).isNotBlank().doesNotContain("reports:");
    }

    @Test
    void twoFormatsToStandardOutputIsAUsageError() {
        CliRun r = run(finding(), "--format", "json", "--format", "sarif", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(
                "ddb-lint: error: more than one format would go to standard output (json, sarif); "
                        + "give all but one an --output file",
                "Try 'ddb-lint --help' for more information.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void moreOutputsThanFormatsIsAUsageError() {
        CliRun r = run(finding(), "--output", "a.txt", "--output", "b.txt", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(2);
        assertThat(r.errLines().get(0)).startsWith("ddb-lint: error: 2 --output files but 1 format");
    }

    @Test
    void unwritableOutputIsAnInputErrorBeforeTheAnalysis() throws IOException {
        // A regular file where a directory is needed: unwritable even for root, on every platform.
        Path blocker = Files.writeString(dir.resolve("blocker"), "x");
        Path report = blocker.resolve("ddb-lint.json");

        CliRun r = run(request -> {
            throw new AssertionError("analysis ran");
        }, "--format", "json", "--output", report.toString(), dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("ddb-lint: error: cannot write report " + report + ": ");
    }

    @Test
    void outputThatIsADirectory() {
        CliRun r = run(finding(), "--output", dir.toString(), dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(
                "ddb-lint: error: cannot write report " + dir + ": it is a directory");
    }
}
