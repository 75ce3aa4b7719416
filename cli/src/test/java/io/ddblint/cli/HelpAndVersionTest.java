package io.ddblint.cli;

import io.ddblint.core.ToolInfo;
import org.junit.jupiter.api.Test;

import static io.ddblint.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

class HelpAndVersionTest {

    @Test
    void helpGoesToStandardOutputAndExitsZero() {
        CliRun r = run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Usage: ddb-lint ")
                .contains("PATH...", "--format=FORMAT", "checkstyle, html, json, sarif, text", "--output=FILE",
                        "--classpath=CP", "--config=FILE", "--baseline=FILE", "--write-baseline=FILE", "--fail-on=SEVERITY",
                        "--doc-base-url=URL", "--inventory", "access-pattern inventory",
                        "--include-tests", "--threads=N", "--root=DIR", "--debug", "--version")
                .contains("Exit codes:", "3   internal error");
    }

    @Test
    void shortHelpNeedsNoPath() {
        assertThat(run("-h").exitCode()).isZero();
    }

    @Test
    void version() {
        CliRun r = run("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).containsExactly("ddb-lint " + ToolInfo.VERSION);
        assertThat(run("-V").out()).isEqualTo(r.out());
    }
}
