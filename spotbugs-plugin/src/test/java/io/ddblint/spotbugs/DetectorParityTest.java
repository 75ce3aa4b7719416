package io.ddblint.spotbugs;

import edu.umd.cs.findbugs.BugCollection;
import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.DetectorFactoryCollection;
import edu.umd.cs.findbugs.IFindBugsEngine;
import edu.umd.cs.findbugs.MethodAnnotation;
import edu.umd.cs.findbugs.config.UserPreferences;
import edu.umd.cs.findbugs.test.SpotBugsExtension;
import edu.umd.cs.findbugs.test.SpotBugsRunner;
import edu.umd.cs.findbugs.test.matcher.BugInstanceMatcher;
import edu.umd.cs.findbugs.test.matcher.BugInstanceMatcherBuilder;
import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.Finding;
import io.ddblint.core.SourceRoot;
import io.ddblint.core.rule.RuleRegistry;
import io.ddblint.core.testing.Fixtures;
import io.ddblint.fixtures.p001.V2ClientScans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The detector against the core analyzer on the compiled test-fixtures classes: with the fixtures' sources on
 * SpotBugs' source path, the bugs are exactly the core's findings (rule, class, method, line), both ways; without
 * them, the bytecode fallback still reports the Scans.
 */
@ExtendWith(SpotBugsExtension.class)
class DetectorParityTest {

    /** A finding or a bug, as both name it: bug type, binary class name, bytecode method name, line. */
    record Site(String type, String className, String method, int line) implements Comparable<Site> {
        @Override
        public int compareTo(Site o) {
            return toString().compareTo(o.toString());
        }
    }

    private static Path sources() {
        return Fixtures.root().resolve("src/main/java");
    }

    private static Path classes() throws URISyntaxException {
        return Path.of(V2ClientScans.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static AnalysisResult core;
    private static List<BugInstance> withSources;
    private static List<BugInstance> withoutSources;

    /** Each SpotBugs run takes its time (every SpotBugs detector runs too), so each mode runs once for all tests. */
    @BeforeAll
    static void analyse(SpotBugsRunner spotbugs) throws URISyntaxException {
        // The SDKs the fixtures compile against, so SpotBugs reports no missing classes and the detector passes
        // them on to the analysis as its classpath, as spotbugs-maven-plugin does with the project's dependencies.
        for (Path jar : Fixtures.testClasspath()) {
            String path = jar.toString().replace('\\', '/');
            if (path.contains("/software/amazon/") || path.contains("/com/amazonaws/")) {
                spotbugs.addAuxClasspathEntry(engine -> { }, jar);
            }
        }
        withSources = ddbBugs(spotbugs.performAnalysis(engine -> {
            onlyDdbLint(engine);
            engine.getProject().addSourceDirs(List.of(sources().toString()));
        }, classes()));
        withoutSources = ddbBugs(spotbugs.performAnalysis(DetectorParityTest::onlyDdbLint, classes()));
        core = core();
    }

    /** SpotBugs' own detectors have nothing to say here and would triple the time. */
    static void onlyDdbLint(IFindBugsEngine engine) {
        UserPreferences preferences = engine.getUserPreferences();
        preferences.enableAllDetectors(false);
        preferences.enableDetector(
                DetectorFactoryCollection.instance().getFactoryByClassName(DdbLintDetector.class.getName()), true);
    }

    static List<BugInstance> ddbBugs(BugCollection bugs) {
        return StreamSupport.stream(bugs.spliterator(), false)
                .filter(b -> b.getBugPattern().getCategory().equals(BugTypes.CATEGORY)).toList();
    }

    private static Set<Site> sites(List<BugInstance> bugs) {
        return bugs.stream().map(b -> {
            MethodAnnotation m = b.getPrimaryMethod();
            return new Site(b.getType(), b.getPrimaryClass().getClassName(), m == null ? null : m.getMethodName(),
                    b.getPrimarySourceLineAnnotation().getStartLine());
        }).collect(Collectors.toCollection(TreeSet::new));
    }

    private static AnalysisResult core() {
        AnalysisRequest request = new AnalysisRequest(ProjectAnalysis.projectRoot(List.of(sources())),
                List.of(SourceRoot.auto(sources())), List.of(), true, List.of(), List.of(), 0);
        return new Analyzer(RuleRegistry.loadDefault()).analyze(request);
    }

    private static Site site(Finding f) {
        if (f.enclosing() == null) {
            String relative = f.path().substring(f.path().indexOf("src/main/java/") + "src/main/java/".length());
            return new Site(BugTypes.of(f.ruleId()), relative.replace(".java", "").replace('/', '.'), null,
                    f.range().line());
        }
        return new Site(BugTypes.of(f.ruleId()), f.enclosing().binaryClassName(), f.enclosing().bytecodeMethodName(),
                f.range().line());
    }

    /**
     * The core's findings in Java files. A finding in a CloudFormation template (a table's resource, a dead
     * {@code # ddb-lint:ignore}) has no class to hang a BugInstance on: SpotBugs visits classes, so it shows none.
     */
    private static List<Finding> javaFindings() {
        return core.findings().stream().filter(f -> f.path().endsWith(".java")).toList();
    }

    @Test
    void withSourcesTheBugsAreExactlyTheCoreFindings() {
        Set<Site> expected = javaFindings().stream().map(DetectorParityTest::site)
                .collect(Collectors.toCollection(TreeSet::new));
        // Guards against an empty comparison proving nothing.
        assertThat(expected).extracting(Site::type).contains("DDB_P001", "DDB_P006", "DDB_X001");

        List<BugInstance> bugs = withSources;
        assertThat(sites(bugs)).containsExactlyElementsOf(expected);
        assertThat(bugs).hasSameSizeAs(javaFindings());
        // The fixtures' SAM template has a finding (DDB-X001): it was there, and the detector left it out unharmed.
        assertThat(core.findings()).anySatisfy(f -> assertThat(f.path()).endsWith("/template.yaml"));
        assertThat(bugs).allSatisfy(b -> assertThat(b.getPriority()).isBetween(1, 3));
    }

    @Test
    void bugsCarryTheFindingsMessageAndSeverity() {
        List<BugInstance> bugs = withSources;
        BugInstanceMatcher scan = new BugInstanceMatcherBuilder().bugType("DDB_P001").inClass("V2ClientScans")
                .build();
        assertThat(bugs, hasItem(scan));
        assertThat(bugs, not(hasItem(new BugInstanceMatcherBuilder().bugType("DDB_P001")
                .inClass("NotDynamoDbScans").build())));
        BugInstance one = bugs.stream().filter(b -> b.getType().equals("DDB_P001")).findFirst().orElseThrow();
        assertThat(one.getPriority()).isEqualTo(2);
        assertThat(one.getMessageWithoutPrefix()).startsWith("DDB-P001 ScanInProductionCode: `").contains("Scan");
    }

    @Test
    void withoutSourcesTheBytecodeFallbackReportsTheScans() {
        List<BugInstance> bugs = withoutSources;
        assertThat(bugs).extracting(BugInstance::getType).containsOnly("DDB_P001");

        // Every Scan the core reports is found in bytecode, at its line (the method may differ: javac moves a
        // lambda's body into a synthetic method).
        Set<String> lines = bugs.stream().map(b -> b.getPrimaryClass().getClassName() + ":"
                + b.getPrimarySourceLineAnnotation().getStartLine()).collect(Collectors.toSet());
        List<String> coreScans = new ArrayList<>();
        core.findings().stream().filter(f -> f.ruleId().equals("DDB-P001"))
                .forEach(f -> coreScans.add(f.enclosing().binaryClassName() + ":" + f.range().line()));
        assertThat(lines).containsAll(coreScans);
        // Nothing on look-alikes: another type's scan method, a fake client in another package.
        assertThat(bugs).noneMatch(b -> b.getPrimaryClass().getClassName().contains("NotDynamoDb")
                || b.getPrimaryClass().getClassName().contains(".fake."));
    }
}
