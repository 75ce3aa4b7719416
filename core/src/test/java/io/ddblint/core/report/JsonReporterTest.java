package io.ddblint.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReporterTest {

    private final JsonNode report = read();

    @Test
    void hasTheDocumentedTopLevelStructure() {
        List<String> keys = new ArrayList<>();
        report.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("tool", "summary", "findings", "suppressed", "problems", "accessPatterns",
                "unresolved");
        assertThat(report.at("/summary/stats").has("durationMillis")).isFalse();
    }

    @Test
    void namesTablesByValueWhenLiteralAndByCodeOtherwise() {
        JsonNode patterns = report.get("accessPatterns");
        assertThat(patterns.get(0).get("table").asText()).isEqualTo("orders");
        assertThat(patterns.get(0).get("index").isNull()).isTrue();
        assertThat(patterns.get(1).get("table").asText()).isEqualTo("Tables.ORDERS");
        assertThat(patterns.get(1).get("index").asText()).isEqualTo("byCustomer");
        assertThat(patterns.get(2).get("table").asText()).isEqualTo("tableName");
        assertThat(patterns.get(2).get("production").asBoolean()).isFalse();
    }

    @Test
    void listsExpressionsInAFixedOrder() {
        List<String> names = new ArrayList<>();
        report.at("/accessPatterns/1/expressions").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("KeyConditionExpression", "FilterExpression");
    }

    @Test
    void keepsAbsentValuesAsNull() {
        assertThat(report.at("/findings/1").has("fixHint")).isTrue();
        assertThat(report.at("/findings/1/fixHint").isNull()).isTrue();
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(
                    GoldenReportTest.bytes(new JsonReporter(ReportFixtures.VERSION), ReportFixtures.sample()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
