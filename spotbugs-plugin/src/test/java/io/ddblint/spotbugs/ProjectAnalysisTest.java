package io.ddblint.spotbugs;

import io.ddblint.core.Finding;
import io.ddblint.core.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What the detector analyses for a source path: the project's directory, its ddb-lint.yml, main and test code. */
class ProjectAnalysisTest {

    private static final String REPOSITORY = """
            package a;

            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

            public class Repo {
                private final DynamoDbClient client = DynamoDbClient.create();

                public Object all() {
                    return client.scan(b -> b.tableName("orders"));
                }
            }
            """;

    private static Path project(Path dir, String config) throws IOException {
        for (String set : List.of("main", "test")) {
            Path file = dir.resolve("src/" + set + "/java/a/Repo.java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, REPOSITORY);
        }
        if (config != null) {
            Files.writeString(dir.resolve("ddb-lint.yml"), config);
        }
        return dir;
    }

    private static List<Path> sourceDirs(Path project) {
        return List.of(project.resolve("src/main/java"), project.resolve("src/test/java"));
    }

    @Test
    void theProjectOfMavenSourceRootsIsTheModule(@TempDir Path dir) {
        assertThat(ProjectAnalysis.projectRoot(sourceDirs(dir))).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(ProjectAnalysis.projectRoot(List.of(dir.resolve("sources"))))
                .isEqualTo(dir.resolve("sources").toAbsolutePath().normalize());
    }

    @Test
    void productionCodeIsReportedAndTestCodeIsNot(@TempDir Path dir) throws IOException {
        ProjectAnalysis analysis = ProjectAnalysis.run(sourceDirs(project(dir, null)), List.of());
        assertThat(analysis.findingsIn("a.Repo")).extracting(Finding::ruleId, Finding::path)
                .containsExactly(tuple("DDB-P001", "src/main/java/a/Repo.java"));
        assertThat(BugTypes.priority(analysis.findingsIn("a.Repo").get(0).severity())).isEqualTo(2);
    }

    @Test
    void theProjectsConfigurationApplies(@TempDir Path dir) throws IOException {
        ProjectAnalysis raised = ProjectAnalysis.run(sourceDirs(project(dir.resolve("raised"),
                "rules:\n  DDB-P001:\n    severity: ERROR\n")), List.of());
        assertThat(raised.findingsIn("a.Repo")).extracting(Finding::severity).containsExactly(Severity.ERROR);
        assertThat(BugTypes.priority(Severity.ERROR)).isEqualTo(1);

        ProjectAnalysis disabled = ProjectAnalysis.run(sourceDirs(project(dir.resolve("disabled"),
                "rules:\n  ScanInProductionCode:\n    enabled: false\n")), List.of());
        assertThat(disabled.findingsIn("a.Repo")).isEmpty();
    }
}
