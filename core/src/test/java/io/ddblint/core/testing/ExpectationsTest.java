package io.ddblint.core.testing;

import io.ddblint.core.AnalysisResult;
import io.ddblint.core.AnalysisStats;
import io.ddblint.core.Finding;
import io.ddblint.core.Severity;
import io.ddblint.core.SourceRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The harness itself: the marker grammar reads what it means and fails loudly, naming file and line, on what it
 * cannot mean; the both-ways comparison fails on a missing, extra or wrongly worded finding. The deliberately bad
 * inputs live in this module's test resources, outside test-fixtures, so the real fixture run stays clean.
 */
class ExpectationsTest {

    private static final Path ROOT = resources();

    private static Path resources() {
        URL url = ExpectationsTest.class.getResource("/expectations");
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Expectations.Parsed parse(String file) throws IOException {
        return Expectations.parse(file, Files.readAllLines(ROOT.resolve(file), StandardCharsets.UTF_8));
    }

    @Test
    void everyFormOfTheGrammarIsRead() {
        List<Expectation> read = Expectations.read(ROOT, ROOT.resolve("expectations/good"));

        String file = "expectations/good/Markers.java";
        assertThat(read).containsExactly(
                new Expectation(file, 7, "DDB-P001", null),
                new Expectation(file, 9, "DDB-P001", "reads the whole table"),
                new Expectation(file, 11, "DDB-P001", null),
                new Expectation(file, 11, "DDB-P006", "Limit (25)"),
                new Expectation(file, 16, "DDB-C004", "status"),
                new Expectation(file, 18, "DDB-S001", null),
                new Expectation(file, 21, "DDB-X001", "a 'quoted' word"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            TooManyDigits               | 4 | malformed rule id 'DDB-P0001': DDB-, a category letter and three digits
            UnknownCategory             | 4 | unknown rule id 'DDB-Q001': no category Q (P, C, S, M or X)
            LowerCaseId                 | 4 | rule id 'ddb-p001' must be upper case
            GarbageAfterMarker          | 4 | 'and' is neither a rule id nor a quoted text
            EmptyMarker                 | 4 | an expect marker that names no rule
            UnterminatedText            | 4 | unterminated quoted text
            TextWithoutId               | 4 | a quoted text must follow a rule id
            MarkerInString              | 4 | an expect marker inside a string literal is not a marker
            MarkerInTextBlock           | 5 | an expect marker inside a text block is not a marker
            MarkerInBlockComment        | 5 | an expect marker inside a block comment is not a marker
            MarkerInTheMiddleOfAComment | 4 | an expect marker in the middle of a comment is not a marker
            MisspelledMarker            | 4 | malformed expect marker, write `// expect: DDB-P001`
            NoCodeLineAfterMarker       | 6 | an expect marker on a line of its own has no code line after it
            """)
    void whatCannotBeAMarkerFailsNamingFileAndLine(String name, int line, String message) throws IOException {
        String file = "expectations/bad/" + name + ".java";

        Expectations.Parsed parsed = parse(file);

        assertThat(parsed.errors()).hasSize(1);
        assertThat(parsed.errors().get(0)).startsWith(file + ":" + line + ": " + message + ": ");
        assertThat(parsed.expectations()).isEmpty();
    }

    @Test
    void readingFailsListingEveryBadMarkerAtOnce() throws IOException {
        long badFiles;
        try (var files = Files.list(ROOT.resolve("expectations/bad"))) {
            badFiles = files.count();
        }

        assertThatThrownBy(() -> Expectations.read(ROOT, ROOT.resolve("expectations/bad")))
                .isInstanceOf(IllegalStateException.class)
                .satisfies(e -> assertThat(e.getMessage().lines().filter(l -> l.startsWith("expectations/bad/")))
                        .hasSize((int) badFiles));
    }

    @Test
    void yamlTemplatesAndJsonSidecarsHoldMarkersToo() {
        List<Expectation> read = Expectations.read(ROOT, ROOT.resolve("expectations/templates-good"));

        String yaml = "expectations/templates-good/template.yaml";
        String json = "expectations/templates-good/stack.json";
        assertThat(read).containsExactly(
                new Expectation(json, 3, "DDB-M005", "users"),
                new Expectation(yaml, 3, "DDB-M005", null),
                new Expectation(yaml, 7, "DDB-M001", "hot partition"),
                new Expectation(yaml, 7, "DDB-M005", null),
                new Expectation(yaml, 13, "DDB-M002", null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            LowerCase.yaml         | 2 | rule id 'ddb-m005' must be upper case
            InString.yaml          | 3 | an expect marker inside a value is not a marker
            MiddleOfComment.yaml   | 2 | an expect marker in the middle of a comment is not a marker
            Misspelled.yaml        | 2 | malformed expect marker, write `# expect: DDB-M005`
            NothingAfter.yaml      | 3 | an expect marker on a line of its own has no content line after it
            Unterminated.yaml      | 2 | unterminated quoted text
            stack.json.expect      | 1 | write `LINE: DDB-M005 ["text"]`
            """)
    void whatCannotBeATemplateMarkerFailsNamingFileAndLine(String name, int line, String message)
            throws IOException {
        String file = "expectations/templates-bad/" + name;
        List<String> lines = Files.readAllLines(ROOT.resolve(file), StandardCharsets.UTF_8);

        Expectations.Parsed parsed = name.endsWith(Expectations.SIDECAR)
                ? Expectations.parseSidecar(file.substring(0, file.length() - Expectations.SIDECAR.length()), lines)
                : Expectations.parseYaml(file, lines);

        assertThat(parsed.errors()).singleElement().asString().startsWith(file + ":" + line + ": " + message);
        assertThat(parsed.expectations()).isEmpty();
        assertThatThrownBy(() -> Expectations.read(ROOT, ROOT.resolve("expectations/templates-bad")))
                .hasMessageContaining(file + ":" + line + ": ");
    }

    @Test
    void aMarkerForARuleThatIsNotRegisteredIsAMismatch() {
        List<Expectation> read = Expectations.read(ROOT, ROOT.resolve("expectations/unregistered"));

        assertThat(Expectations.mismatches(result(), read, Set.of("DDB-P001"))).containsExactly(
                "not registered: expectations/unregistered/NoSuchRule.java:4: DDB-P099 names a rule that is not "
                        + "registered");
    }

    private static final String PATH = "src/main/java/a/Repo.java";

    private static Finding finding(String ruleId, int line, String message) {
        return new Finding(ruleId, "Name", Severity.WARNING, message, PATH, SourceRange.at(line, 9), "a.Repo#m()",
                null, "https://example.com/" + ruleId, ruleId + line);
    }

    private static AnalysisResult result(Finding... findings) {
        return new AnalysisResult(ROOT, List.of(findings), List.of(), List.of(), List.of(),
                new AnalysisStats(1, 1, findings.length, 0, 0));
    }

    @Test
    void findingsAndMarkersThatAgreeHaveNoMismatch() {
        List<Expectation> expected = List.of(new Expectation(PATH, 7, "DDB-P001", "scans"),
                new Expectation(PATH, 9, "DDB-P001", null));

        assertThat(Expectations.mismatches(result(finding("DDB-P001", 7, "`ddb.scan()` scans"),
                finding("DDB-P001", 9, "`ddb.scan()` scans")), expected, Set.of("DDB-P001"))).isEmpty();
    }

    @Test
    void aMissingFindingIsAMismatch() {
        List<Expectation> expected = List.of(new Expectation(PATH, 7, "DDB-P001", null),
                new Expectation(PATH, 9, "DDB-P001", null));

        assertThat(Expectations.mismatches(result(finding("DDB-P001", 7, "scans")), expected, Set.of("DDB-P001")))
                .containsExactly("missing:    " + PATH + ":9: DDB-P001");
    }

    @Test
    void anExtraFindingIsAMismatch() {
        List<Expectation> expected = List.of(new Expectation(PATH, 7, "DDB-P001", null));

        assertThat(Expectations.mismatches(result(finding("DDB-P001", 7, "scans"), finding("DDB-P001", 8, "scans"),
                finding("DDB-P006", 7, "limit")), expected, Set.of("DDB-P001", "DDB-P006"))).containsExactly(
                "unexpected: " + PATH + ":7: DDB-P006 limit",
                "unexpected: " + PATH + ":8: DDB-P001 scans");
    }

    @Test
    void aFindingWithoutTheExpectedTextIsAMismatch() {
        List<Expectation> expected = List.of(new Expectation(PATH, 7, "DDB-P001", "table 'orders'"));

        assertThat(Expectations.mismatches(result(finding("DDB-P001", 7, "scans the whole table")), expected,
                Set.of("DDB-P001"))).containsExactly("wrong text: " + PATH + ":7: DDB-P001 \"table 'orders'\" but "
                + "message was: scans the whole table");
    }
}
