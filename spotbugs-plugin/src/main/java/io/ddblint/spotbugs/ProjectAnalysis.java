package io.ddblint.spotbugs;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.Finding;
import io.ddblint.core.SourceRoot;
import io.ddblint.core.config.Configuration;
import io.ddblint.core.config.ConfigurationLoader;
import io.ddblint.core.rule.RuleRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of the core analyzer over a set of source directories, with its findings indexed the way SpotBugs visits
 * code: by binary class name, and by source file for findings outside any member.
 *
 * @param byClass findings by the binary name of their enclosing class ({@code a.Outer$Inner})
 * @param byFile  findings without an enclosing member, by absolute source file
 */
record ProjectAnalysis(AnalysisResult result, Map<String, List<Finding>> byClass, Map<Path, List<Finding>> byFile) {

    /** Where to look for the configuration file instead of {@code ddb-lint.yml} beside the project. */
    static final String CONFIG_PROPERTY = "ddblint.config";

    /**
     * Analyses the source directories as one project. Main and test code are told apart by their layout
     * ({@link SourceRoot.Kind#AUTO}), as the CLI does; test code is analysed, and rules decide what applies to it.
     *
     * @param classpath the classes SpotBugs analyses and its auxiliary classpath: resolves types as the Maven
     *                  plugin's classpath does
     */
    static ProjectAnalysis run(List<Path> sourceDirs, List<Path> classpath) {
        Path root = projectRoot(sourceDirs);
        RuleRegistry registry = RuleRegistry.load(ProjectAnalysis.class.getClassLoader());
        AnalysisRequest request = new AnalysisRequest(root, sourceDirs.stream().map(SourceRoot::auto).toList(),
                classpath, true, List.of(), List.of(), 0)
                .withConfiguration(configuration(root, registry));
        AnalysisResult result = new Analyzer(registry).analyze(request);
        Map<String, List<Finding>> byClass = new HashMap<>();
        Map<Path, List<Finding>> byFile = new HashMap<>();
        for (Finding f : result.findings()) {
            if (f.enclosing() != null) {
                byClass.computeIfAbsent(f.enclosing().binaryClassName(), k -> new ArrayList<>()).add(f);
            } else {
                // LIMITATION: a finding in a CloudFormation template (YAML or JSON) lands here under the template's
                // path, which no class visit asks for: SpotBugs reports classes, so template findings are not shown
                // (the CLI, the Maven plugin and Checkstyle with fileExtensions yaml show them).
                byFile.computeIfAbsent(root.resolve(f.path()).normalize(), k -> new ArrayList<>()).add(f);
            }
        }
        return new ProjectAnalysis(result, Map.copyOf(byClass), Map.copyOf(byFile));
    }

    List<Finding> findingsIn(String binaryClassName) {
        return byClass.getOrDefault(binaryClassName, List.of());
    }

    List<Finding> findingsOutsideMembers(Path sourceFile) {
        return byFile.getOrDefault(sourceFile.toAbsolutePath().normalize(), List.of());
    }

    /**
     * The project a source directory belongs to: {@code X} for Maven/Gradle's {@code X/src/<set>/java}, else the
     * directory itself; for several directories, their nearest common ancestor (a module's main and test roots share
     * the module).
     */
    static Path projectRoot(List<Path> sourceDirs) {
        Set<Path> roots = new LinkedHashSet<>();
        for (Path dir : sourceDirs) {
            Path d = dir.toAbsolutePath().normalize();
            int n = d.getNameCount();
            boolean layout = n >= 3 && d.getName(n - 3).toString().equals("src")
                    && d.getName(n - 1).toString().equals("java");
            roots.add(layout && d.getParent().getParent().getParent() != null
                    ? d.getParent().getParent().getParent() : d);
        }
        Path common = null;
        for (Path r : roots) {
            common = common == null ? r : commonAncestor(common, r);
        }
        return common == null ? Path.of("").toAbsolutePath() : common;
    }

    private static Path commonAncestor(Path a, Path b) {
        Path p = a;
        while (p != null && !b.startsWith(p)) {
            p = p.getParent();
        }
        return p == null ? a.getRoot() : p;
    }

    /**
     * As the CLI and the Maven plugin find it: the file named by {@value #CONFIG_PROPERTY} when set, else
     * {@code ddb-lint.yml} in the project's directory, else in the directory SpotBugs runs in (the top-level project,
     * where a multi-module project keeps it); the defaults when there is none.
     */
    static Configuration configuration(Path projectRoot, RuleRegistry registry) {
        String named = System.getProperty(CONFIG_PROPERTY);
        if (named != null && !named.isBlank()) {
            return ConfigurationLoader.load(Path.of(named.strip()), registry);
        }
        for (Path candidate : List.of(projectRoot.resolve(ConfigurationLoader.FILE_NAME),
                Path.of(ConfigurationLoader.FILE_NAME).toAbsolutePath())) {
            if (Files.isRegularFile(candidate)) {
                return ConfigurationLoader.load(candidate, registry);
            }
        }
        return Configuration.DEFAULTS;
    }
}
