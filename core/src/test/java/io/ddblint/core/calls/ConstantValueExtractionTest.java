package io.ddblint.core.calls;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.facts.AttributeMap;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ConstantValue;
import io.ddblint.core.facts.ConstantValue.Type;
import io.ddblint.core.facts.TransactAction;
import io.ddblint.core.facts.Value;
import io.ddblint.core.rule.RuleRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Constant AttributeValues, key and item maps and transaction actions, as the request facts hold them. */
class ConstantValueExtractionTest {

    private static final String HEADER = """
            package a;
            import java.util.*;
            import software.amazon.awssdk.core.SdkBytes;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.dynamodb.model.*;
            class Repo {
                DynamoDbClient ddb;
            """;

    @TempDir
    Path dir;

    private List<CallSite> sites(String body) throws IOException {
        Path file = dir.resolve("src/main/java/a/Repo.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, HEADER + body + "\n}\n");
        AnalysisResult r = new Analyzer(RuleRegistry.of(List.of())).analyze(AnalysisRequest.of(dir, List.of(dir), true));
        return r.callSites();
    }

    private static AttributeMap known(Value<AttributeMap> v) {
        assertThat(v).isInstanceOf(Value.Known.class);
        return v.known().orElseThrow();
    }

    @Test
    void expressionAttributeValuesKeepTheirTypesAndContents() throws IOException {
        CallSite site = sites("""
                void f(String id) {
                    ddb.query(b -> b.tableName("t").keyConditionExpression("pk = :p and sk > :n")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.builder().s("x").build(),
                            ":n", AttributeValue.fromN("12.5"), ":e", AttributeValue.builder().build(),
                            ":ss", AttributeValue.builder().ss("a", "a").build(),
                            ":ns", AttributeValue.fromNs(List.of()), ":id", AttributeValue.fromS(id),
                            ":b", AttributeValue.fromB(SdkBytes.fromUtf8String("z")),
                            ":two", AttributeValue.builder().s("a").n("1").build())));
                }
                """).get(0);
        AttributeMap values = known(site.request().attributeValueContents());
        assertThat(values.complete()).isTrue();
        assertThat(values.get(":p")).contains(new ConstantValue.Scalar(Type.S, "x"));
        assertThat(values.get(":n")).contains(new ConstantValue.Scalar(Type.N, "12.5"));
        assertThat(values.get(":e")).contains(new ConstantValue.Untyped(List.of()));
        assertThat(values.get(":ss")).contains(new ConstantValue.SetOf(Type.SS, List.of("a", "a")));
        assertThat(values.get(":ns")).contains(new ConstantValue.SetOf(Type.NS, List.of()));
        assertThat(values.get(":id")).contains(new ConstantValue.Scalar(Type.S, null));
        assertThat(values.get(":b")).contains(new ConstantValue.Scalar(Type.B, "z"));
        assertThat(values.get(":two")).contains(new ConstantValue.Untyped(List.of(Type.S, Type.N)));
        assertThat(site.request().attributeValues().known().orElseThrow().keys()).isEqualTo(values.entries().keySet());
    }

    @Test
    void keysFromHashMapsWithConditionalPutsAreIncomplete() throws IOException {
        List<CallSite> sites = sites("""
                void f(String id, boolean sorted) {
                    Map<String, AttributeValue> key = new HashMap<>();
                    key.put("pk", AttributeValue.fromS(id));
                    if (sorted) {
                        key.put("sk", AttributeValue.fromS("x"));
                    }
                    ddb.getItem(GetItemRequest.builder().tableName("t").key(key).build());
                    Map<String, AttributeValue> whole = new HashMap<>();
                    whole.put("pk", AttributeValue.fromS(id));
                    whole.put("n", AttributeValue.builder().n("1").build());
                    ddb.deleteItem(b -> b.tableName("t").key(whole));
                    ddb.putItem(b -> b.tableName("t").item(Map.of("pk", AttributeValue.fromN("1"))));
                    ddb.updateItem(b -> b.tableName("t").key(helper()));
                }
                Map<String, AttributeValue> helper() { return null; }
                """);
        AttributeMap partial = known(sites.get(0).request().key());
        assertThat(partial.complete()).isFalse();
        assertThat(partial.entries()).containsOnlyKeys("pk");
        AttributeMap whole = known(sites.get(1).request().key());
        assertThat(whole.complete()).isTrue();
        assertThat(whole.entries()).containsOnlyKeys("pk", "n");
        assertThat(known(sites.get(2).request().item()).get("pk")).contains(new ConstantValue.Scalar(Type.N, "1"));
        assertThat(sites.get(3).request().key()).isInstanceOf(Value.Unknown.class);
        assertThat(sites.get(0).request().item()).isInstanceOf(Value.Absent.class);
    }

    @Test
    void v1ValuesAndKeys() throws IOException {
        Path file = dir.resolve("src/main/java/a/V1.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package a;
                import java.util.*;
                import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
                import com.amazonaws.services.dynamodbv2.model.*;
                class V1 {
                    AmazonDynamoDB ddb;
                    void f() {
                        AttributeValue n = new AttributeValue();
                        n.setN("1e400");
                        ddb.getItem(new GetItemRequest("t", Map.of("pk", new AttributeValue("a"))));
                        ddb.deleteItem(new DeleteItemRequest().withTableName("t")
                            .withKey(Collections.singletonMap("pk", new AttributeValue().withN("7")))
                            .withConditionExpression("x = :x").withExpressionAttributeValues(Map.of(":x", n)));
                    }
                }
                """);
        AnalysisResult r = new Analyzer(RuleRegistry.of(List.of())).analyze(AnalysisRequest.of(dir, List.of(dir), true));
        List<CallSite> sites = r.callSites();
        assertThat(known(sites.get(0).request().key()).get("pk")).contains(new ConstantValue.Scalar(Type.S, "a"));
        assertThat(known(sites.get(1).request().key()).get("pk")).contains(new ConstantValue.Scalar(Type.N, "7"));
        assertThat(known(sites.get(1).request().attributeValueContents()).get(":x"))
                .contains(new ConstantValue.Scalar(Type.N, "1e400"));
    }

    @Test
    void transactionActionsWithTheirTablesAndKeys() throws IOException {
        CallSite site = sites("""
                void f() {
                    Map<String, AttributeValue> k = Map.of("pk", AttributeValue.fromS("1"));
                    TransactWriteItem twice = TransactWriteItem.builder()
                        .put(Put.builder().tableName("t").item(k).build())
                        .delete(d -> d.tableName("t").key(k)).build();
                    ddb.transactWriteItems(b -> b.transactItems(List.of(
                        TransactWriteItem.builder().update(u -> u.tableName("t").key(k).updateExpression("SET a = :a"))
                            .build(),
                        twice)));
                }
                """).get(0);
        List<TransactAction> actions = site.request().transactItems().known().orElseThrow();
        assertThat(actions).hasSize(2);
        assertThat(actions.get(0).kinds()).containsExactly(TransactAction.Kind.UPDATE);
        assertThat(known(actions.get(0).key()).entries()).containsOnlyKeys("pk");
        assertThat(actions.get(1).kinds()).containsExactly(TransactAction.Kind.PUT, TransactAction.Kind.DELETE);
    }

    @Test
    void enhancedKeysArePositional() throws IOException {
        Path file = dir.resolve("src/main/java/a/Enh.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package a;
                import software.amazon.awssdk.enhanced.dynamodb.*;
                class Enh {
                    void f(DynamoDbEnhancedClient enhanced, String id) {
                        DynamoDbTable<Object> t = enhanced.table("t", TableSchema.fromBean(Object.class));
                        t.getItem(Key.builder().partitionValue(id).sortValue(7).build());
                        t.getItem(r -> r.key(k -> k.partitionValue("a")).consistentRead(true));
                    }
                }
                """);
        AnalysisResult r = new Analyzer(RuleRegistry.of(List.of())).analyze(AnalysisRequest.of(dir, List.of(dir), true));
        List<CallSite> sites = r.callSites();
        assertThat(sites.get(0).request().positionalKey().known()).contains(new io.ddblint.core.facts.PositionalKey(
                new ConstantValue.Scalar(Type.S, null), new ConstantValue.Scalar(Type.N, "7")));
        assertThat(sites.get(1).request().positionalKey().known()).contains(new io.ddblint.core.facts.PositionalKey(
                new ConstantValue.Scalar(Type.S, "a"), null));
        assertThat(sites.get(1).request().consistentRead().known()).contains(true);
    }
}
