package io.ddblint.core.keys;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.Analyzer;
import io.ddblint.core.config.ConfigurationLoader;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.model.KeyWrite;
import io.ddblint.core.model.KeyWrites;
import io.ddblint.core.model.Model;
import io.ddblint.core.model.Table;
import io.ddblint.core.scan.ProjectScan;
import io.ddblint.core.source.ParserPool;
import io.ddblint.core.source.SourceDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the key-value evidence reads from each way of writing an item, and what it leaves unknown. */
class KeyEvidenceTest {

    @TempDir
    Path dir;

    private static final String TABLES = """
            tables:
              - name: t
                partitionKey: pk
                attributes: {pk: S}
            """;

    private Model model(String... sources) throws IOException {
        for (String source : sources) {
            // each file named after its first type, as javac wants it for public ones
            String name = source.replaceAll("(?s).*?(?:class|enum) (\\w+).*", "$1");
            Path file = dir.resolve("src/main/java/a/" + name + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
        }
        AnalysisRequest request = AnalysisRequest.of(dir, List.of(dir), true)
                .withConfiguration(ConfigurationLoader.parse("ddb-lint.yml", TABLES, List.of()));
        try (ParserPool pool = new ParserPool(request.threads(), request.configuration().fileBudget())) {
            ProjectScan.Facts facts = ProjectScan.run(request, SourceDiscovery.discover(request), pool);
            return Analyzer.link(facts, request.configuration());
        }
    }

    private static KeyWrites pk(Model m) {
        Table t = m.table("t").orElseThrow();
        return m.keyWrites(t, "pk");
    }

    private static List<String> described(KeyWrites w) {
        return w.writes().stream().map(k -> k.kind() + (k.kind() == KeyWrite.Kind.CONSTANT ? " " + k.constants()
                : k.kind() == KeyWrite.Kind.DATE ? " " + k.unit() : k.kind() == KeyWrite.Kind.ENUM
                ? " " + k.enumConstants() : "")).toList();
    }

    @Test
    void v1LowLevelItemsConstructorsWithersAndConstantsAcrossFiles() throws IOException {
        Model m = model("""
                package a;
                public final class Keys { public static final String NS = "NAMESPACE"; }
                """, """
                package a;
                import java.util.*;
                import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
                import com.amazonaws.services.dynamodbv2.model.*;
                class Repo {
                    AmazonDynamoDB ddb;
                    void a() {
                        Map<String, AttributeValue> item = new HashMap<>();
                        item.put("pk", new AttributeValue(Keys.NS));
                        ddb.putItem("t", item);
                    }
                    void b() {
                        ddb.putItem(new PutItemRequest().withTableName("t")
                                .withItem(Collections.singletonMap("pk", new AttributeValue().withS("OTHER"))));
                    }
                }
                """);
        KeyWrites w = pk(m);
        assertThat(w.complete()).isTrue();
        assertThat(described(w)).containsExactly("CONSTANT [NAMESPACE]", "CONSTANT [OTHER]");
    }

    @Test
    void documentApiItemsAndUpdateKeys() throws IOException {
        Model m = model("""
                package a;
                import java.time.LocalDate;
                import com.amazonaws.services.dynamodbv2.document.*;
                class Repo {
                    DynamoDB dynamo;
                    void a(String id) {
                        Table table = dynamo.getTable("t");
                        table.putItem(new Item().withPrimaryKey("pk", LocalDate.now().toString()).withString("x", id));
                        table.updateItem("pk", "FIXED");
                    }
                }
                """);
        assertThat(described(pk(m))).containsExactly("DATE day", "CONSTANT [FIXED]");
        assertThat(pk(m).complete()).isTrue();
    }

    @Test
    void mapperEntitiesSavedWithSettersAndUnseenEntitiesMakeTheEvidenceIncomplete() throws IOException {
        String entity = """
                package a;
                import com.amazonaws.services.dynamodbv2.datamodeling.*;
                @DynamoDBTable(tableName = "t")
                public class E {
                    private String key;
                    @DynamoDBHashKey(attributeName = "pk")
                    public String getKey() { return key; }
                    public void setKey(String key) { this.key = key; }
                }
                """;
        Model seen = model(entity, """
                package a;
                import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;
                class Repo {
                    DynamoDBMapper mapper;
                    void a() {
                        E e = new E();
                        e.setKey("SINGLETON");
                        mapper.save(e);
                    }
                }
                """);
        assertThat(described(pk(seen))).containsExactly("CONSTANT [SINGLETON]");
        assertThat(pk(seen).complete()).isTrue();

        Model unseen = model(entity, """
                package a;
                import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;
                class Repo {
                    DynamoDBMapper mapper;
                    void b(E e) {
                        mapper.save(e);
                    }
                }
                """);
        assertThat(pk(unseen).complete()).isFalse();
    }

    @Test
    void shardSuffixesAndPreciseTimesAreOtherValues() throws IOException {
        Model m = model("""
                package a;
                import java.time.*;
                import java.util.Map;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
                class Repo {
                    DynamoDbClient ddb;
                    void a(String id) {
                        ddb.putItem(r -> r.tableName("t").item(Map.of("pk",
                                AttributeValue.fromS(LocalDate.now() + "#" + (id.hashCode() % 10)))));
                        ddb.putItem(r -> r.tableName("t").item(Map.of("pk",
                                AttributeValue.fromS(Instant.now().toString()))));
                        ddb.putItem(r -> r.tableName("t").item(Map.of("pk",
                                AttributeValue.fromS("DAY#" + LocalDate.now()))));
                        LocalDateTime at = LocalDateTime.now();
                        ddb.putItem(r -> r.tableName("t").item(Map.of("pk", AttributeValue.fromS(at.toString()))));
                    }
                }
                """);
        assertThat(described(pk(m))).containsExactly("OTHER", "OTHER", "DATE day", "OTHER");
    }

    @Test
    void placeholderNamesOfEnhancedExpressionsAndV1Requests() throws IOException {
        Model m = model("""
                package a;
                import java.util.Map;
                import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
                import com.amazonaws.services.dynamodbv2.model.ScanRequest;
                class Repo {
                    AmazonDynamoDB ddb;
                    void a() {
                        ddb.scan(new ScanRequest("t").withFilterExpression("#s = :s")
                                .addExpressionAttributeNamesEntry("#s", "status"));
                    }
                }
                """);
        CallSite scan = m.callSites().stream().filter(s -> s.operation() == Operation.SCAN).findFirst()
                .orElseThrow();
        assertThat(m.attributeNames(scan)).isEqualTo(Map.of("#s", "status"));
    }

    @Test
    void enhancedBeansPutWithSettersOrBuilders() throws IOException {
        Model m = model("""
                package a;
                import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;
                @DynamoDbBean
                public class Thing {
                    private String pk;
                    @DynamoDbPartitionKey
                    public String getPk() { return pk; }
                    public void setPk(String pk) { this.pk = pk; }
                }
                """, """
                package a;
                import software.amazon.awssdk.enhanced.dynamodb.*;
                class Repo {
                    DynamoDbTable<Thing> table;
                    Repo(DynamoDbEnhancedClient enhanced) {
                        table = enhanced.table("t", TableSchema.fromBean(Thing.class));
                    }
                    void a(boolean b) {
                        Thing thing = new Thing();
                        thing.setPk(b ? "ONE" : "TWO");
                        table.putItem(thing);
                    }
                }
                """);
        assertThat(described(pk(m))).containsExactly("CONSTANT [ONE, TWO]");
        assertThat(pk(m).complete()).isTrue();
    }

    @Test
    void patternUnits() {
        assertThat(ValueClassifier.patternUnit("yyyy-MM-dd")).contains("day");
        assertThat(ValueClassifier.patternUnit("yyyy-MM-dd'T'HH")).contains("hour");
        assertThat(ValueClassifier.patternUnit("yyyyMM")).contains("month");
        assertThat(ValueClassifier.patternUnit("yyyy-MM-dd HH:mm")).isEmpty();
    }
}
