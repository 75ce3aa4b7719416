package io.ddblint.rules;

import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Severity;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.rule.BuiltInRules;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleDescriptor;
import io.ddblint.core.rule.RuleInfo;
import io.ddblint.core.rule.RuleRegistry;
import io.ddblint.core.testing.Expectation;
import io.ddblint.core.testing.Expectations;
import io.ddblint.core.testing.Fixtures;
import io.ddblint.rules.model.UnregisteredRule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists every offender at once: each rule is registered, has well-formed metadata, a doc page with the required
 * sections and a metadata line that agrees with {@code @RuleInfo}, and a fixture directory with at least one positive
 * and one negative call site. Built-in findings (DDB-X001) have doc pages held to the same standard.
 */
class RuleCatalogTest {

    private static final Pattern ID = Pattern.compile("DDB-[PCSM]\\d{3}");
    private static final Pattern BUILT_IN_ID = Pattern.compile("DDB-X\\d{3}");
    private static final List<String> DOC_SECTIONS = List.of("## Why", "## Noncompliant", "## Compliant",
            "## When to suppress");
    /** The line under a doc page's title: {@code **Severity:** INFO · **Category:** performance · **Tags:** a, b}. */
    private static final Pattern METADATA_LINE = Pattern.compile(
            "\\*\\*Severity:\\*\\* (.+?) · \\*\\*Category:\\*\\* (.+?)(?: · \\*\\*Tags:\\*\\* (.+))?");
    private static final String SERVICES = "META-INF/services/" + Rule.class.getName();
    /** The rules' one doc directory (in rules/src/main/resources), where every help link points. */
    private static final String PUBLISHED_DOCS = "io/ddblint/rules/doc/";

    private final RuleRegistry registry = RuleRegistry.loadDefault();

    @Test
    void everyRuleClassIsRegistered() throws IOException {
        Set<String> annotated = ruleClassesIn(codeSource(ScanInProductionCode.class));
        Set<String> registered = registry.rules().stream().map(r -> r.rule().getClass().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(annotated).as("rule classes found in the rules module").isNotEmpty();
        assertThat(registrationOffenders(annotated, registered)).isEmpty();
    }

    @Test
    void theScanFindsAnUnregisteredRuleInASubpackage() throws IOException {
        // A deliberately unregistered rule class lives in io.ddblint.rules.model among the test classes.
        Set<String> annotated = ruleClassesIn(codeSource(RuleCatalogTest.class));
        assertThat(annotated).contains(UnregisteredRule.class.getName());
        assertThat(registrationOffenders(annotated, Set.of())).contains(UnregisteredRule.class.getName()
                + " has @RuleInfo but is not listed in " + SERVICES);
    }

    /** Where a class was loaded from: a classes directory or a jar. */
    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every class with {@code @RuleInfo} under {@code root}, a classes directory or a jar, in any package. */
    static Set<String> ruleClassesIn(Path root) throws IOException {
        if (Files.isRegularFile(root)) {
            try (FileSystem jar = FileSystems.newFileSystem(root)) {
                return ruleClassesIn(jar.getPath("/"));
            }
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p).toString().replace(root.getFileSystem().getSeparator(), "/"))
                    .filter(n -> n.endsWith(".class") && !n.endsWith("-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .filter(RuleCatalogTest::isRule)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static boolean isRule(String className) {
        try {
            return Class.forName(className, false, RuleCatalogTest.class.getClassLoader())
                    .isAnnotationPresent(RuleInfo.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> registrationOffenders(Set<String> annotated, Set<String> registered) {
        List<String> offenders = new ArrayList<>();
        for (String name : annotated) {
            if (!registered.contains(name)) {
                offenders.add(name + " has @RuleInfo but is not listed in " + SERVICES);
            }
            if (!isSubtypeOfRule(name)) {
                offenders.add(name + " has @RuleInfo but does not implement " + Rule.class.getName());
            }
        }
        for (String name : registered) {
            if (!annotated.contains(name)) {
                offenders.add(name + " is registered but is not a rule class of the rules module");
            }
        }
        return offenders;
    }

    private static boolean isSubtypeOfRule(String className) {
        try {
            return Rule.class.isAssignableFrom(Class.forName(className, false,
                    RuleCatalogTest.class.getClassLoader()));
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
            offenders.addAll(docOffenders(d));
        }
        for (RuleDescriptor d : BuiltInRules.all()) {
            if (!BUILT_IN_ID.matcher(d.id()).matches()) {
                offenders.add(d.id() + ": built-in id does not match " + BUILT_IN_ID);
            }
            offenders.addAll(docOffenders(d));
        }
        assertThat(offenders).isEmpty();
    }

    private static List<String> docOffenders(RuleDescriptor d) {
        List<String> offenders = new ArrayList<>();
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
        offenders.addAll(metadataLineOffenders(d));
        if (!d.documentation().equals(publishedDoc(d.id()))) {
            offenders.add(d.id() + ": the doc page read for it is not " + PUBLISHED_DOCS + d.id()
                    + ".md, the published page its help link points to");
        }
        return offenders;
    }

    private static String publishedDoc(String id) {
        try (InputStream in = RuleCatalogTest.class.getResourceAsStream("/" + PUBLISHED_DOCS + id + ".md")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The doc page's metadata line against the rule's metadata, one offender per field that disagrees. */
    static List<String> metadataLineOffenders(RuleDescriptor d) {
        String expected = "**Severity:** " + d.defaultSeverity() + " · **Category:** " + d.category().tag()
                + (d.tags().isEmpty() ? "" : " · **Tags:** " + String.join(", ", d.tags()));
        String line = d.documentation().lines().filter(l -> l.startsWith("**Severity:**")).findFirst().orElse(null);
        if (line == null) {
            return List.of(d.id() + ": doc page has no metadata line; from @RuleInfo it reads: " + expected);
        }
        Matcher m = METADATA_LINE.matcher(line.strip());
        if (!m.matches()) {
            return List.of(d.id() + ": doc page's metadata line '" + line + "' is malformed; from @RuleInfo it "
                    + "reads: " + expected);
        }
        List<String> offenders = new ArrayList<>();
        List<String> docTags = m.group(3) == null ? List.of() : List.of(m.group(3).split(",\\s*"));
        compare(offenders, d.id(), "severity", m.group(1), d.defaultSeverity().name());
        compare(offenders, d.id(), "category", m.group(2), d.category().tag());
        compare(offenders, d.id(), "tags", String.join(", ", docTags), String.join(", ", d.tags()));
        return offenders;
    }

    private static void compare(List<String> offenders, String id, String field, String doc, String annotation) {
        if (!doc.equals(annotation)) {
            offenders.add(id + ": doc page says " + field + " '" + doc + "', @RuleInfo says '" + annotation + "'");
        }
    }

    @Test
    void aMetadataLineThatDisagreesIsListedFieldByField() {
        RuleDescriptor d = new RuleDescriptor("DDB-P001", "ScanInProductionCode", "A Scan", Severity.WARNING,
                Category.PERFORMANCE, List.of("cost", "scan"), true, """
                # DDB-P001 ScanInProductionCode

                **Severity:** ERROR · **Category:** correctness · **Tags:** cost
                """);
        assertThat(metadataLineOffenders(d)).containsExactly(
                "DDB-P001: doc page says severity 'ERROR', @RuleInfo says 'WARNING'",
                "DDB-P001: doc page says category 'correctness', @RuleInfo says 'performance'",
                "DDB-P001: doc page says tags 'cost', @RuleInfo says 'cost, scan'");
        RuleDescriptor untagged = new RuleDescriptor("DDB-P001", "ScanInProductionCode", "A Scan", Severity.WARNING,
                Category.PERFORMANCE, List.of(), true, "# DDB-P001 ScanInProductionCode\n\nNo metadata.\n");
        assertThat(metadataLineOffenders(untagged)).containsExactly("DDB-P001: doc page has no metadata line; "
                + "from @RuleInfo it reads: **Severity:** WARNING · **Category:** performance");
    }

    @Test
    void everyRuleHasAFixtureWithPositivesAndNegatives() {
        List<Expectation> expectations = new ArrayList<>();
        for (Path dir : Fixtures.markerDirectories()) {
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
