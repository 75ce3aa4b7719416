package io.ddblint.maven;

import io.ddblint.core.AnalysisException;
import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.baseline.Baseline;
import io.ddblint.core.config.Configuration;
import io.ddblint.core.config.ConfigurationException;
import io.ddblint.core.config.ConfigurationLoader;
import io.ddblint.core.rule.RuleRegistry;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the {@code check} and {@code baseline} goals share: the inputs of one analysis (sources, classpath, tests or
 * not, includes/excludes, configuration file, baseline) and running it. Every execution builds its own rule
 * registry, analyzer and request; nothing is kept in static fields, so subclasses are thread-safe for {@code mvn -T}.
 */
abstract class AbstractDdbLintMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "ddb-lint.skip", defaultValue = "false")
    protected boolean skip;

    /** Also analyses the test sources (against the test classpath). Rules still know it is test code. */
    @Parameter(property = "ddb-lint.includeTests", defaultValue = "false")
    protected boolean includeTests;

    /** Comma-separated globs over report paths (relative to the report root); a file must match one. */
    @Parameter(property = "ddb-lint.includes")
    protected String includes;

    /** Comma-separated globs over report paths (relative to the report root) of files to leave out. */
    @Parameter(property = "ddb-lint.excludes")
    protected String excludes;

    /**
     * Configuration file (ddb-lint.yml). A relative path is looked up in the module's base directory, then in the
     * top-level project's directory. Unset: {@code ddb-lint.yml} in the module's base directory, else in the
     * top-level project's directory, else the defaults.
     */
    @Parameter(property = "ddb-lint.configLocation")
    protected String configLocation;

    /**
     * Baseline of accepted findings (relative to the module's base directory). {@code check}: findings it lists are
     * reported as suppressed and do not fail the build; unset, no baseline. {@code baseline}: the file written
     * (default {@code ddb-lint-baseline.json} in the module's base directory).
     */
    @Parameter(property = "ddb-lint.baseline")
    protected String baseline;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** The directory Maven was started in, or null when Maven does not say. */
    protected Path executionRoot() {
        String executionRoot = session.getExecutionRootDirectory();
        return executionRoot == null ? null : Path.of(executionRoot);
    }

    protected ModuleInputs inputs() throws MojoExecutionException {
        Path reportRoot = ModuleInputs.reportRoot(executionRoot(), project.getBasedir().toPath());
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

    /** Rules loaded from the plugin's own class loader: the rules jar is a dependency of this plugin. */
    protected RuleRegistry rules() {
        // The thread's context class loader may belong to another plugin or to Maven.
        return RuleRegistry.load(getClass().getClassLoader());
    }

    /**
     * The configuration {@link ConfigFiles#configuration} finds, or the defaults. A file that is not valid
     * configuration fails the build with core's message (it names the file, the line and the key).
     */
    protected Configuration configuration(RuleRegistry rules, Path reportRoot) throws MojoExecutionException {
        Optional<Path> file;
        try {
            file = ConfigFiles.configuration(configLocation, project.getBasedir().toPath(), executionRoot());
        } catch (InvalidParameterException e) {
            throw new MojoExecutionException("ddb-lint: invalid parameter " + e.getMessage());
        }
        if (file.isEmpty()) {
            return Configuration.DEFAULTS;
        }
        String text;
        try {
            text = Files.readString(file.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("ddb-lint: configLocation (ddb-lint.configLocation): cannot read "
                    + file.get() + ": " + e.getMessage(), e);
        }
        try {
            // Named relative to the report root, as the findings are: ddb-lint.yml:12: unknown key ...
            getLog().debug(ConsoleReport.PREFIX + "configuration " + file.get());
            return ConfigurationLoader.parse(display(reportRoot, file.get()), text, rules.descriptors());
        } catch (ConfigurationException e) {
            throw new MojoExecutionException(e.getMessage());
        }
    }

    /**
     * Reads a baseline file; a missing or malformed one fails the build with a message naming the parameter.
     */
    protected static Baseline readBaseline(Path file) throws MojoExecutionException {
        if (!Files.isRegularFile(file)) {
            throw new MojoExecutionException("ddb-lint: baseline (ddb-lint.baseline): file does not exist: " + file
                    + " (create it with mvn ddb-lint:baseline)");
        }
        try {
            return Baseline.read(file);
        } catch (AnalysisException e) {
            throw new MojoExecutionException("ddb-lint: baseline (ddb-lint.baseline): " + e.getMessage());
        }
    }

    protected AnalysisResult analyze(RuleRegistry rules, AnalysisRequest request) throws MojoExecutionException {
        try {
            return new Analyzer(rules).analyze(request);
        } catch (AnalysisException e) {
            throw new MojoExecutionException("ddb-lint: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            throw new MojoExecutionException("ddb-lint: internal error while analysing " + project.getId() + ": "
                    + e + " (run with -e for the stack trace)", e);
        }
    }

    /** A path as the user reads it in the log: relative to the report root when it lies inside it. */
    protected static String display(Path reportRoot, Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return (abs.startsWith(reportRoot) ? reportRoot.relativize(abs) : abs).toString();
    }
}
