package io.ddblint.maven;

import io.ddblint.core.baseline.Baseline;
import io.ddblint.core.config.Configuration;
import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.SourceRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModuleInputsTest {

    @TempDir
    Path repo;

    @Test
    void reportRootIsTheExecutionRootWhenTheModuleLiesInside() {
        assertThat(ModuleInputs.reportRoot(repo, repo.resolve("services/orders"))).isEqualTo(repo);
        assertThat(ModuleInputs.reportRoot(repo, repo)).isEqualTo(repo);
    }

    @Test
    void reportRootFallsBackToTheModuleOutsideTheExecutionRoot() {
        Path elsewhere = repo.resolveSibling("elsewhere");
        assertThat(ModuleInputs.reportRoot(repo.resolve("aggregator"), elsewhere)).isEqualTo(elsewhere);
        assertThat(ModuleInputs.reportRoot(null, elsewhere)).isEqualTo(elsewhere);
    }

    @Test
    void keepsExistingRootsAndJarsOnlyAndMarksMainAndTest() throws Exception {
        Path main = Files.createDirectories(repo.resolve("app/src/main/java"));
        Path generated = Files.createDirectories(repo.resolve("app/target/generated-sources/annotations"));
        Path test = Files.createDirectories(repo.resolve("app/src/test/java"));
        Path classes = Files.createDirectories(repo.resolve("app/target/classes"));
        Path jar = Files.createFile(repo.resolve("sdk.jar"));

        ModuleInputs inputs = ModuleInputs.of(repo,
                List.of(main.toString(), generated.toString(), repo.resolve("app/src/main/missing").toString()),
                List.of(test.toString()),
                List.of(classes.toString(), jar.toString(), repo.resolve("gone.jar").toString()));

        AnalysisRequest withTests = inputs.request(true, new CheckOptions(io.ddblint.core.Severity.WARNING, 0,
                List.of(), List.of("**/*.java"), List.of("**/generated-sources/**")), Configuration.DEFAULTS, Baseline.EMPTY);
        assertThat(withTests.projectRoot()).isEqualTo(repo.toAbsolutePath().normalize());
        assertThat(withTests.sourceRoots()).containsExactly(SourceRoot.main(main), SourceRoot.main(generated),
                SourceRoot.test(test));
        assertThat(withTests.classpath()).containsExactly(jar);
        assertThat(withTests.includes()).containsExactly("**/*.java");
        assertThat(withTests.excludes()).containsExactly("**/generated-sources/**");

        AnalysisRequest mainOnly = inputs.request(false, new CheckOptions(io.ddblint.core.Severity.WARNING, 0,
                List.of(), List.of(), List.of()), Configuration.DEFAULTS, Baseline.EMPTY);
        assertThat(mainOnly.sourceRoots()).containsExactly(SourceRoot.main(main), SourceRoot.main(generated));
        assertThat(mainOnly.includeTests()).isFalse();
    }

    @Test
    void aModuleWithoutSourcesHasNothingToCheck() {
        ModuleInputs pom = ModuleInputs.of(repo, List.of(repo.resolve("src/main/java").toString()), List.of(),
                List.of());
        assertThat(pom.hasSources(true)).isFalse();
    }
}
