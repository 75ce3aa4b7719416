package io.ddblint.core;

import io.ddblint.core.baseline.Baseline;
import io.ddblint.core.config.Configuration;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one analysis needs. Front ends translate their host's inputs into one of these, so the same inputs
 * give the same findings everywhere.
 *
 * @param projectRoot  the directory report paths are relative to
 * @param sourceRoots  where the sources are
 * @param classpath    jars and class directories the code compiles against; empty to rely on the SDK knowledge
 *                     kept in core
 * @param includeTests whether test code is analysed at all (rules still know it is test code)
 * @param includes     glob patterns over project-relative paths a file must match one of (empty: all files)
 * @param excludes     glob patterns over project-relative paths of files to leave out
 * @param threads      parser threads; 0 for the number of available processors
 * @param configuration the project's {@code ddb-lint.yml}, or {@link Configuration#DEFAULTS}
 * @param baseline     accepted findings that do not fail the build, or {@link Baseline#EMPTY}
 */
public record AnalysisRequest(Path projectRoot, List<SourceRoot> sourceRoots, List<Path> classpath,
                              boolean includeTests, List<String> includes, List<String> excludes, int threads,
                              Configuration configuration, Baseline baseline) {

    public AnalysisRequest {
        configuration = configuration == null ? Configuration.DEFAULTS : configuration;
        baseline = baseline == null ? Baseline.EMPTY : baseline;
        projectRoot = projectRoot.toAbsolutePath().normalize();
        sourceRoots = List.copyOf(sourceRoots);
        classpath = List.copyOf(classpath);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    /** Without configuration file or baseline. */
    public AnalysisRequest(Path projectRoot, List<SourceRoot> sourceRoots, List<Path> classpath,
                           boolean includeTests, List<String> includes, List<String> excludes, int threads) {
        this(projectRoot, sourceRoots, classpath, includeTests, includes, excludes, threads, Configuration.DEFAULTS,
                Baseline.EMPTY);
    }

    /** The usual request: paths classified by layout, no classpath, tests included or not. */
    public static AnalysisRequest of(Path projectRoot, List<Path> paths, boolean includeTests) {
        return new AnalysisRequest(projectRoot, paths.stream().map(SourceRoot::auto).toList(), List.of(),
                includeTests, List.of(), List.of(), 0);
    }

    public AnalysisRequest withClasspath(List<Path> entries) {
        return new AnalysisRequest(projectRoot, sourceRoots, entries, includeTests, includes, excludes, threads,
                configuration, baseline);
    }

    public AnalysisRequest withThreads(int count) {
        return new AnalysisRequest(projectRoot, sourceRoots, classpath, includeTests, includes, excludes, count,
                configuration, baseline);
    }

    public AnalysisRequest withConfiguration(Configuration config) {
        return new AnalysisRequest(projectRoot, sourceRoots, classpath, includeTests, includes, excludes, threads,
                config, baseline);
    }

    public AnalysisRequest withBaseline(Baseline accepted) {
        return new AnalysisRequest(projectRoot, sourceRoots, classpath, includeTests, includes, excludes, threads,
                configuration, accepted);
    }
}
