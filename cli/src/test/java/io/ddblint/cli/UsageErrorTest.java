package io.ddblint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.ddblint.cli.CliRun.finding;
import static io.ddblint.core.Severity.WARNING;
import static io.ddblint.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Every mistake on the command line ends with exit code 2 and a short message, never a stack trace. */
class UsageErrorTest {

    private static final String HINT = "Try 'ddb-lint --help' for more information.";

    @TempDir
    Path dir;

    @Test
    void unknownOption() {
        CliRun r = run("--frobnicate", dir.toString());

        assertUsageError(r, "ddb-lint: error: Unknown option: '--frobnicate'");
    }

    @Test
    void unknownFormatListsTheValidOnes() {
        CliRun r = run("--format", "xml", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(2).last().isEqualTo(HINT);
        assertThat(r.errLines().get(0)).startsWith("ddb-lint: error: ")
                .contains("'xml'", "checkstyle, html, json, sarif, text");
    }

    @Test
    void badFailOnListsTheValidSeverities() {
        CliRun r = run("--fail-on", "critical", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(2).last().isEqualTo(HINT);
        assertThat(r.errLines().get(0)).startsWith("ddb-lint: error: ")
                .contains("'critical'", "ERROR, WARNING, INFO");
    }

    @Test
    void docBaseUrlMustBeAnAbsoluteHttpUrl() {
        CliRun r = run("--doc-base-url", "docs/rules", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(2).last().isEqualTo(HINT);
        assertThat(r.errLines().get(0)).startsWith("ddb-lint: error: ")
                .contains("--doc-base-url must be an absolute http or https URL", "'docs/rules'");
    }

    @Test
    void failOnIsCaseInsensitive() {
        assertThat(run(finding(WARNING), "--fail-on", "error", dir.toString()).exitCode()).isZero();
        assertThat(run(finding(WARNING), "--fail-on", "Warning", dir.toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void formatIsCaseInsensitive() {
        CliRun r = run(finding(), "--format", "JSON", dir.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void missingPath() {
        CliRun r = run();

        assertUsageError(r, "ddb-lint: error: Missing required parameter: 'PATH'");
    }

    @Test
    void pathThatDoesNotExist() {
        Path missing = dir.resolve("missing");

        CliRun r = run(missing.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("ddb-lint: error: path does not exist: " + missing);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void pathThatIsNeitherDirectoryNorJavaFile() throws IOException {
        Path pom = Files.writeString(dir.resolve("pom.xml"), "<project/>");

        CliRun r = run(pom.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("ddb-lint: error: not a directory or a .java file: " + pom);
    }

    @Test
    void rootThatIsNotADirectory() {
        Path missing = dir.resolve("missing");

        CliRun r = run("--root", missing.toString(), dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("ddb-lint: error: --root: not a directory: " + missing);
    }

    @Test
    void negativeThreads() {
        CliRun r = run("--threads", "-1", dir.toString());

        assertUsageError(r, "ddb-lint: error: --threads must be 0 (every processor) or more, not -1");
    }

    @Test
    void optionGivenTwiceThatTakesOneValue() {
        CliRun r = run("--fail-on", "ERROR", "--fail-on", "INFO", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(2).last().isEqualTo(HINT);
    }

    @Test
    void missingConfigFile() {
        CliRun r = run("--config", dir.resolve("ddb-lint.yml").toString(), dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(
                "ddb-lint: error: --config: file does not exist: " + dir.resolve("ddb-lint.yml"));
    }

    @Test
    void missingBaselineFile() {
        CliRun r = run("--baseline", dir.resolve("baseline.json").toString(), dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("ddb-lint: error: " + dir.resolve("baseline.json")
                + ": baseline file does not exist (create it with --write-baseline)");
    }

    @Test
    void usageErrorsDoNotRunTheAnalysis() {
        CliRun r = run(request -> {
            throw new AssertionError("analysis ran");
        }, "--format", "json", "--format", "sarif", dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
    }

    private static void assertUsageError(CliRun r, String message) {
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(message, HINT);
        assertThat(r.out()).isEmpty();
    }
}
