package io.ddblint.checkstyle;

import com.puppycrawl.tools.checkstyle.Checker;
import com.puppycrawl.tools.checkstyle.DefaultConfiguration;
import com.puppycrawl.tools.checkstyle.api.AuditEvent;
import com.puppycrawl.tools.checkstyle.api.AuditListener;
import com.puppycrawl.tools.checkstyle.api.CheckstyleException;
import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.Finding;
import io.ddblint.core.SourceRoot;
import io.ddblint.core.rule.RuleRegistry;
import io.ddblint.core.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check in a real Checker over every fixture file, against the core analyzer on the same sources: the same
 * findings (rule, file, line, column), both ways.
 */
class DdbLintCheckTest {

    /** Collects what Checkstyle reports. */
    private static final class Events implements AuditListener {
        final List<AuditEvent> errors = new ArrayList<>();
        final List<Throwable> exceptions = new ArrayList<>();

        @Override public void auditStarted(AuditEvent event) { }
        @Override public void auditFinished(AuditEvent event) { }
        @Override public void fileStarted(AuditEvent event) { }
        @Override public void fileFinished(AuditEvent event) { }
        @Override public void addError(AuditEvent event) { errors.add(event); }
        @Override public void addException(AuditEvent event, Throwable throwable) { exceptions.add(throwable); }
    }

    private static List<File> fixtureFiles() throws IOException {
        List<File> files = new ArrayList<>();
        for (Path dir : Fixtures.sourceDirectories()) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> files.add(p.toFile()));
            }
        }
        return files;
    }

    private static Events check(String moduleName, Map<String, String> properties) throws Exception {
        return check(moduleName, properties, fixtureFiles());
    }

    private static Events check(String moduleName, Map<String, String> properties, List<File> files)
            throws Exception {
        DefaultConfiguration module = new DefaultConfiguration(moduleName);
        properties.forEach(module::addProperty);
        DefaultConfiguration root = new DefaultConfiguration("Checker");
        root.addProperty("charset", "UTF-8");
        root.addChild(module);
        Checker checker = new Checker();
        checker.setModuleClassLoader(DdbLintCheck.class.getClassLoader());
        checker.configure(root);
        Events events = new Events();
        checker.addListener(events);
        try {
            checker.process(files);
        } finally {
            checker.destroy();
        }
        assertThat(events.exceptions).isEmpty();
        return events;
    }

    private static AnalysisResult core() {
        AnalysisRequest request = new AnalysisRequest(Fixtures.root(),
                Fixtures.sourceDirectories().stream().map(SourceRoot::auto).toList(), List.of(), true, List.of(),
                List.of(), 0);
        return new Analyzer(RuleRegistry.loadDefault()).analyze(request);
    }

    private static String key(String rule, String absolutePath, int line, int column) {
        return rule + " " + Fixtures.root().relativize(Path.of(absolutePath)).toString().replace('\\', '/') + ":"
                + line + ":" + column;
    }

    @Test
    void aFileWhosePackageItsDirectoriesDoNotSpellStaysItsOwnProject(@TempDir Path dir) throws IOException {
        Path file = Files.createDirectories(dir.resolve("scratch")).resolve("Typing.java");
        String text = "package a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z;\nclass Typing {}\n";
        DdbLintCheck.Project project = DdbLintCheck.Project.of(file, text);
        // The package would climb far above the temporary directory: the project stays where the file is.
        assertThat(project.root()).isEqualTo(file.getParent());
        assertThat(project.sourceDirs()).containsExactly(file.getParent());
    }

    @Test
    void aMavenLayoutMakesTheModuleTheProject(@TempDir Path dir) throws IOException {
        Path main = Files.createDirectories(dir.resolve("mod/src/main/java/a/b"));
        Files.createDirectories(dir.resolve("mod/src/test/java"));
        DdbLintCheck.Project project = DdbLintCheck.Project.of(main.resolve("C.java"), "package a.b;\nclass C {}\n");
        assertThat(project.root()).isEqualTo(dir.resolve("mod"));
        assertThat(project.sourceDirs()).containsExactly(dir.resolve("mod/src/main/java"),
                dir.resolve("mod/src/test/java"));
    }

    /**
     * By default the check processes .java files only, so findings in templates are not shown. Told to process YAML
     * too, it analyses the template's directory and reports the template's findings on the template, at their line.
     */
    @Test
    void aTemplateGivenToTheCheckIsAnalysedNotACrash() throws Exception {
        File template = Fixtures.root().resolve("src/main/resources/templates/sam-app/template.yaml").toFile();
        Events ignored = check("DdbLint", Map.of(), List.of(template));
        assertThat(ignored.errors).isEmpty();

        Events events = check("DdbLint", Map.of("fileExtensions", "java,yaml"), List.of(template));
        assertThat(events.errors).extracting(AuditEvent::getLine).containsExactly(91);
        assertThat(events.errors.get(0).getMessage()).startsWith("DDB-X001 ").contains("suppresses nothing");
    }

    @Test
    void reportsExactlyTheCoreFindingsOnJavaFiles() throws Exception {
        List<Finding> expected = core().findings().stream().filter(f -> f.path().endsWith(".java")).toList();
        assertThat(expected).extracting(Finding::ruleId).contains("DDB-P001", "DDB-P006", "DDB-X001");

        Events events = check("DdbLint", Map.of());
        TreeSet<String> reported = events.errors.stream()
                .map(e -> key(e.getMessage().substring(0, e.getMessage().indexOf(' ')), e.getFileName(),
                        e.getLine(), e.getColumn()))
                .collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> found = expected.stream()
                .map(f -> key(f.ruleId(), Fixtures.root().resolve(f.path()).toString(), f.range().line(),
                        f.range().column()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(reported).containsExactlyElementsOf(found);
        assertThat(events.errors).hasSameSizeAs(expected);
    }

    @Test
    void messagesCarryTheRuleIdAndName() throws Exception {
        Events events = check(DdbLintCheck.class.getName(), Map.of("minimumSeverity", "warning"));
        assertThat(events.errors).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getMessage()).matches("DDB-[A-Z]\\d{3} \\w+: .+");
            assertThat(e.getSourceName()).isEqualTo(DdbLintCheck.class.getName());
        });
        // DDB-X001 (a dead suppression) is INFO: below the minimum.
        assertThat(events.errors).extracting(AuditEvent::getMessage).noneMatch(m -> m.startsWith("DDB-X001"));
        assertThat(events.errors).extracting(AuditEvent::getMessage)
                .anyMatch(m -> m.startsWith("DDB-P001 ScanInProductionCode: `"));
    }

    @Test
    void aMissingConfigurationFileIsACheckstyleError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> check("DdbLint", Map.of("configFile", "no/such/ddb-lint.yml")))
                .isInstanceOf(CheckstyleException.class).hasStackTraceContaining("configFile does not exist");
    }
}
