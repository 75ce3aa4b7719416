package io.ddblint.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.SourceRange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

import static io.ddblint.core.report.ReportFixtures.SCAN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our SARIF must be valid against the official SARIF 2.1.0 schema, which GitHub code scanning also checks uploads
 * against.
 *
 * <p>{@code src/test/resources/sarif/sarif-schema-2.1.0.json} is the OASIS committee-specification schema (draft-07),
 * copied unchanged from oasis-tcs/sarif-spec, {@code Documents/CommitteeSpecifications/2.1.0/sarif-schema-2.1.0.json}
 * at commit 3682e9ee648f2f3e11ba1fcd47fc390a0b8f9dab (112,318 bytes). Vendored so the test runs offline.
 */
class SarifSchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            assertThat(in).as("vendored SARIF schema").isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        }
    }

    @Test
    void sampleIsValid() throws IOException {
        assertThat(validate(sarif(ReportFixtures.sample()))).isEmpty();
    }

    @Test
    void emptyResultIsValid() throws IOException {
        assertThat(validate(sarif(ReportFixtures.empty()))).isEmpty();
    }

    @Test
    void unknownPositionsAndOddPathsAreValid() throws IOException {
        AnalysisResult result = ReportFixtures.with(
                List.of(ReportFixtures.finding(SCAN, "/elsewhere/gen/Generated Repo.java", SourceRange.UNKNOWN,
                                "outside the project", null),
                        ReportFixtures.finding(SCAN, "src/main/java/com/acme/Caf\u00e9 #1%.java",
                                SourceRange.at(3, 0), "odd characters in the path", null)),
                List.of(new AnalysisProblem(AnalysisProblem.Kind.CONFIGURATION, null, SourceRange.UNKNOWN,
                        "ddb-lint.yml: unknown rule 'DDB-X999'")));
        JsonNode log = sarif(result);

        assertThat(validate(log)).isEmpty();
        JsonNode results = log.at("/runs/0/results");
        assertThat(results.get(0).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("file:///elsewhere/gen/Generated%20Repo.java");
        assertThat(results.get(0).at("/locations/0/physicalLocation/artifactLocation").has("uriBaseId")).isFalse();
        assertThat(results.get(0).at("/locations/0/physicalLocation").has("region")).isFalse();
        assertThat(results.get(1).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("src/main/java/com/acme/Caf%C3%A9%20%231%25.java");
        assertThat(results.get(1).at("/locations/0/physicalLocation/region").toString())
                .isEqualTo("{\"startLine\":3,\"endLine\":3}");
        assertThat(log.at("/runs/0/invocations/0/toolExecutionNotifications/0").has("locations")).isFalse();
    }

    @Test
    void ruleIndexPointsAtTheResultsRule() throws IOException {
        JsonNode run = sarif(ReportFixtures.sample()).at("/runs/0");
        // Three reported findings and two suppressed ones, which stay in the log as suppressed results.
        assertThat(run.get("results")).hasSize(5).allSatisfy(result -> assertThat(
                run.at("/tool/driver/rules/" + result.get("ruleIndex").asInt() + "/id").asText())
                .isEqualTo(result.get("ruleId").asText()));
    }

    @Test
    void suppressedFindingsCarryTheirSuppression() throws IOException {
        JsonNode results = sarif(ReportFixtures.sample()).at("/runs/0/results");
        assertThat(results.get(2).has("suppressions")).isFalse();
        assertThat(results.get(3).at("/suppressions/0/kind").asText()).isEqualTo("external");
        assertThat(results.get(4).at("/suppressions/0/kind").asText()).isEqualTo("inSource");
        assertThat(results.get(4).at("/suppressions/0/justification").asText())
                .isEqualTo("nightly export reads everything by design");
    }

    @Test
    void rulesHaveNoHelpUriWithoutADocumentationBaseUrl() throws IOException {
        JsonNode rules = sarif(ReportFixtures.sample()).at("/runs/0/tool/driver/rules");

        assertThat(rules).hasSize(2).allSatisfy(rule -> {
            assertThat(rule.has("helpUri")).isFalse();
            assertThat(rule.at("/help/markdown").asText()).isNotBlank();
        });
    }

    @Test
    void rulesLinkToTheirPageUnderTheDocumentationBaseUrl() throws IOException {
        for (String base : List.of("https://docs.example.com/ddb-lint/rules",
                "https://docs.example.com/ddb-lint/rules/")) {
            JsonNode log = sarif(withDocBaseUrl(ReportFixtures.sample(), base));

            assertThat(validate(log)).isEmpty();
            assertThat(log.at("/runs/0/tool/driver/rules/0/helpUri").asText())
                    .isEqualTo("https://docs.example.com/ddb-lint/rules/DDB-C004");
            assertThat(log.at("/runs/0/tool/driver/rules/1/helpUri").asText())
                    .isEqualTo("https://docs.example.com/ddb-lint/rules/DDB-P001");
        }
    }

    /** Proves the validator is awake: without this, an always-empty answer would pass every test above. */
    @Test
    void validatorRejectsAResultWithoutMessage() throws IOException {
        JsonNode log = sarif(ReportFixtures.sample());
        ((ObjectNode) log.at("/runs/0/results/0")).remove("message");

        assertThat(validate(log)).isNotEmpty()
                .anySatisfy(m -> assertThat(m.getMessage()).contains("message"));
    }

    @Test
    void validatorRejectsAnUnknownLevel() throws IOException {
        JsonNode log = sarif(ReportFixtures.sample());
        ((ObjectNode) log.at("/runs/0/results/0")).put("level", "warn");

        assertThat(validate(log)).isNotEmpty();
    }

    private static AnalysisResult withDocBaseUrl(AnalysisResult r, String docBaseUrl) {
        return new AnalysisResult(r.projectRoot(), r.findings(), r.suppressed(), r.problems(), r.rules(),
                r.callSites(), r.stats(), r.unresolved(), docBaseUrl);
    }

    private static JsonNode sarif(AnalysisResult result) throws IOException {
        return MAPPER.readTree(GoldenReportTest.bytes(new SarifReporter(ReportFixtures.VERSION), result));
    }

    private static Set<ValidationMessage> validate(JsonNode log) {
        return schema.validate(log);
    }
}
