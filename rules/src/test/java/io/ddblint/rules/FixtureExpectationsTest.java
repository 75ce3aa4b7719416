package io.ddblint.rules;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.SourceRoot;
import io.ddblint.core.rule.RuleRegistry;
import io.ddblint.core.testing.AllRules;
import io.ddblint.core.testing.Expectation;
import io.ddblint.core.testing.Expectations;
import io.ddblint.core.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule against every fixture, checked both ways: each {@code // expect:} marker has its finding and no finding
 * stands on an unmarked line. Runs without a classpath (SDK knowledge in core) and with the real SDK jars, with every
 * rule enabled (rules disabled by default have fixtures too); the default configuration is checked separately.
 */
class FixtureExpectationsTest {

    private static RuleRegistry registry;
    private static List<Expectation> expectations;
    private static Set<String> ruleIds;

    @BeforeAll
    static void readMarkers() {
        registry = RuleRegistry.loadDefault();
        // Built-in findings (DDB-X001, a dead suppression) are checked against markers like every rule's.
        ruleIds = Expectations.ruleIds(registry);
        expectations = new ArrayList<>();
        for (Path dir : Fixtures.markerDirectories()) {
            expectations.addAll(Expectations.read(Fixtures.root(), dir));
        }
    }

    static AnalysisResult analyze(List<Path> classpath) {
        List<SourceRoot> roots = Fixtures.sourceDirectories().stream().map(SourceRoot::auto).toList();
        AnalysisRequest request = new AnalysisRequest(Fixtures.root(), roots, classpath, true, List.of(), List.of(),
                0).withConfiguration(AllRules.enabled(RuleRegistry.loadDefault()));
        return new Analyzer(RuleRegistry.loadDefault()).analyze(request);
    }

    @Test
    void rulesDisabledByDefaultStaySilentWithTheDefaultConfiguration() {
        List<SourceRoot> roots = Fixtures.sourceDirectories().stream().map(SourceRoot::auto).toList();
        AnalysisResult result = new Analyzer(registry).analyze(new AnalysisRequest(Fixtures.root(), roots, List.of(),
                true, List.of(), List.of(), 0));
        List<String> offByDefault = registry.descriptors().stream().filter(d -> !d.enabledByDefault())
                .map(d -> d.id()).toList();
        assertThat(offByDefault).contains("DDB-P007");
        assertThat(result.findings()).extracting(f -> f.ruleId()).isNotEmpty().doesNotContainAnyElementsOf(offByDefault);
        assertThat(expectations).extracting(Expectation::ruleId).contains("DDB-P007");
    }

    @Test
    void markersAndFindingsAgreeWithoutClasspath() {
        AnalysisResult result = analyze(List.of());
        assertThat(Expectations.mismatches(result, expectations, ruleIds)).isEmpty();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void markersAndFindingsAgreeWithTheRealSdkOnTheClasspath() {
        AnalysisResult result = analyze(Fixtures.testClasspath());
        assertThat(Expectations.mismatches(result, expectations, ruleIds)).isEmpty();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void theMarkersThemselvesAreThere() {
        // Guards against a fixture tree that silently went missing: then "no mismatches" would prove nothing.
        assertThat(expectations).extracting(Expectation::ruleId).contains("DDB-P001", "DDB-P006", "DDB-X001", "DDB-P003",
                "DDB-P004", "DDB-P007", "DDB-C002");
    }

    @Test
    void suppressedFindingsAreKeptAsSuppressed() {
        AnalysisResult result = analyze(List.of());
        List<String> suppressed = result.suppressed().stream()
                .filter(s -> s.finding().path().contains("/fixtures/suppression/"))
                .map(s -> s.finding().path().substring(s.finding().path().lastIndexOf('/') + 1) + ":"
                        + s.finding().range().line() + (s.justification() == null ? "" : " " + s.justification()))
                .toList();
        assertThat(suppressed).containsExactly(
                "SuppressedClass.java:17",
                "SuppressedClass.java:21",
                "SuppressedScans.java:20",
                "SuppressedScans.java:30",
                "SuppressedScans.java:35",
                "SuppressedScans.java:40",
                "SuppressedScans.java:45",
                "SuppressedScans.java:53 nightly export, off-peak",
                "SuppressedScans.java:58 admin screen, a few hundred items",
                "SuppressedScans.java:62 this one only");
    }
}
