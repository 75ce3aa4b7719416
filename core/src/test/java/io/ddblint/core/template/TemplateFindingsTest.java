package io.ddblint.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.Finding;
import io.ddblint.core.SourceRange;
import io.ddblint.core.SuppressedFinding;
import io.ddblint.core.baseline.Baseline;
import io.ddblint.core.report.Reporters;
import io.ddblint.core.rule.RuleRegistry;
import io.ddblint.core.testing.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A finding located in a template (as DDB-M001 and DDB-M005 report at a table's resource) goes through every step
 * that a Java finding does: each report format, {@code # ddb-lint:ignore} comments, dead-suppression reports and the
 * baseline. A test rule reports each template table at its resource.
 */
class TemplateFindingsTest {

    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: orders
                  KeySchema: [{AttributeName: pk, KeyType: HASH}]
              # ddb-lint:ignore DDB-M901 defined for the test
              Sessions:
                Type: AWS::Serverless::SimpleTable
                Properties: {TableName: sessions}
              Audit: # ddb-lint:ignore TableInTemplate by name
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: audit
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
              Other: # ddb-lint:ignore DDB-P001 no scan here
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: other
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
            """;

    private static final String JSON = """
            {
              "Resources": {
                "Users": {
                  "Type": "AWS::DynamoDB::Table",
                  "Properties": {"TableName": "users", "KeySchema": [{"AttributeName": "u", "KeyType": "HASH"}]}
                }
              }
            }
            """;

    @TempDir
    Path dir;

    private AnalysisResult analyze(Baseline baseline) {
        RuleRegistry registry = RuleRegistry.of(List.of(new TestRules.TablesInTemplates(), new TestRules.Scans()));
        return new Analyzer(registry).analyze(AnalysisRequest.of(dir, List.of(dir), false).withBaseline(baseline));
    }

    private AnalysisResult analyzeProject() throws IOException {
        TestRules.write(dir, Map.of("template.yaml", TEMPLATE, "infra/stack.json", JSON,
                "src/main/java/a/A.java", "package a; class A {}"));
        return analyze(Baseline.EMPTY);
    }

    @Test
    void findingsAndSuppressionsSitAtTheTemplateResources() throws IOException {
        AnalysisResult r = analyzeProject();

        assertThat(r.problems()).isEmpty();
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::path, Finding::range, Finding::member)
                .containsExactly(
                        tuple("DDB-M901", "infra/stack.json", new SourceRange(3, 5, 3, 11), "Users"),
                        tuple("DDB-M901", "template.yaml", new SourceRange(3, 3, 3, 8), "Orders"),
                        tuple("DDB-M901", "template.yaml", new SourceRange(17, 3, 17, 7), "Other"),
                        tuple("DDB-X001", "template.yaml", new SourceRange(17, 10, 17, 48), ""));
        assertThat(r.findings().get(3).message())
                .isEqualTo("`# ddb-lint:ignore DDB-P001 no scan here` suppresses nothing: no DDB-P001 finding here."
                        + " Remove it.");
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.enclosing()).isNull());
        assertThat(r.suppressed()).extracting(s -> s.finding().range().line(), SuppressedFinding::kind,
                SuppressedFinding::justification).containsExactly(
                tuple(9, SuppressedFinding.Kind.IN_SOURCE, "defined for the test"),
                tuple(12, SuppressedFinding.Kind.IN_SOURCE, "by name"));
    }

    @Test
    void textJsonAndCheckstyleReportsPointIntoTheTemplate() throws IOException {
        AnalysisResult r = analyzeProject();

        assertThat(report("text", r)).contains("template.yaml:3:3: WARNING [DDB-M901] table 'orders' (partition key"
                + " pk) is defined in cloudformation template.yaml:3", "infra/stack.json:3:5: WARNING [DDB-M901]");

        JsonNode json = new ObjectMapper().readTree(report("json", r));
        JsonNode first = json.at("/findings/1");
        assertThat(first.get("path").asText()).isEqualTo("template.yaml");
        assertThat(first.get("line").asInt()).isEqualTo(3);
        assertThat(first.get("column").asInt()).isEqualTo(3);
        assertThat(first.get("fingerprint").asText()).isEqualTo(r.findings().get(1).fingerprint());

        String checkstyle = report("checkstyle", r);
        String file = dir.resolve("template.yaml").toAbsolutePath().normalize().toString();
        assertThat(checkstyle).contains("<file name=\"" + file + "\">")
                .containsPattern("<error line=\"3\" column=\"3\" severity=\"warning\" message=\"[^\"]*orders");
    }

    @Test
    void sarifLocatesTemplateFindingsByArtifactAndRegion() throws IOException {
        AnalysisResult r = analyzeProject();
        JsonNode log = new ObjectMapper().readTree(report("sarif", r));

        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
            assertThat(schema.validate(log)).isEmpty();
        }
        JsonNode result = log.at("/runs/0/results/1");
        assertThat(result.get("ruleId").asText()).isEqualTo("DDB-M901");
        JsonNode location = result.at("/locations/0/physicalLocation");
        assertThat(location.at("/artifactLocation/uri").asText()).isEqualTo("template.yaml");
        assertThat(location.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(location.at("/region/startLine").asInt()).isEqualTo(3);
        assertThat(location.at("/region/startColumn").asInt()).isEqualTo(3);
        assertThat(location.at("/region/endColumn").asInt()).isEqualTo(9);
        assertThat(result.at("/partialFingerprints").size()).isPositive();
        assertThat(log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("infra/stack.json");
    }

    @Test
    void theBaselineAcceptsTemplateFindingsAfterLinesMove() throws IOException {
        AnalysisResult first = analyzeProject();
        Baseline accepted = Baseline.of(first.findings());
        Path baselineFile = dir.resolve("baseline.json");
        try (var out = Files.newOutputStream(baselineFile)) {
            accepted.write(out);
        }

        // Lines added above every resource: the fingerprints hold no line numbers, so the baseline still matches.
        Files.writeString(dir.resolve("template.yaml"), "# a header\n# added later\n" + TEMPLATE,
                StandardCharsets.UTF_8);
        AnalysisResult second = analyze(Baseline.read(baselineFile));

        assertThat(second.findings()).isEmpty();
        assertThat(second.suppressed()).filteredOn(s -> s.kind() == SuppressedFinding.Kind.EXTERNAL)
                .extracting(s -> s.finding().path() + ":" + s.finding().range().line())
                .containsExactlyInAnyOrder("infra/stack.json:3", "template.yaml:5", "template.yaml:19",
                        "template.yaml:19");
    }

    private static String report(String format, AnalysisResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reporters.forFormat(format).orElseThrow().write(result, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
