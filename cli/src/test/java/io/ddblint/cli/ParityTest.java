package io.ddblint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.rule.RuleRegistry;
import io.ddblint.core.testing.AllRules;
import io.ddblint.core.testing.Expectation;
import io.ddblint.core.testing.Expectations;
import io.ddblint.core.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.ddblint.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same inputs give the same findings in every front end: the CLI's JSON report on the fixture tree lists
 * exactly what the analyzer reports in-process, and that agrees with the fixtures' {@code // expect:} markers, with
 * every rule enabled.
 */
class ParityTest {

    @TempDir
    Path dir;

    @Test
    void cliReportsExactlyWhatTheAnalyzerFinds() throws IOException {
        Path root = Fixtures.root();
        Path json = dir.resolve("ddb-lint.json");
        // Every rule on, rules disabled by default included: their fixture markers are checked too.
        Path config = dir.resolve("ddb-lint.yml");
        Files.writeString(config, AllRules.yaml(RuleRegistry.loadDefault()));
        CliRun cli = run("--root", root.toString(), "--include-tests", "--config", config.toString(), "--format",
                "json", "--output", json.toString(), root.toString());
        assertThat(cli.exitCode()).isEqualTo(1);

        List<String> fromCli = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(json.toFile()).get("findings")) {
            fromCli.add(key(f.get("ruleId").asText(), f.get("path").asText(), f.get("line").asInt(),
                    f.get("column").asInt(), f.get("fingerprint").asText()));
        }
        AnalysisResult inProcess = new Analyzer(RuleRegistry.loadDefault())
                .analyze(AnalysisRequest.of(root, List.of(root), true)
                        .withConfiguration(AllRules.enabled(RuleRegistry.loadDefault())));
        List<String> fromAnalyzer = inProcess.findings().stream()
                .map(f -> key(f.ruleId(), f.path(), f.range().line(), f.range().column(), f.fingerprint()))
                .toList();

        assertThat(fromCli).isNotEmpty().containsExactlyElementsOf(fromAnalyzer);
        List<Expectation> markers = new ArrayList<>();
        for (Path d : Fixtures.markerDirectories()) {
            markers.addAll(Expectations.read(root, d));
        }
        assertThat(Expectations.mismatches(inProcess, markers, Expectations.ruleIds(RuleRegistry.loadDefault())))
                .isEmpty();
    }

    private static String key(String rule, String path, int line, int column, String fingerprint) {
        return rule + " " + path + ":" + line + ":" + column + " " + fingerprint;
    }
}
