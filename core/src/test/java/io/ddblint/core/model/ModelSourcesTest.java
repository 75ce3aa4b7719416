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
        return model(AnalysisRequest.of(root, List.of(root), true).withClasspath(classpath));
    }

    /** The model as the analyzer links it, without running rules. */
    static Model model(AnalysisRequest request) {
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

    @Test
    void enhancedBeansImmutablesRecordsAndLombokBoundByEnhancedTable() throws IOException {
        Model m = model(Map.of("src/main/java/a/Status.java", """
                package a;
                public enum Status { OPEN, CLOSED }
                """, "src/main/java/a/Ticket.java", """
                package a;
                import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;
                @DynamoDbBean
                public class Ticket {
                    public static final String BY_STATUS = "byStatus";
                    private String id;
                    @DynamoDbPartitionKey
                    @DynamoDbAttribute("ticket_id")
                    public String getId() { return id; }
                    public void setId(String id) { this.id = id; }
                    @DynamoDbSortKey
                    public long getVersion() { return 0; }
                    @DynamoDbSecondaryPartitionKey(indexNames = BY_STATUS)
                    public Status getStatus() { return null; }
                    @DynamoDbSecondarySortKey(indexNames = {BY_STATUS, "byPriority"})
                    public Integer getPriority() { return 1; }
                    public String getTitle() { return null; }
                }
                """, "src/main/java/a/Event.java", """
                package a;
                import lombok.Getter;
                import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
                import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
                import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
                import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
                @DynamoDbBean
                public class Event {
                    @Getter(onMethod_ = @DynamoDbPartitionKey)
                    private String streamId;
                    @Getter(onMethod_ = {@DynamoDbSortKey, @DynamoDbAttribute("seq")})
                    private byte[] sequence;
                }
                """, "src/main/java/a/Price.java", """
                package a;
                import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;
                @DynamoDbImmutable(builder = Price.Builder.class)
                public record Price(@DynamoDbPartitionKey String sku, @DynamoDbSortKey java.math.BigDecimal amount) {
                    public static final class Builder { }
                }
                """, "src/main/java/a/Repo.java", """
                package a;
                import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
                import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
                import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
                class Repo {
                    private static final TableSchema<Ticket> TICKETS = TableSchema.fromBean(Ticket.class);
                    private final DynamoDbTable<Ticket> tickets;
                    Repo(DynamoDbEnhancedClient enhanced) {
                        tickets = enhanced.table("tickets", TICKETS);
                        enhanced.table("events", TableSchema.fromBean(Event.class));
                        enhanced.table("prices", TableSchema.fromImmutableClass(Price.class));
                    }
                }
                """));
        assertThat(tables(m)).containsExactly(
                "events: [streamId (S), seq (B)]",
                "prices: [sku (S), amount (N)]",
                "tickets: [ticket_id (S), version (N)] gsi byStatus[status (S), priority (N)]"
                        + " lsi byPriority[ticket_id (S), priority (N)]");
        ModelSource source = m.table("tickets").orElseThrow().primarySource();
        assertThat(source.kind()).isEqualTo(ModelSource.Kind.ENHANCED_BEAN);
        assertThat(source.location().path()).isEqualTo("src/main/java/a/Ticket.java");
        assertThat(source.location().range().line()).isEqualTo(4);
        assertThat(source.member()).isEqualTo("a.Ticket");
    }

    @Test
    void anUnboundBeanIsNoTable() throws IOException {
        Model m = model(Map.of("src/main/java/a/Ticket.java", """
                package a;
                import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;
                @DynamoDbBean
                public class Ticket {
                    @DynamoDbPartitionKey
                    public String getId() { return null; }
                }
                """));
        assertThat(m.tables()).isEmpty();
    }

    @Test
    void staticTableSchemasWithKeyTags() throws IOException {
        Model m = model(Map.of("src/main/java/a/Customer.java", """
                package a;
                import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
                import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
                import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.*;
                public class Customer {
                    private String id;
                    private String email;
                    public String getId() { return id; }
                    public void setId(String id) { this.id = id; }
                    public String getEmail() { return email; }
                    public void setEmail(String email) { this.email = email; }
                    public static final TableSchema<Customer> SCHEMA = StaticTableSchema.builder(Customer.class)
                            .newItemSupplier(Customer::new)
                            .addAttribute(String.class, a -> a.name("id").getter(Customer::getId)
                                    .setter(Customer::setId).tags(primaryPartitionKey()))
                            .addAttribute(String.class, a -> a.name("email").getter(Customer::getEmail)
                                    .setter(Customer::setEmail).tags(secondaryPartitionKey("byEmail")))
                            .build();
                }
                """, "src/main/java/a/Repo.java", """
                package a;
                import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
                class Repo {
                    void bind(DynamoDbEnhancedClient enhanced) {
                        enhanced.table("customers", Customer.SCHEMA).scan();
                    }
                }
                """));
        assertThat(tables(m)).containsExactly("customers: [id (S)] gsi byEmail[email (S)]");
        assertThat(m.table("customers").orElseThrow().primarySource().kind())
                .isEqualTo(ModelSource.Kind.STATIC_SCHEMA);
    }

    @Test
    void v1MapperEntitiesOnGettersAndFieldsWithRenamesAndInheritedKeys() throws IOException {
        Model m = model(Map.of("src/main/java/a/Base.java", """
                package a;
                import com.amazonaws.services.dynamodbv2.datamodeling.*;
                public abstract class Base {
                    @DynamoDBHashKey(attributeName = "PK")
                    private String pk;
                    @DynamoDBRangeKey
                    @DynamoDBAttribute(attributeName = "SK")
                    private String sk;
                }
                """, "src/main/java/a/Item.java", """
                package a;
                import com.amazonaws.services.dynamodbv2.datamodeling.*;
                @DynamoDBTable(tableName = "app")
                public class Item extends Base {
                    @DynamoDBIndexHashKey(globalSecondaryIndexNames = {"GSI1", "GSI2"}, attributeName = "GSI1PK")
                    public String getGsi1pk() { return null; }
                    @DynamoDBIndexRangeKey(globalSecondaryIndexName = "GSI1")
                    public Long getCreated() { return null; }
                    @DynamoDBIndexRangeKey(localSecondaryIndexName = "byScore")
                    public double getScore() { return 0; }
                }
                """));
        assertThat(tables(m)).containsExactly("app: [PK (S), SK (S)] gsi GSI1[GSI1PK (S), created (N)]"
                + " gsi GSI2[GSI1PK (S)] lsi byScore[PK (S), score (N)]");
        assertThat(m.table("app").orElseThrow().primarySource().kind()).isEqualTo(ModelSource.Kind.MAPPER_ENTITY);
    }

    @Test
    void cdkTablesByImportWithoutTheCdkOnTheClasspath() throws IOException {
        Model m = model(Map.of("src/main/java/a/Stack.java", """
                package a;
                import java.util.List;
                import software.amazon.awscdk.services.dynamodb.Attribute;
                import software.amazon.awscdk.services.dynamodb.AttributeType;
                import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
                import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexPropsV2;
                import software.amazon.awscdk.services.dynamodb.LocalSecondaryIndexProps;
                import software.amazon.awscdk.services.dynamodb.Table;
                import software.amazon.awscdk.services.dynamodb.TableProps;
                import software.amazon.awscdk.services.dynamodb.TableV2;
                class Stack {
                    Stack() {
                        Table orders = Table.Builder.create(this, "Orders").tableName("orders")
                                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                                .sortKey(Attribute.builder().name("sk").type(AttributeType.NUMBER).build())
                                .build();
                        orders.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder().indexName("gsi1")
                                .partitionKey(Attribute.builder().name("gsi1pk").type(AttributeType.STRING).build())
                                .build());
                        orders.addLocalSecondaryIndex(LocalSecondaryIndexProps.builder().indexName("lsi1")
                                .sortKey(Attribute.builder().name("total").type(AttributeType.NUMBER).build())
                                .build());
                        new Table(this, "Users", TableProps.builder().tableName("users")
                                .partitionKey(Attribute.builder().name("userId").type(AttributeType.STRING).build())
                                .build());
                        TableV2.Builder.create(this, "Carts").tableName("carts")
                                .partitionKey(Attribute.builder().name("cartId").type(AttributeType.BINARY).build())
                                .globalSecondaryIndexes(List.of(GlobalSecondaryIndexPropsV2.builder()
                                        .indexName("byOwner")
                                        .partitionKey(Attribute.builder().name("owner").type(AttributeType.STRING)
                                                .build()).build()))
                                .build();
                        Table.Builder.create(this, "Generated")
                                .partitionKey(Attribute.builder().name("id").type(AttributeType.STRING).build())
                                .build();
                    }
                }
                """));
        assertThat(tables(m)).containsExactly(
                "carts: [cartId (B)] gsi byOwner[owner (S)]",
                "orders: [pk (S), sk (N)] gsi gsi1[gsi1pk (S)] lsi lsi1[pk (S), total (N)]",
                "users: [userId (S)]");
        assertThat(m.table("users").orElseThrow().primarySource().kind()).isEqualTo(ModelSource.Kind.CDK);
    }
}
