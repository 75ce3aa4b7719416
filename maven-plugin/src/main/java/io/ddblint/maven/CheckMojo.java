package io.ddblint.maven;

import io.ddblint.core.AnalysisResult;
import io.ddblint.core.baseline.Baseline;
import io.ddblint.core.config.Configuration;
import io.ddblint.core.report.Reporter;
import io.ddblint.core.rule.RuleRegistry;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

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
 * findings cross the threshold. Findings suppressed in the source or accepted by the {@code baseline} file are
 * reported as suppressed and never count. A thin front end: the analysis is core's, the parameter checks are
 * {@link CheckOptions}', the console lines {@link ConsoleReport}'s.
 *
 * <p>Thread-safe for {@code mvn -T}: every execution builds its own rule registry, analyzer and request; nothing is
 * kept in static fields.
 */
// TEST resolution even when tests are not analysed: the scope is fixed per goal, and includeTests needs it.
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.TEST)
public final class CheckMojo extends AbstractDdbLintMojo {

    /** Fails the build when findings at {@code failOnSeverity} or above exceed {@code maxAllowedViolations}. */
    @Parameter(property = "ddb-lint.failOnViolation", defaultValue = "true")
    private boolean failOnViolation;

    /** The least severe finding that counts against the build: ERROR, WARNING or INFO. */
    @Parameter(property = "ddb-lint.failOnSeverity", defaultValue = "WARNING")
    private String failOnSeverity;

    /** How many findings at {@code failOnSeverity} or above the build tolerates. */
    @Parameter(property = "ddb-lint.maxAllowedViolations", defaultValue = "0")
    private int maxAllowedViolations;

    /** Comma-separated report formats written to {@code outputDirectory}: sarif, json, checkstyle, html, text. */
    @Parameter(property = "ddb-lint.formats", defaultValue = "sarif")
    private String formats;

    /** Where the reports go, one file per format. */
    @Parameter(property = "ddb-lint.outputDirectory", defaultValue = "${project.build.directory}/ddb-lint")
    private File outputDirectory;

    /**
     * Where you publish the rule pages (an http or https URL): reports then link each rule to
     * {@code <docBaseUrl>/<rule id>}. Overrides {@code docBaseUrl} in ddb-lint.yml. Unset: no links, only the
     * rule help embedded in the reports.
     */
    @Parameter(property = "ddb-lint.docBaseUrl")
    private String docBaseUrl;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Log log = getLog();
        if (skip) {
            log.info(ConsoleReport.PREFIX + "skipped (ddb-lint.skip)");
            return;
        }
        CheckOptions options = options();
        Optional<String> docBase = docBaseUrlParameter();
        ModuleInputs inputs = inputs();
        if (!inputs.hasSources(includeTests)) {
            log.info(ConsoleReport.PREFIX + "no Java sources in " + project.getArtifactId() + ", nothing to check");
            return;
        }
        RuleRegistry rules = rules();
        Configuration fileConfiguration = configuration(rules, inputs.reportRoot());
        Configuration configuration = docBase.map(fileConfiguration::withDocBaseUrl).orElse(fileConfiguration);
        Optional<Path> baselineFile = ConfigFiles.baseline(baseline, project.getBasedir().toPath());
        Baseline accepted = baselineFile.isPresent() ? readBaseline(baselineFile.get()) : Baseline.EMPTY;
        AnalysisResult result = analyze(rules, inputs.request(includeTests, options, configuration, accepted));
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
                    excludes));
        } catch (InvalidParameterException e) {
            throw new MojoExecutionException("ddb-lint: invalid parameter " + e.getMessage());
        }
    }

    private Optional<String> docBaseUrlParameter() throws MojoExecutionException {
        try {
            return CheckOptions.docBaseUrl(docBaseUrl);
        } catch (InvalidParameterException e) {
            throw new MojoExecutionException("ddb-lint: invalid parameter " + e.getMessage());
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
}
