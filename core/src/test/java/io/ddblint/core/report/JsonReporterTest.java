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
                "unresolved", "model");
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
    void describesEachTableOfTheModelInTheDocumentedShape() {
        JsonNode orders = report.at("/model/tables/0");
        List<String> keys = new ArrayList<>();
        orders.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("name", "partitionKey", "sortKey", "globalSecondaryIndexes",
                "localSecondaryIndexes", "sources", "conflicts", "accessPatterns");
        assertThat(orders.get("name").asText()).isEqualTo("orders");
        assertThat(orders.at("/partitionKey/name").asText()).isEqualTo("customerId");
        assertThat(orders.at("/partitionKey/type").asText()).isEqualTo("S");
        assertThat(orders.at("/sortKey/name").asText()).isEqualTo("orderId");
        assertThat(orders.at("/globalSecondaryIndexes/0/name").asText()).isEqualTo("byStatus");
        assertThat(orders.at("/globalSecondaryIndexes/0/sortKey/type").isNull()).isTrue();
        assertThat(orders.at("/globalSecondaryIndexes/1/sortKey").isNull()).isTrue();
        assertThat(orders.at("/localSecondaryIndexes/0/sortKey/type").asText()).isEqualTo("N");
        assertThat(orders.at("/sources/1/kind").asText()).isEqualTo("cloudformation");
        assertThat(orders.at("/sources/1/path").asText()).isEqualTo("src/main/resources/template.yaml");
        assertThat(orders.at("/sources/1/line").asInt()).isEqualTo(33);
        assertThat(orders.get("conflicts")).isEmpty();
    }

    @Test
    void listsTheAccessPatternsOfEachTableAndTheUnlinkedCallSites() {
        JsonNode patterns = report.at("/model/tables/0/accessPatterns");
        assertThat(patterns).hasSize(2);
        assertThat(patterns.get(1).get("operation").asText()).isEqualTo("QUERY");
        assertThat(patterns.get(1).get("index").asText()).isEqualTo("byCustomer");
        assertThat(patterns.get(1).get("keyCondition").asText()).isEqualTo("customerId = :c");
        assertThat(patterns.get(1).get("line").asInt()).isEqualTo(34);
        assertThat(patterns.get(1).get("production").asBoolean()).isTrue();

        JsonNode reports = report.at("/model/tables/1");
        assertThat(reports.get("sortKey").isNull()).isTrue();
        assertThat(reports.at("/partitionKey/type").isNull()).isTrue();
        assertThat(reports.get("conflicts").get(0).asText()).startsWith("sort key id in create-table");
        assertThat(reports.get("accessPatterns")).isEmpty();

        JsonNode unlinked = report.at("/model/unlinked");
        assertThat(unlinked).hasSize(1);
        assertThat(unlinked.get(0).get("table").asText()).isEqualTo("tableName");
        assertThat(unlinked.get(0).get("projection").asText()).isEqualTo("id, #n");
        assertThat(unlinked.get(0).get("production").asBoolean()).isFalse();
    }

    @Test
    void writesAnEmptyModelWhenTheResultHasNone() throws IOException {
        JsonNode empty = new ObjectMapper().readTree(
                GoldenReportTest.bytes(new JsonReporter(ReportFixtures.VERSION), ReportFixtures.empty()));
        assertThat(empty.at("/model/tables")).isEmpty();
        assertThat(empty.at("/model/unlinked")).isEmpty();
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
