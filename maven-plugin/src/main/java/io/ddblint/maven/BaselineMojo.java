package io.ddblint.maven;

import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Finding;
import io.ddblint.core.baseline.Baseline;
import io.ddblint.core.config.Configuration;
import io.ddblint.core.rule.RuleRegistry;
import io.ddblint.core.report.ReportText;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the module's current findings to the {@code baseline} file (default {@code ddb-lint-baseline.json} in the
 * module's base directory), so that {@code check} with that baseline accepts them: the way to adopt ddb-lint on an
 * existing code base. Findings the old baseline at that path accepted are kept, as the CLI's
 * {@code --write-baseline} does; findings suppressed in the source are not recorded. Never fails on findings.
 *
 * <p>Thread-safe for {@code mvn -T}: each module writes its own file, and nothing is kept in static fields.
 */
@Mojo(name = "baseline", threadSafe = true, requiresDependencyResolution = ResolutionScope.TEST)
public final class BaselineMojo extends AbstractDdbLintMojo {

    @Override
    public void execute() throws MojoExecutionException {
        Log log = getLog();
        if (skip) {
            log.info(ConsoleReport.PREFIX + "skipped (ddb-lint.skip)");
            return;
        }
        CheckOptions options;
        try {
            options = CheckOptions.parse(new CheckOptions.Raw(null, 0, "", includes, excludes));
        } catch (InvalidParameterException e) {
            throw new MojoExecutionException("ddb-lint: invalid parameter " + e.getMessage());
        }
        ModuleInputs inputs = inputs();
        if (!inputs.hasSources(includeTests)) {
            log.info(ConsoleReport.PREFIX + "no Java sources in " + project.getArtifactId()
                    + ", no baseline written");
            return;
        }
        Path file = ConfigFiles.baselineToWrite(baseline, project.getBasedir().toPath());
        // An existing baseline is read first: what it accepted and is still found stays accepted.
        Baseline old = Files.exists(file) ? readBaseline(file) : Baseline.EMPTY;
        RuleRegistry rules = rules();
        Configuration configuration = configuration(rules, inputs.reportRoot());
        AnalysisResult result = analyze(rules, inputs.request(includeTests, options, configuration, old));
        List<Finding> accepted = Baseline.acceptedAfter(result);
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                Baseline.of(accepted).write(out);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("ddb-lint: baseline (ddb-lint.baseline): cannot write " + file + ": "
                    + e, e);
        }
        log.info(ConsoleReport.PREFIX + "wrote " + ReportText.count(accepted.size(), "finding", "findings")
                + " to baseline " + display(inputs.reportRoot(), file));
    }
}
