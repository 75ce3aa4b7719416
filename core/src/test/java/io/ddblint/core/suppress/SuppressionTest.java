package io.ddblint.core.suppress;

import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Finding;
import io.ddblint.core.Severity;
import io.ddblint.core.SuppressedFinding;
import io.ddblint.core.baseline.Baseline;
import io.ddblint.core.config.Configuration;
import io.ddblint.core.config.ConfigurationLoader;
import io.ddblint.core.engine.Fingerprints;
import io.ddblint.core.rule.BuiltInRules;
import io.ddblint.core.rule.RuleDescriptor;
import io.ddblint.core.testing.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.ddblint.core.testing.TestRules.repo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** In-source suppressions: every place and spelling RULES.md allows, and dead suppressions reported. */
class SuppressionTest {

    private static final String FILE = "src/main/java/a/Repo.java";

    @TempDir
    Path dir;

    private AnalysisResult analyze(String body) throws IOException {
        return TestRules.analyze(dir, Map.of(FILE, repo(body)));
    }

    private static List<Integer> lines(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).map(f -> f.range().line()).toList();
    }

    private static List<Integer> suppressedLines(AnalysisResult result) {
        return result.suppressed().stream().map(s -> s.finding().range().line()).toList();
    }

    @Test
    void annotationOnAMethodByIdByNameAndForAllRules() throws IOException {
        AnalysisResult r = analyze("""
                    @SuppressWarnings("ddb-lint:DDB-P001")
                    void byId() { ddb.scan(s -> s.tableName("t")); }
                    @SuppressWarnings({"unchecked", "ddb-lint:ScanInProductionCode"})
                    void byName() { ddb.scan(s -> s.tableName("t")); }
                    @SuppressWarnings("ddb-lint")
                    void all() { ddb.scan(s -> s.tableName("t")); }
                    void reported() { ddb.scan(s -> s.tableName("t")); }
                """);

        assertThat(lines(r.findings(), "DDB-P001")).containsExactly(13);
        assertThat(suppressedLines(r)).containsExactly(8, 10, 12);
        assertThat(r.suppressed()).allSatisfy(s -> {
            assertThat(s.kind()).isEqualTo(SuppressedFinding.Kind.IN_SOURCE);
            assertThat(s.justification()).isNull();
        });
        assertThat(lines(r.findings(), "DDB-X001")).isEmpty();
    }

    @Test
    void annotationOnAClassAFieldAndALocal() throws IOException {
        TestRules.write(dir, Map.of("src/main/java/a/Job.java", """
                package a;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                @SuppressWarnings("ddb-lint:DDB-P001")
                class Job {
                    void run(DynamoDbClient ddb) { ddb.scan(s -> s.tableName("t")); }
                }
                """));
        AnalysisResult r = analyze("""
                    @SuppressWarnings("ddb-lint:DDB-P001")
                    private final Object field = ddb().scan(s -> s.tableName("t"));
                    DynamoDbClient ddb() { return ddb; }
                    void local() {
                        @SuppressWarnings("ddb-lint:DDB-P001")
                        ScanResponse quiet = ddb.scan(s -> s.tableName("t"));
                        ScanResponse loud = ddb.scan(s -> s.tableName("t"));
                    }
                """);

        assertThat(r.findings()).extracting(Finding::path, f -> f.range().line())
                .containsExactly(tuple(FILE, 13));
        assertThat(r.suppressed()).extracting(s -> s.finding().path(), s -> s.finding().range().line())
                .containsExactly(
                        tuple("src/main/java/a/Job.java", 5),
                        tuple(FILE, 8),
                        tuple(FILE, 12));
    }

    @Test
    void commentAtTheEndOfTheLineAndAloneOnTheLineAboveKeepTheReason() throws IOException {
        AnalysisResult r = analyze("""
                    void a() {
                        ddb.scan(s -> s.tableName("t")); // ddb-lint:ignore DDB-P001 nightly export reads everything
                        // ddb-lint:ignore ScanInProductionCode admin tool, runs by hand

                        ddb.scan(s -> s.tableName("t"));
                        ddb.scan(s -> s.tableName("t"));
                    }
                """);

        assertThat(lines(r.findings(), "DDB-P001")).containsExactly(12);
        assertThat(r.suppressed()).extracting(s -> s.finding().range().line(), SuppressedFinding::justification)
                .containsExactly(
                        tuple(8, "nightly export reads everything"),
                        tuple(11, "admin tool, runs by hand"));
    }

    @Test
    void aSuppressionOfAnotherRuleSuppressesNothing() throws IOException {
        AnalysisResult r = analyze("""
                    @SuppressWarnings("ddb-lint:DDB-P007")
                    void a() { ddb.scan(s -> s.tableName("t")); }
                """);

        assertThat(lines(r.findings(), "DDB-P001")).containsExactly(8);
        assertThat(r.suppressed()).isEmpty();
        // DDB-P007 is off by default: whether it would fire here is unknown, so the suppression is not called dead.
        assertThat(lines(r.findings(), "DDB-X001")).isEmpty();
    }

    @Test
    void deadSuppressionsAreReportedAsInfoAtTheSuppression() throws IOException {
        AnalysisResult r = analyze("""
                    @SuppressWarnings("ddb-lint:DDB-P001")
                    void noScanHere() { ddb.getItem(g -> g.tableName("t")); }
                    void b() {
                        ddb.getItem(g -> g.tableName("t")); // ddb-lint:ignore DDB-P001 was a scan once
                        ddb.scan(s -> s.tableName("t")); // ddb-lint:ignore DDB-P0001 typo
                    }
                """);

        List<Finding> dead = r.findings().stream().filter(f -> f.ruleId().equals("DDB-X001")).toList();
        assertThat(dead).extracting(f -> f.range().line()).containsExactly(7, 10, 11);
        assertThat(dead).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(dead.get(0).message()).contains("@SuppressWarnings(\"ddb-lint:DDB-P001\")", "suppresses nothing");
        assertThat(dead.get(2).message()).contains("'DDB-P0001' is not a ddb-lint rule");
        assertThat(lines(r.findings(), "DDB-P001")).containsExactly(11);
        assertThat(r.rules()).extracting(d -> d.id()).contains("DDB-X001");
    }

    @Test
    void deadSuppressionsAreStampedByTheEngineLikeRuleFindings() throws IOException {
        Configuration config = ConfigurationLoader.parse("ddb-lint.yml", """
                rules:
                  DDB-X001: {severity: WARNING}
                """, TestRules.registry().descriptors());
        AnalysisResult r = TestRules.analyze(dir, Map.of(FILE, repo("""
                    void b() {
                        ddb.getItem(g -> g.tableName("t")); // ddb-lint:ignore DDB-P001 was a scan once
                        ddb.getItem(g -> g.tableName("t")); // ddb-lint:ignore DDB-P001 was a scan once
                    }
                """)), config, Baseline.EMPTY);

        RuleDescriptor x001 = BuiltInRules.UNUSED_SUPPRESSION;
        // Fingerprint: rule, file, member (none for a comment), the suppression's text and key, an ordinal; no line.
        String key = String.join("\u0000", "DDB-X001", FILE, "",
                "// ddb-lint:ignore DDB-P001 was a scan once", "DDB-P001");
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::ruleName, Finding::severity, Finding::helpUri,
                Finding::fingerprint).containsExactly(
                tuple(x001.id(), x001.name(), Severity.WARNING, config.helpUri(x001), Fingerprints.of(key + "\u00000")),
                tuple(x001.id(), x001.name(), Severity.WARNING, config.helpUri(x001), Fingerprints.of(key + "\u00001")));
    }

    @Test
    void deadSuppressionReportsCanBeTurnedOff() throws IOException {
        Configuration config = ConfigurationLoader.parse("ddb-lint.yml", """
                rules:
                  UnusedSuppression: {enabled: false}
                """, TestRules.registry().descriptors());
        AnalysisResult r = TestRules.analyze(dir, Map.of(FILE, repo("""
                    @SuppressWarnings("ddb-lint")
                    void a() { }
                """)), config, Baseline.EMPTY);

        assertThat(r.findings()).isEmpty();
        assertThat(r.rules()).extracting(d -> d.id()).doesNotContain("DDB-X001");
    }

    @Test
    void theMarkerMustOpenTheLineComment() throws IOException {
        AnalysisResult r = analyze("""
                    // Write "// ddb-lint:ignore DDB-P001 reason" to suppress: prose, not a suppression.
                    void a() {
                        String url = "http://x// ddb-lint:ignore DDB-P001"; ddb.scan(s -> s.tableName("t"));
                        ddb.scan(s -> s.tableName("t")); /* note */ // ddb-lint:ignore DDB-P001 after a block comment
                    }
                """);

        assertThat(lines(r.findings(), "DDB-P001")).containsExactly(9);
        assertThat(suppressedLines(r)).containsExactly(10);
        assertThat(lines(r.findings(), "DDB-X001")).isEmpty();
        assertThat(SuppressionCollector.lineCommentStart("char c = '/'; // x")).isEqualTo(14);
        assertThat(SuppressionCollector.lineCommentStart("s = \"a\\\"//b\";")).isEqualTo(-1);
    }

    @Test
    void oneCommentCanNameSeveralRules() throws IOException {
        AnalysisResult r = analyze("""
                    void a() {
                        ddb.scan(s -> s.tableName("t")); // ddb-lint:ignore DDB-P001,ScanInProductionCode both spellings
                    }
                """);

        assertThat(r.findings()).isEmpty();
        assertThat(r.suppressed()).singleElement().extracting(SuppressedFinding::justification)
                .isEqualTo("both spellings");
    }

    @Test
    void namedValueAndQualifiedAnnotationNameAreRead() throws IOException {
        AnalysisResult r = analyze("""
                    @SuppressWarnings(value = {"ddb-lint:DDB-P001"})
                    void a() { ddb.scan(s -> s.tableName("t")); }
                    @java.lang.SuppressWarnings("ddb-lint:DDB-P001")
                    void b() { ddb.scan(s -> s.tableName("t")); }
                """);

        assertThat(r.findings()).isEmpty();
        assertThat(suppressedLines(r)).containsExactly(8, 10);
    }
}
