package io.ddblint.core.config;

import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Finding;
import io.ddblint.core.Severity;
import io.ddblint.core.baseline.Baseline;
import io.ddblint.core.testing.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static io.ddblint.core.testing.TestRules.repo;
import static org.assertj.core.api.Assertions.assertThat;

/** The analyzer applies the configuration: which rules run, their severity, what is production code, limits. */
class ConfigurationAppliedTest {

    private static final String SCAN_AND_CONSISTENT_GET = repo("""
                void a() {
                    ddb.scan(s -> s.tableName("t"));
                    ddb.getItem(g -> g.tableName("t").consistentRead(true));
                }
            """);

    @TempDir
    Path dir;

    private AnalysisResult analyze(String yaml, Map<String, String> sources) throws IOException {
        Configuration config = ConfigurationLoader.parse("ddb-lint.yml", yaml, TestRules.registry().descriptors());
        return TestRules.analyze(dir, sources, config, Baseline.EMPTY);
    }

    @Test
    void defaultsRunTheRulesEnabledByDefault() throws IOException {
        AnalysisResult r = analyze("", Map.of("src/main/java/a/Repo.java", SCAN_AND_CONSISTENT_GET));

        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("DDB-P001");
    }

    @Test
    void findingsLinkToRulePagesOnlyUnderAConfiguredDocumentationBaseUrl() throws IOException {
        Map<String, String> sources = Map.of("src/main/java/a/Repo.java", SCAN_AND_CONSISTENT_GET);

        AnalysisResult plain = analyze("", sources);
        AnalysisResult linked = analyze("docBaseUrl: https://docs.example.com/ddb-lint\n", sources);

        assertThat(plain.findings()).extracting(Finding::helpUri).containsOnlyNulls();
        assertThat(plain.docBaseUrl()).isNull();
        assertThat(linked.findings()).extracting(Finding::helpUri)
                .containsExactly("https://docs.example.com/ddb-lint/DDB-P001");
        assertThat(linked.docBaseUrl()).isEqualTo("https://docs.example.com/ddb-lint");
    }

    @Test
    void rulesAreSwitchedAndTheirSeverityChanged() throws IOException {
        AnalysisResult r = analyze("""
                rules:
                  DDB-P001: {enabled: false}
                  StronglyConsistentRead: {enabled: true, severity: ERROR}
                """, Map.of("src/main/java/a/Repo.java", SCAN_AND_CONSISTENT_GET));

        assertThat(r.findings()).extracting(Finding::ruleId, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DDB-P007", Severity.ERROR));
        assertThat(r.rules()).extracting(d -> d.id()).containsExactly("DDB-P007", "DDB-X001");
    }

    @Test
    void nonProductionGlobsMakeMainCodeTestCode() throws IOException {
        Map<String, String> sources = Map.of(
                "src/main/java/a/Repo.java", SCAN_AND_CONSISTENT_GET,
                "src/main/java/a/migration/Repo.java", SCAN_AND_CONSISTENT_GET.replace("package a;",
                        "package a.migration;"),
                "tools/admin/src/main/java/a/Repo.java", SCAN_AND_CONSISTENT_GET);

        AnalysisResult r = analyze("""
                nonProductionPaths: ["**/migration/**", "tools/admin/**"]
                """, sources);

        assertThat(r.findings()).extracting(Finding::path).containsExactly("src/main/java/a/Repo.java");
        assertThat(r.stats().filesDiscovered()).isEqualTo(1); // test code is left out without includeTests
    }

    @Test
    void aTopLevelDirectoryMatchesADoubleStarGlob() throws IOException {
        AnalysisResult r = analyze("nonProductionPaths: ['**/migration/**']\n",
                Map.of("migration/Repo.java", SCAN_AND_CONSISTENT_GET));

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void rulesSeeTheConfiguredLimits() throws IOException {
        AnalysisResult r = analyze("limits: {batchWriteItems: 7}\n",
                Map.of("src/main/java/a/Repo.java", SCAN_AND_CONSISTENT_GET));

        assertThat(r.findings()).singleElement().extracting(Finding::message).asString()
                .contains("batch write limit 7");
    }
}
