package io.ddblint.cli;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.SourceRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static io.ddblint.cli.CliRun.finding;
import static io.ddblint.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/** What the command line turns into: the one request the analyzer sees. */
class RequestTest {

    @TempDir
    Path dir;

    private final List<AnalysisRequest> seen = new ArrayList<>();

    private Function<AnalysisRequest, AnalysisResult> recording() {
        return request -> {
            seen.add(request);
            return finding().apply(request);
        };
    }

    @Test
    void defaults() {
        run(recording(), dir.toString());

        AnalysisRequest request = seen.get(0);
        assertThat(request.projectRoot()).isEqualTo(Path.of("").toAbsolutePath().normalize());
        assertThat(request.sourceRoots()).containsExactly(SourceRoot.auto(dir.toAbsolutePath()));
        assertThat(request.classpath()).isEmpty();
        assertThat(request.includeTests()).isFalse();
        assertThat(request.threads()).isZero();
    }

    @Test
    void everyPathIsAnAutoRootInOrder() throws IOException {
        Path project = Files.createDirectories(dir.resolve("service"));
        Path file = Files.writeString(dir.resolve("Repo.java"), "class Repo {}");

        run(recording(), file.toString(), project.toString());

        assertThat(seen.get(0).sourceRoots()).containsExactly(SourceRoot.auto(file), SourceRoot.auto(project));
    }

    @Test
    void options() {
        run(recording(), "--include-tests", "--threads", "3", "--root", dir.toString(), dir.toString());

        AnalysisRequest request = seen.get(0);
        assertThat(request.includeTests()).isTrue();
        assertThat(request.threads()).isEqualTo(3);
        assertThat(request.projectRoot()).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void missingClasspathEntriesAreSkippedWithAWarning() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path missing = dir.resolve("missing.jar");

        CliRun r = run(recording(), "--classpath", classes + File.pathSeparator + missing, dir.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(seen.get(0).classpath()).containsExactly(classes);
        assertThat(r.errLines()).containsExactly("ddb-lint: warning: classpath entry not found: " + missing);
    }

    @Test
    void classpathWildcardStandsForTheJarsOfADirectory() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path b = Files.writeString(lib.resolve("b.jar"), "");
        Path a = Files.writeString(lib.resolve("a.JAR"), "");
        Files.writeString(lib.resolve("notes.txt"), "");

        CliRun r = run(recording(), "--classpath", lib + File.separator + "*", dir.toString());

        assertThat(r.err()).isEmpty();
        assertThat(seen.get(0).classpath()).containsExactly(a, b);
    }
}
