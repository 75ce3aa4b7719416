package io.ddblint.checkstyle;

import com.puppycrawl.tools.checkstyle.api.AbstractFileSetCheck;
import com.puppycrawl.tools.checkstyle.api.CheckstyleException;
import com.puppycrawl.tools.checkstyle.api.FileText;
import io.ddblint.core.AnalysisException;
import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.Finding;
import io.ddblint.core.Severity;
import io.ddblint.core.SourceRoot;
import io.ddblint.core.source.PackageRoot;
import io.ddblint.core.source.Prefilter;
import io.ddblint.core.config.Configuration;
import io.ddblint.core.config.ConfigurationLoader;
import io.ddblint.core.rule.RuleRegistry;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * ddb-lint as a Checkstyle {@code FileSetCheck}: reports the core analyzer's findings on each Java file Checkstyle
 * checks. A file is analysed with the rest of its project as context (constants, tables and entities declared in
 * other files), so the project is analysed once, when its first file comes, and the result serves every later file of
 * the same Checker run; {@link #finishProcessing()} drops it.
 *
 * <pre>{@code
 * <module name="DdbLint">
 *   <property name="classpath" value="${project.classpath}"/>   <!-- optional: the SDK jars, for type resolution -->
 *   <property name="configFile" value="ddb-lint.yml"/>           <!-- optional: else ddb-lint.yml of the project -->
 *   <property name="minimumSeverity" value="warning"/>           <!-- optional: error, warning or info (default) -->
 * </module>
 * }</pre>
 */
// LIMITATION: the analysis reads the files from disk, so in an IDE an unsaved editor buffer is checked as last saved.
// LIMITATION: Checkstyle gives one severity per module, so every finding gets the module's severity; use
// minimumSeverity (or two modules with different minimums and ids) to tell ddb-lint's severities apart.
public final class DdbLintCheck extends AbstractFileSetCheck {

    /** The key of the one message in messages.properties: rule id, rule name, the finding's message. */
    static final String MESSAGE_KEY = "ddblint.finding";


    private List<Path> classpath = List.of();
    private Path configFile;
    private Severity minimumSeverity = Severity.INFO;

    /** Analyses of this Checker run, by project directory. */
    private final Map<Path, AnalysisResult> analyses = new HashMap<>();

    public DdbLintCheck() {
        setFileExtensions("java");
    }

    /** Jars and class directories the code compiles against, separated by the platform's path separator or ','. */
    public void setClasspath(String entries) {
        List<Path> paths = new ArrayList<>();
        for (String entry : entries.split("[" + Pattern.quote(File.pathSeparator) + ",]")) {
            if (!entry.isBlank()) {
                paths.add(Path.of(entry.strip()));
            }
        }
        classpath = List.copyOf(paths);
    }

    /** The ddb-lint configuration file; without it, {@code ddb-lint.yml} in the project's directory when present. */
    public void setConfigFile(String file) {
        configFile = file == null || file.isBlank() ? null : Path.of(file.strip());
    }

    /** The least severe finding reported: {@code error}, {@code warning} or {@code info} (the default). */
    public void setMinimumSeverity(String severity) {
        minimumSeverity = Severity.parse(severity).orElseThrow(() -> new IllegalArgumentException(
                "minimumSeverity must be one of " + Severity.validNames() + ", not " + severity));
    }

    @Override
    protected void processFiltered(File file, FileText text) throws CheckstyleException {
        Path path = file.toPath().toAbsolutePath().normalize();
        Project project = Project.of(path, text.getFullText().toString());
        AnalysisResult result = analyses.get(project.root());
        if (result == null) {
            result = analyse(project);
            analyses.put(project.root(), result);
        }
        for (Finding finding : result.findings()) {
            if (finding.severity().atLeast(minimumSeverity)
                    && project.root().resolve(finding.path()).normalize().equals(path)) {
                // Checkstyle counts columns from 0 here and prints them from 1, as ddb-lint does.
                log(finding.range().line(), Math.max(0, finding.range().column() - 1), MESSAGE_KEY,
                        finding.ruleId(), finding.ruleName(), finding.message());
            }
        }
    }

    @Override
    public void finishProcessing() {
        analyses.clear();
    }

    private AnalysisResult analyse(Project project) throws CheckstyleException {
        try {
            RuleRegistry registry = RuleRegistry.load(DdbLintCheck.class.getClassLoader());
            AnalysisRequest request = new AnalysisRequest(project.root(),
                    project.sourceDirs().stream().map(SourceRoot::auto).toList(), classpath, true, List.of(),
                    List.of(), 0).withConfiguration(configuration(project.root(), registry));
            return new Analyzer(registry).analyze(request);
        } catch (AnalysisException e) {
            throw new CheckstyleException("ddb-lint: " + e.getMessage(), e);
        }
    }

    private Configuration configuration(Path projectRoot, RuleRegistry registry) throws CheckstyleException {
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) {
                throw new CheckstyleException("ddb-lint: configFile does not exist: " + configFile);
            }
            return ConfigurationLoader.load(configFile, registry);
        }
        Path beside = projectRoot.resolve(ConfigurationLoader.FILE_NAME);
        return Files.isRegularFile(beside) ? ConfigurationLoader.load(beside, registry) : Configuration.DEFAULTS;
    }

    /**
     * The project a file belongs to. In a Maven or Gradle layout ({@code X/src/<set>/java/...}) that is {@code X}
     * with every {@code X/src/<set>/java}, so that main code sees its test code classified as such and vice versa;
     * otherwise the file's source root (its directory less its package's directories).
     */
    record Project(Path root, List<Path> sourceDirs) {

        static Project of(Path file, String text) {
            // Only where the directories spell the package: a file being typed may name any package, and its
            // "root" must never climb above the tree (core's PackageRoot, as the scan itself uses it).
            Path sourceRoot = PackageRoot.of(file, Prefilter.packageOf(text)).orElse(file.getParent());
            int n = sourceRoot.getNameCount();
            if (n >= 3 && sourceRoot.getFileName().toString().equals("java")
                    && sourceRoot.getName(n - 3).toString().equals("src")) {
                Path src = sourceRoot.getParent().getParent();
                List<Path> dirs = new ArrayList<>();
                try (var sets = Files.list(src)) {
                    sets.map(set -> set.resolve("java")).filter(Files::isDirectory).sorted().forEach(dirs::add);
                } catch (java.io.IOException e) {
                    dirs.add(sourceRoot);
                }
                return new Project(src.getParent(), List.copyOf(dirs));
            }
            return new Project(sourceRoot, List.of(sourceRoot));
        }
    }
}
