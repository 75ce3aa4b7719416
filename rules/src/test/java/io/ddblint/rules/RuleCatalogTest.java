package io.ddblint.rules;

import io.ddblint.core.AnalysisResult;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.rule.RuleDescriptor;
import io.ddblint.core.rule.RuleInfo;
import io.ddblint.core.rule.RuleRegistry;
import io.ddblint.core.testing.Expectation;
import io.ddblint.core.testing.Expectations;
import io.ddblint.core.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists every offender at once: each rule is registered, has well-formed metadata, a doc page with the required
 * sections, and a fixture directory with at least one positive and one negative call site.
 */
class RuleCatalogTest {

    private static final Pattern ID = Pattern.compile("DDB-[PCSM]\\d{3}");
    private static final List<String> DOC_SECTIONS = List.of("## Why", "## Noncompliant", "## Compliant",
            "## When to suppress");

    private final RuleRegistry registry = RuleRegistry.loadDefault();

    @Test
    void everyRuleClassIsRegistered() throws IOException {
        Path classes = Path.of("target/classes/io/ddblint/rules");
        Set<String> annotated;
        try (Stream<Path> files = Files.list(classes)) {
            annotated = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> "io.ddblint.rules." + n.substring(0, n.length() - 6))
                    .filter(RuleCatalogTest::isRule)
                    .collect(Collectors.toSet());
        }
        Set<String> registered = registry.rules().stream().map(r -> r.rule().getClass().getName())
                .collect(Collectors.toSet());
        assertThat(registered).isEqualTo(annotated);
    }

    private static boolean isRule(String className) {
        try {
            return Class.forName(className).isAnnotationPresent(RuleInfo.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void metadataAndDocPages() {
        List<String> offenders = new ArrayList<>();
        for (RuleDescriptor d : registry.descriptors()) {
            if (!ID.matcher(d.id()).matches()) {
                offenders.add(d.id() + ": id does not match " + ID);
            }
            Class<?> type = registry.find(d.id()).orElseThrow().rule().getClass();
            if (!type.getSimpleName().equals(d.name())) {
                offenders.add(d.id() + ": name " + d.name() + " differs from class " + type.getSimpleName());
            }
            if (!java.lang.reflect.Modifier.isFinal(type.getModifiers())) {
                offenders.add(d.id() + ": rule class is not final");
            }
            if (d.summary().isBlank() || d.summary().endsWith(".")) {
                offenders.add(d.id() + ": summary must be one sentence without a final period");
            }
            if (!d.documentation().startsWith("# " + d.id() + " " + d.name())) {
                offenders.add(d.id() + ": doc page missing or not titled '# " + d.id() + " " + d.name() + "'");
            }
            for (String section : DOC_SECTIONS) {
                if (!d.documentation().contains("\n" + section)) {
                    offenders.add(d.id() + ": doc page lacks section '" + section + "'");
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyRuleHasAFixtureWithPositivesAndNegatives() {
        List<Expectation> expectations = new ArrayList<>();
        for (Path dir : Fixtures.sourceDirectories()) {
            expectations.addAll(Expectations.read(Fixtures.root(), dir));
        }
        AnalysisResult result = FixtureExpectationsTest.analyze(List.of());
        List<String> offenders = new ArrayList<>();
        for (RuleDescriptor d : registry.descriptors()) {
            String dir = "/fixtures/" + d.id().substring(4).toLowerCase(Locale.ROOT) + "/";
            List<Expectation> positives = expectations.stream()
                    .filter(e -> e.ruleId().equals(d.id()) && e.path().contains(dir)).toList();
            Set<String> positiveLines = positives.stream().map(e -> e.path() + ":" + e.line())
                    .collect(Collectors.toSet());
            List<CallSite> negatives = result.callSites().stream()
                    .filter(s -> s.path().contains(dir) && !positiveLines.contains(s.path() + ":" + s.range().line()))
                    .toList();
            if (positives.isEmpty()) {
                offenders.add(d.id() + ": no positive marker under test-fixtures/**" + dir);
            }
            if (negatives.isEmpty()) {
                offenders.add(d.id() + ": no negative DynamoDB call site under test-fixtures/**" + dir);
            }
        }
        assertThat(offenders).isEmpty();
    }
}
