package io.ddblint.core.baseline;

import io.ddblint.core.AnalysisException;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Finding;
import io.ddblint.core.SuppressedFinding;
import io.ddblint.core.config.Configuration;
import io.ddblint.core.testing.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.ddblint.core.testing.TestRules.repo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A baseline accepts the findings it records and nothing else, and keeps accepting them through the edits a code
 * base goes through: code moving down, reformatting, unrelated changes in the same file.
 */
class BaselineTest {

    private static final String FILE = "src/main/java/a/Repo.java";
    private static final String ORIGINAL = repo("""
                void all() {
                    ddb.scan(s -> s.tableName("orders"));
                }
            """);

    @TempDir
    Path dir;

    /** The baseline of the original code, as {@code --write-baseline} records it. */
    private Baseline recorded() throws IOException {
        AnalysisResult first = TestRules.analyze(dir, Map.of(FILE, ORIGINAL));
        assertThat(first.findings()).hasSize(1);
        return Baseline.of(first.findings());
    }

    private AnalysisResult afterEdit(Baseline baseline, String edited) throws IOException {
        return TestRules.analyze(dir, Map.of(FILE, edited), Configuration.DEFAULTS, baseline);
    }

    @Test
    void acceptsTheRecordedFindingAsExternallySuppressed() throws IOException {
        AnalysisResult r = afterEdit(recorded(), ORIGINAL);

        assertThat(r.findings()).isEmpty();
        assertThat(r.suppressed()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(SuppressedFinding.Kind.EXTERNAL);
            assertThat(s.finding().ruleId()).isEqualTo("DDB-P001");
        });
    }

    @Test
    void survivesLinesInsertedAbove() throws IOException {
        Baseline baseline = recorded();
        String shifted = ORIGINAL.replace("class Repo {", "// a new comment\n\n/** Javadoc. */\nclass Repo {");

        AnalysisResult r = afterEdit(baseline, shifted);

        assertThat(r.findings()).isEmpty();
        assertThat(r.suppressed()).singleElement()
                .satisfies(s -> assertThat(s.finding().range().line()).isEqualTo(11));
    }

    @Test
    void survivesReformattingOfTheCall() throws IOException {
        Baseline baseline = recorded();
        String reformatted = ORIGINAL.replace("ddb.scan(s -> s.tableName(\"orders\"));",
                "ddb.scan(\n                s ->\n   s.tableName( \"orders\" )\n        );");

        AnalysisResult r = afterEdit(baseline, reformatted);

        assertThat(r.findings()).isEmpty();
        assertThat(r.suppressed()).hasSize(1);
    }

    @Test
    void survivesUnrelatedEditsInTheSameFile() throws IOException {
        Baseline baseline = recorded();
        String edited = ORIGINAL
                .replace("Repo(DynamoDbClient ddb) { this.ddb = ddb; }",
                        "Repo(DynamoDbClient ddb) {\n        this.ddb = java.util.Objects.requireNonNull(ddb);\n    }")
                .replace("void all() {", "int size() { return 42; }\n    void all() {");

        AnalysisResult r = afterEdit(baseline, edited);

        assertThat(r.findings()).isEmpty();
        assertThat(r.suppressed()).hasSize(1);
    }

    @Test
    void aSecondIdenticalFindingInTheSameMethodIsNew() throws IOException {
        Baseline baseline = recorded();
        String twice = ORIGINAL.replace("ddb.scan(s -> s.tableName(\"orders\"));",
                "ddb.scan(s -> s.tableName(\"orders\"));\n        ddb.scan(s -> s.tableName(\"orders\"));");

        AnalysisResult r = afterEdit(baseline, twice);

        assertThat(r.findings()).singleElement().extracting(Finding::ruleId).isEqualTo("DDB-P001");
        assertThat(r.suppressed()).hasSize(1);
    }

    @Test
    void theSameCallInAnotherMethodIsNew() throws IOException {
        Baseline baseline = recorded();
        String moved = ORIGINAL.replace("void all()", "void everything()");

        assertThat(afterEdit(baseline, moved).findings()).hasSize(1);
    }

    @Test
    void writesSortedDeterministicJsonThatReadsBack() throws IOException {
        Baseline baseline = recorded();
        Path file = dir.resolve("baseline.json");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        baseline.write(bytes);
        Files.write(file, bytes.toByteArray());
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        Baseline.read(file).write(again);

        String json = bytes.toString(StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\n  \"version\": 1,\n  \"tool\": \"ddb-lint\",\n  \"findings\": [")
                .contains("\"fingerprint\"", "\"ruleId\": \"DDB-P001\"", "\"path\": \"" + FILE + "\"",
                        "\"member\": \"a.Repo#all()\"", "\"message\"");
        assertThat(again.toByteArray()).isEqualTo(bytes.toByteArray());
        assertThat(Baseline.read(file)).isEqualTo(baseline);
    }

    @Test
    void aMissingOrMalformedFileIsAnInputError() throws IOException {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> Baseline.read(missing)).isInstanceOf(AnalysisException.class)
                .hasMessage(missing + ": baseline file does not exist (create it with --write-baseline)");

        Path broken = Files.writeString(dir.resolve("broken.json"), "{ \"version\": 1, ");
        assertThatThrownBy(() -> Baseline.read(broken)).isInstanceOf(AnalysisException.class)
                .hasMessageStartingWith(broken + ": not a ddb-lint baseline");

        Path other = Files.writeString(dir.resolve("other.json"), "{\"version\": 1, \"tool\": \"x\", \"findings\": []}");
        assertThatThrownBy(() -> Baseline.read(other)).hasMessageContaining("expected \"tool\": \"ddb-lint\"");

        Path future = Files.writeString(dir.resolve("future.json"),
                "{\"version\": 2, \"tool\": \"ddb-lint\", \"findings\": []}");
        assertThatThrownBy(() -> Baseline.read(future)).hasMessageContaining("unsupported baseline version 2");
    }

    @Test
    void theNextBaselineHoldsNewFindingsAndThoseTheOldOneAcceptedButNotThoseSuppressedInSource() {
        Finding added = finding("DDB-P001", "A.java", 3, "scan");
        Finding kept = finding("DDB-P006", "A.java", 9, "limit");
        Finding ignored = finding("DDB-P001", "B.java", 4, "scan");
        AnalysisResult result = new AnalysisResult(dir, java.util.List.of(added), java.util.List.of(
                new SuppressedFinding(kept, SuppressedFinding.Kind.EXTERNAL, "accepted in the baseline"),
                new SuppressedFinding(ignored, SuppressedFinding.Kind.IN_SOURCE, "nightly")),
                java.util.List.of(), java.util.List.of(), java.util.List.of(), null);

        assertThat(Baseline.acceptedAfter(result)).containsExactly(added, kept);
    }

    private static Finding finding(String ruleId, String path, int line, String code) {
        return new Finding(ruleId, ruleId, io.ddblint.core.Severity.WARNING, code + " message", path,
                io.ddblint.core.SourceRange.at(line, 5), "a.A#m()", null, "", ruleId + path + code);
    }
}
