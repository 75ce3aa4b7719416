package io.ddblint.cli;

import io.ddblint.core.AnalysisException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.ddblint.cli.CliRun.finding;
import static io.ddblint.cli.CliRun.run;
import static io.ddblint.core.Severity.ERROR;
import static io.ddblint.core.Severity.INFO;
import static io.ddblint.core.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

/** Exit codes with a stub analyzer, so that they do not depend on what the rules find. */
class ExitCodeTest {

    @TempDir
    Path dir;

    @Test
    void noFindingsIsZero() {
        assertThat(run(finding(), dir.toString()).exitCode()).isZero();
    }

    @Test
    void warningFailsByDefault() {
        assertThat(run(finding(WARNING), dir.toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void infoDoesNotFailByDefault() {
        assertThat(run(finding(INFO), dir.toString()).exitCode()).isZero();
    }

    @Test
    void failOnErrorIgnoresWarnings() {
        assertThat(run(finding(WARNING, INFO), "--fail-on", "ERROR", dir.toString()).exitCode()).isZero();
        assertThat(run(finding(ERROR), "--fail-on", "ERROR", dir.toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void failOnInfoCountsEverything() {
        assertThat(run(finding(INFO), "--fail-on", "INFO", dir.toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void analysisExceptionIsAnInputError() {
        CliRun r = run(request -> {
            throw new AnalysisException("source root vanished: " + dir);
        }, dir.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("ddb-lint: error: source root vanished: " + dir);
    }

    @Test
    void unexpectedExceptionIsOneLineWithoutStackTrace() {
        CliRun r = run(request -> {
            throw new IllegalStateException("boom\nsecond line");
        }, dir.toString());

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.errLines()).containsExactly("ddb-lint: internal error: java.lang.IllegalStateException: boom"
                + " (run with --debug for the stack trace)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void errorIsAnInternalErrorToo() {
        CliRun r = run(request -> {
            throw new StackOverflowError();
        }, dir.toString());

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.errLines()).containsExactly("ddb-lint: internal error: java.lang.StackOverflowError"
                + " (run with --debug for the stack trace)");
    }

    @Test
    void debugPrintsTheStackTrace() {
        CliRun r = run(request -> {
            throw new IllegalStateException("boom");
        }, "--debug", dir.toString());

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.errLines().get(0)).isEqualTo("ddb-lint: internal error: java.lang.IllegalStateException: boom");
        assertThat(r.err()).contains("\tat io.ddblint.cli.ExitCodeTest");
    }
}
