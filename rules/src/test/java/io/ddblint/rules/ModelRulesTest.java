package io.ddblint.rules;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.Analyzer;
import io.ddblint.core.Finding;
import io.ddblint.core.config.ConfigurationLoader;
import io.ddblint.core.rule.RuleRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DDB-M001..M003 on small projects whose tables are declared in {@code ddb-lint.yml}: the rules read the model and
 * the key-value evidence only, whichever source defines the table.
 */
class ModelRulesTest {

    @TempDir
    Path dir;

    private static final String TABLES = """
            tables:
              - name: events
                partitionKey: pk
                attributes: {pk: S, status: S}
                globalSecondaryIndexes:
                  - name: byStatus
                    partitionKey: status
              - name: users
                partitionKey: userId
                sortKey: sk
                attributes: {userId: S, sk: S}
              - name: orders
                partitionKey: orderId
                attributes: {orderId: S, customerId: S}
                globalSecondaryIndexes:
                  - name: byCustomer
                    partitionKey: customerId
            """;

    private List<String> findings(String rule, String source) throws IOException {
        Path file = dir.resolve("src/main/java/a/Repo.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        RuleRegistry registry = RuleRegistry.loadDefault();
        AnalysisRequest request = AnalysisRequest.of(dir, List.of(dir), true)
                .withConfiguration(ConfigurationLoader.parse("ddb-lint.yml", TABLES, registry.descriptors()));
        return new Analyzer(registry).analyze(request).findings().stream()
                .filter(f -> f.ruleId().equals(rule))
                .map(f -> f.range().line() + " " + f.message()).toList();
    }

    private static String repo(String body) {
        return """
                package a;
                import java.time.*;
                import java.time.temporal.ChronoUnit;
                import java.util.*;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.*;
                class Repo {
                    DynamoDbClient ddb;
                """ + body + "\n}\n";
    }

    @Test
    void constantPartitionKeyWrittenEverywhereIsReportedAtTheDefinitionWithItsEvidence() throws IOException {
        List<String> found = findings("DDB-M001", repo("""
                    void put(String id) {
                        ddb.putItem(PutItemRequest.builder().tableName("events")
                                .item(Map.of("pk", AttributeValue.fromS("EVENT"), "id", AttributeValue.fromS(id)))
                                .build());
                    }
                    void other(String id, boolean flag) {
                        Map<String, AttributeValue> item = new HashMap<>();
                        item.put("pk", AttributeValue.builder().s(flag ? "A" : "B").build());
                        ddb.putItem(r -> r.tableName("events").item(item));
                    }
                """));
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).startsWith("1 Partition key 'pk' of table 'events' takes at most 3 distinct values")
                .contains("`AttributeValue.fromS(\"EVENT\")` at src/main/java/a/Repo.java:11");
    }

    @Test
    void oneNonConstantWriteOrAShardSuffixOrAnUnseenItemSilencesIt() throws IOException {
        assertThat(findings("DDB-M001", repo("""
                    void put(String id) {
                        ddb.putItem(PutItemRequest.builder().tableName("events")
                                .item(Map.of("pk", AttributeValue.fromS("EVENT"))).build());
                        ddb.putItem(PutItemRequest.builder().tableName("events")
                                .item(Map.of("pk", AttributeValue.fromS("EVENT#" + id))).build());
                    }
                """))).isEmpty();
        assertThat(findings("DDB-M001", repo("""
                    void put(String id) {
                        String day = LocalDate.now().toString();
                        ddb.putItem(PutItemRequest.builder().tableName("events")
                                .item(Map.of("pk", AttributeValue.fromS(day + "#" + (id.hashCode() % 10)))).build());
                    }
                """))).isEmpty();
        assertThat(findings("DDB-M001", repo("""
                    void put(Map<String, AttributeValue> item) {
                        ddb.putItem(PutItemRequest.builder().tableName("events")
                                .item(Map.of("pk", AttributeValue.fromS("EVENT"))).build());
                        ddb.putItem(PutItemRequest.builder().tableName("events").item(item).build());
                    }
                """))).isEmpty();
    }

    @Test
    void dateKeysAndSmallEnumsAreLowCardinalityAndReadsAreNotWrites() throws IOException {
        List<String> found = findings("DDB-M001", repo("""
                    enum Kind { A, B, C }
                    void put(Kind kind) {
                        ddb.putItem(PutItemRequest.builder().tableName("events").item(Map.of(
                                "pk", AttributeValue.fromS(Instant.now().truncatedTo(ChronoUnit.DAYS).toString()),
                                "status", AttributeValue.fromS(kind.name()))).build());
                        ddb.getItem(r -> r.tableName("events").key(Map.of("pk", AttributeValue.fromS("X"))));
                    }
                """));
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).contains("'pk' of table 'events' changes only with the date")
                .contains("(one value per day)");
        assertThat(found.get(1)).contains("index 'byStatus'").contains("one of 3 enum constants");
    }

    @Test
    void scanPinningAPartitionKeyNamesTheIndexToQuery() throws IOException {
        List<String> found = findings("DDB-M003", repo("""
                    void find(String c) {
                        ddb.scan(ScanRequest.builder().tableName("orders")
                                .filterExpression("#c = :c AND total > :t")
                                .expressionAttributeNames(Map.of("#c", "customerId")).build());
                        ddb.scan(ScanRequest.builder().tableName("orders")
                                .filterExpression("customerId = :c OR customerId = :d").build());
                        ddb.scan(ScanRequest.builder().tableName("orders").filterExpression("total = :t").build());
                        ddb.scan(ScanRequest.builder().tableName(c).filterExpression("customerId = :c").build());
                    }
                """));
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).startsWith("10 ").contains("index 'byCustomer'");
    }

    @Test
    void hashOnlyTableQueriedOrFilteredByParentIdNeedsASortKey() throws IOException {
        List<String> found = findings("DDB-M002", repo("""
                    void find(String c) {
                        ddb.query(QueryRequest.builder().tableName("orders").keyConditionExpression("orderId = :o")
                                .build());
                        ddb.scan(ScanRequest.builder().tableName("orders").filterExpression("customerId = :c")
                                .build());
                        ddb.query(QueryRequest.builder().tableName("orders").indexName("byCustomer")
                                .keyConditionExpression("customerId = :c").build());
                        ddb.query(QueryRequest.builder().tableName("users").keyConditionExpression("userId = :u")
                                .build());
                    }
                """));
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).startsWith("1 Table 'orders' has partition key 'orderId' and no sort key")
                .contains("a Query on the table").contains("children fetched by parent");
    }
}
