package io.ddblint.core.model;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.Analyzer;
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

/** Each Java source of the model, in the shapes real code writes it, read from small projects. */
class ModelSourcesTest {

    @TempDir
    Path dir;

    static Model model(Path root, List<Path> classpath) {
        AnalysisRequest request = AnalysisRequest.of(root, List.of(root), true).withClasspath(classpath);
        try (ParserPool pool = new ParserPool(request.threads(), request.configuration().fileBudget())) {
            ProjectScan.Facts facts = ProjectScan.run(request, SourceDiscovery.discover(request), pool);
            return Analyzer.link(facts, request.configuration());
        }
    }

    private Model model(Map<String, String> sources) throws IOException {
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
        }
        return model(dir, List.of());
    }

    private static String describe(Table t) {
        StringBuilder s = new StringBuilder(t.name() + ": " + t.keys().attributes());
        for (IndexDefinition i : t.indexes()) {
            s.append(" ").append(i.kind() == IndexDefinition.Kind.GLOBAL ? "gsi " : "lsi ").append(i.name())
                    .append(i.keys().attributes());
        }
        return s.toString();
    }

    private static List<String> tables(Model m) {
        return m.tables().stream().map(ModelSourcesTest::describe).toList();
    }

    @Test
    void v2CreateTableRequestBuilderWithConstantsListsAndIndexes() throws IOException {
        Model m = model(Map.of("src/main/java/a/Names.java", """
                package a;
                public final class Names {
                    public static final String ORDERS = "orders";
                    public static final String PK = "customerId";
                }
                """, "src/main/java/a/Schema.java", """
                package a;
                import java.util.List;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.*;
                class Schema {
                    private static final KeySchemaElement SK = KeySchemaElement.builder().attributeName("orderId")
                            .keyType(KeyType.RANGE).build();
                    void create(DynamoDbClient ddb) {
                        List<AttributeDefinition> attributes = List.of(
                                AttributeDefinition.builder().attributeName(Names.PK)
                                        .attributeType(ScalarAttributeType.S).build(),
                                AttributeDefinition.builder().attributeName("orderId").attributeType("N").build(),
                                AttributeDefinition.builder().attributeName("storeId")
                                        .attributeType(ScalarAttributeType.S).build());
                        ddb.createTable(CreateTableRequest.builder()
                                .tableName(Names.ORDERS)
                                .keySchema(KeySchemaElement.builder().attributeName(Names.PK).keyType(KeyType.HASH)
                                        .build(), SK)
                                .attributeDefinitions(attributes)
                                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byStore")
                                        .keySchema(k -> k.attributeName("storeId").keyType(KeyType.HASH))
                                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())
                                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byTotal")
                                        .keySchema(List.of(KeySchemaElement.builder().attributeName(Names.PK)
                                                .keyType(KeyType.HASH).build(), KeySchemaElement.builder()
                                                .attributeName("total").keyType(KeyType.RANGE).build())).build())
                                .build());
                    }
                    void lambda(DynamoDbClient ddb) {
                        ddb.createTable(b -> b.tableName("events")
                                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.B)));
                    }
                }
                """));
        assertThat(tables(m)).containsExactly(
                "events: [pk (B)]",
                "orders: [customerId (S), orderId (N)] gsi byStore[storeId (S)] lsi byTotal[customerId (S), total]");
        Table orders = m.table("orders").orElseThrow();
        assertThat(orders.sources()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(ModelSource.Kind.CREATE_TABLE);
            assertThat(s.location().path()).isEqualTo("src/main/java/a/Schema.java");
            assertThat(s.location().range().line()).isEqualTo(15);
            assertThat(s.member()).isEqualTo("a.Schema#create(DynamoDbClient)");
        });
    }

    @Test
    void v1CreateTableRequestWithChainsConstructorsAndSetters() throws IOException {
        Model m = model(Map.of("src/main/java/a/Schema.java", """
                package a;
                import java.util.ArrayList;
                import java.util.Arrays;
                import java.util.List;
                import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
                import com.amazonaws.services.dynamodbv2.document.DynamoDB;
                import com.amazonaws.services.dynamodbv2.model.*;
                class Schema {
                    void chain(AmazonDynamoDB ddb) {
                        ddb.createTable(new CreateTableRequest().withTableName("users")
                                .withKeySchema(new KeySchemaElement("userId", KeyType.HASH),
                                        new KeySchemaElement().withAttributeName("createdAt").withKeyType("RANGE"))
                                .withAttributeDefinitions(new AttributeDefinition("userId", ScalarAttributeType.S),
                                        new AttributeDefinition().withAttributeName("createdAt")
                                                .withAttributeType(ScalarAttributeType.N))
                                .withGlobalSecondaryIndexes(new GlobalSecondaryIndex().withIndexName("byEmail")
                                        .withKeySchema(new KeySchemaElement("email", KeyType.HASH))));
                    }
                    void setters(AmazonDynamoDB ddb) {
                        List<KeySchemaElement> keys = new ArrayList<>();
                        keys.add(new KeySchemaElement("sku", KeyType.HASH));
                        CreateTableRequest request = new CreateTableRequest();
                        request.setTableName("products");
                        request.setKeySchema(keys);
                        request.setAttributeDefinitions(Arrays.asList(new AttributeDefinition("sku", "S")));
                        ddb.createTable(request);
                    }
                    void constructor(AmazonDynamoDB ddb) {
                        ddb.createTable(new CreateTableRequest("carts",
                                Arrays.asList(new KeySchemaElement("cartId", KeyType.HASH))));
                    }
                    void document(DynamoDB dynamoDB) {
                        dynamoDB.createTable("sessions", Arrays.asList(new KeySchemaElement("sid", KeyType.HASH)),
                                Arrays.asList(new AttributeDefinition("sid", ScalarAttributeType.S)),
                                new ProvisionedThroughput(1L, 1L));
                    }
                }
                """));
        assertThat(tables(m)).containsExactly(
                "carts: [cartId]",
                "products: [sku (S)]",
                "sessions: [sid (S)]",
                "users: [userId (S), createdAt (N)] gsi byEmail[email]");
    }

    @Test
    void aTableNameThatIsNotConstantMakesNoTable() throws IOException {
        Model m = model(Map.of("src/main/java/a/Schema.java", """
                package a;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.*;
                class Schema {
                    void create(DynamoDbClient ddb) {
                        ddb.createTable(CreateTableRequest.builder().tableName(System.getenv("TABLE"))
                                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH)
                                        .build()).build());
                    }
                }
                """));
        assertThat(m.tables()).isEmpty();
    }
}
