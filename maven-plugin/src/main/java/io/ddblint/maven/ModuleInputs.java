package io.ddblint.maven;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.SourceRoot;
import io.ddblint.core.baseline.Baseline;
import io.ddblint.core.config.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One module's inputs as Maven knows them: its source roots (generated sources included) and its resolved
 * classpath. Maven decides what is main and what is test code, so roots are never classified by path here.
 *
 * @param reportRoot the directory report paths are relative to
 */
record ModuleInputs(Path reportRoot, List<Path> mainRoots, List<Path> testRoots, List<Path> classpath) {

    ModuleInputs {
        mainRoots = List.copyOf(mainRoots);
        testRoots = List.copyOf(testRoots);
        classpath = List.copyOf(classpath);
    }

    /**
     * Report paths are relative to the directory Maven was started in (the top-level project, normally the
     * repository root), so that SARIF URIs from every module of a reactor point into the same checkout. A module
     * outside that directory (an aggregator that lists {@code ../other}) falls back to its own base directory.
     */
    static Path reportRoot(Path executionRoot, Path moduleBasedir) {
        Path module = moduleBasedir.toAbsolutePath().normalize();
        if (executionRoot == null) {
            return module;
        }
        Path root = executionRoot.toAbsolutePath().normalize();
        return module.startsWith(root) ? root : module;
    }

    static ModuleInputs of(Path reportRoot, List<String> compileRoots, List<String> testCompileRoots,
                           List<String> classpathElements) {
        return new ModuleInputs(reportRoot, existing(compileRoots), existing(testCompileRoots), jars(classpathElements));
    }

    boolean hasSources(boolean includeTests) {
        return !mainRoots.isEmpty() || (includeTests && !testRoots.isEmpty());
    }

    AnalysisRequest request(boolean includeTests, CheckOptions options, Configuration configuration,
                            Baseline baseline) {
        List<SourceRoot> roots = new ArrayList<>();
        mainRoots.forEach(r -> roots.add(SourceRoot.main(r)));
        if (includeTests) {
            testRoots.forEach(r -> roots.add(SourceRoot.test(r)));
        }
        // threads 0: every processor. Under `mvn -T` several modules run at once, each with its own pool.
        return new AnalysisRequest(reportRoot, roots, classpath, includeTests, options.includes(), options.excludes(),
                0, configuration, baseline);
    }

    /** Maven lists roots that may not exist (src/main/java of a pom module, say); core rejects missing paths. */
    private static List<Path> existing(List<String> roots) {
        Set<Path> paths = new LinkedHashSet<>();
        for (String root : roots == null ? List.<String>of() : roots) {
            Path p = Path.of(root).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                paths.add(p);
            }
        }
        return List.copyOf(paths);
    }

    // LIMITATION: core reads jars only, not class directories, so a reactor sibling is seen through its jar, which
    // exists once the sibling is packaged (the goal's default phase, verify, comes after package). Directories and
    // missing entries are left out here rather than reported as problems on every run.
    private static List<Path> jars(List<String> elements) {
        List<Path> jars = new ArrayList<>();
        for (String element : elements == null ? List.<String>of() : elements) {
            Path p = Path.of(element).toAbsolutePath().normalize();
            if (Files.isRegularFile(p)) {
                jars.add(p);
            }
        }
        return List.copyOf(jars);
    }
}
