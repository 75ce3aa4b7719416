package io.ddblint.maven;

import io.ddblint.core.AnalysisException;
import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.report.Reporter;
import io.ddblint.core.rule.RuleRegistry;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs ddb-lint on this module's sources against its resolved classpath, writes the reports and fails the build when
 * findings cross the threshold. A thin front end: the analysis is core's, the parameter checks are
 * {@link CheckOptions}', the console lines {@link ConsoleReport}'s.
 *
 * <p>Thread-safe for {@code mvn -T}: every execution builds its own rule registry, analyzer and request; nothing is
 * kept in static fields.
 */
// TEST resolution even when tests are not analysed: the scope is fixed per goal, and includeTests needs it.
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public final class CheckMojo extends AbstractMojo {

    /** Skips the check. */
    @Parameter(property = "ddb-lint.skip", defaultValue = "false")
    private boolean skip;

    /** Fails the build when findings at {@code failOnSeverity} or above exceed {@code maxAllowedViolations}. */
    @Parameter(property = "ddb-lint.failOnViolation", defaultValue = "true")
    private boolean failOnViolation;

    /** The least severe finding that counts against the build: ERROR, WARNING or INFO. */
    @Parameter(property = "ddb-lint.failOnSeverity", defaultValue = "WARNING")
    private String failOnSeverity;

    /** How many findings at {@code failOnSeverity} or above the build tolerates. */
    @Parameter(property = "ddb-lint.maxAllowedViolations", defaultValue = "0")
    private int maxAllowedViolations;

    /** Also analyses the test sources (against the test classpath). Rules still know it is test code. */
    @Parameter(property = "ddb-lint.includeTests", defaultValue = "false")
    private boolean includeTests;

    /** Comma-separated globs over report paths (relative to the report root); a file must match one. */
    @Parameter(property = "ddb-lint.includes")
    private String includes;

    /** Comma-separated globs over report paths (relative to the report root) of files to leave out. */
    @Parameter(property = "ddb-lint.excludes")
    private String excludes;

    /** Comma-separated report formats written to {@code outputDirectory}: sarif, json, checkstyle, text. */
    @Parameter(property = "ddb-lint.formats", defaultValue = "sarif")
    private String formats;

    /** Where the reports go, one file per format. */
    @Parameter(property = "ddb-lint.outputDirectory", defaultValue = "${project.build.directory}/ddb-lint")
    private File outputDirectory;

    /** Rule configuration file. Not supported yet: setting it fails the build. */
    @Parameter(property = "ddb-lint.configLocation")
    private String configLocation;

    /** Baseline of accepted findings. Not supported yet: setting it fails the build. */
    @Parameter(property = "ddb-lint.baseline")
    private String baseline;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        if (skip) {
            log.info(ConsoleReport.PREFIX + "skipped (ddb-lint.skip)");
            return;
        }
        CheckOptions options = options();
        ModuleInputs inputs = inputs();
        if (!inputs.hasSources(includeTests)) {
            log.info(ConsoleReport.PREFIX + "no Java sources in " + project.getArtifactId() + ", nothing to check");
            return;
        }
        AnalysisResult result = analyze(inputs.request(includeTests, options));
        List<String> reports = writeReports(result, options, inputs.reportRoot());
        for (ConsoleReport.Line line : ConsoleReport.lines(result, reports)) {
            switch (line.level()) {
                case ERROR -> log.error(line.text());
                case WARN -> log.warn(line.text());
                case INFO -> log.info(line.text());
            }
        }
        String where = reports.isEmpty() ? null : display(inputs.reportRoot(), outputDirectory.toPath());
        Optional<String> failure = BuildGate.check(result, options, failOnViolation, where);
        if (failure.isPresent()) {
            throw new MojoFailureException(failure.get());
        }
        if (!failOnViolation && !result.findingsAtLeast(options.failOnSeverity()).isEmpty()) {
            log.warn(ConsoleReport.PREFIX + "findings do not fail the build (failOnViolation=false)");
        }
    }

    private CheckOptions options() throws MojoExecutionException {
        try {
            return CheckOptions.parse(new CheckOptions.Raw(failOnSeverity, maxAllowedViolations, formats, includes,
                    excludes, configLocation, baseline));
        } catch (InvalidParameterException e) {
            throw new MojoExecutionException("ddb-lint: invalid parameter " + e.getMessage());
        }
    }

    private ModuleInputs inputs() throws MojoExecutionException {
        String executionRoot = session.getExecutionRootDirectory();
        Path reportRoot = ModuleInputs.reportRoot(executionRoot == null ? null : Path.of(executionRoot),
                project.getBasedir().toPath());
        try {
            List<String> classpath = includeTests ? project.getTestClasspathElements()
                    : project.getCompileClasspathElements();
            return ModuleInputs.of(reportRoot, project.getCompileSourceRoots(), project.getTestCompileSourceRoots(),
                    classpath);
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("ddb-lint: the classpath of " + project.getId()
                    + " is not resolved: " + e.getMessage(), e);
        }
    }

    private AnalysisResult analyze(AnalysisRequest request) throws MojoExecutionException {
        try {
            // Loaded from the plugin's own class loader: the rules jar is a dependency of this plugin, and the
            // thread's context class loader may belong to another plugin or to Maven.
            return new Analyzer(RuleRegistry.load(getClass().getClassLoader())).analyze(request);
        } catch (AnalysisException e) {
            throw new MojoExecutionException("ddb-lint: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            throw new MojoExecutionException("ddb-lint: internal error while analysing " + project.getId() + ": "
                    + e + " (run with -e for the stack trace)", e);
        }
    }

    private List<String> writeReports(AnalysisResult result, CheckOptions options, Path reportRoot)
            throws MojoExecutionException {
        List<String> written = new ArrayList<>();
        if (options.formats().isEmpty()) {
            return written;
        }
        Path directory = outputDirectory.toPath().toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new MojoExecutionException("ddb-lint: cannot create the report directory " + directory + ": " + e, e);
        }
        for (Reporter reporter : options.formats()) {
            Path file = directory.resolve(reporter.defaultFileName());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                reporter.write(result, out);
            } catch (IOException e) {
                throw new MojoExecutionException("ddb-lint: cannot write report " + file + ": " + e, e);
            }
            written.add(display(reportRoot, file));
        }
        return written;
    }

    /** A path as the user reads it in the log: relative to the report root when it lies inside it. */
    private static String display(Path reportRoot, Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return (abs.startsWith(reportRoot) ? reportRoot.relativize(abs) : abs).toString();
    }
}
