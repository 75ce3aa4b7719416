package io.ddblint.rules;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;
import io.ddblint.fixtures.model.Order;
import io.ddblint.fixtures.model.OrderV1;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DDB-C008's premise, against an implementation of DynamoDB (dynalite, in memory; DynamoDB Local's licence rules it
 * out here): GetItem of a key that does not exist succeeds with no item, and each SDK hands that on without an
 * exception: v2 an empty item map (so the fixture's {@code item().get("status").s()} throws), v1 a null
 * {@code getItem()}, the enhanced client and the mapper a null object.
 */
class MissingItemTest {

    private static DynaliteServer server;
    private static DynamoDbClient v2;
    private static AmazonDynamoDB v1;

    @BeforeAll
    static void startAndCreateTheOrdersTable() throws IOException, InterruptedException {
        server = DynaliteServer.start();
        v2 = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
        v1 = AmazonDynamoDBClientBuilder.standard()
                .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(server.endpoint().toString(),
                        "us-east-1"))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("test", "test")))
                .build();
        v2.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("customerId"), attribute("orderId"))
                .keySchema(KeySchemaElement.builder().attributeName("customerId").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("orderId").keyType(KeyType.RANGE).build()));
        v2.waiter().waitUntilTableExists(b -> b.tableName("orders"));
        v2.putItem(b -> b.tableName("orders").item(Map.of("customerId", AttributeValue.fromS("c1"),
                "orderId", AttributeValue.fromS("o1"), "status", AttributeValue.fromS("OPEN"))));
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    @AfterAll
    static void stop() throws IOException {
        if (v2 != null) {
            v2.close();
        }
        if (v1 != null) {
            v1.shutdown();
        }
        if (server != null) {
            server.close();
        }
    }

    private static Map<String, AttributeValue> key(String orderId) {
        return Map.of("customerId", AttributeValue.fromS("c1"), "orderId", AttributeValue.fromS(orderId));
    }

    @Test
    void v2ReturnsNoItemAndTheUncheckedDereferenceThrows() {
        GetItemResponse present = v2.getItem(b -> b.tableName("orders").key(key("o1")));
        assertThat(present.hasItem()).isTrue();
        assertThat(present.item().get("status").s()).isEqualTo("OPEN");

        GetItemResponse missing = v2.getItem(b -> b.tableName("orders").key(key("nope")));
        assertThat(missing.hasItem()).isFalse();
        assertThat(missing.item()).isEmpty();
        assertThat(missing.item().get("status")).isNull();
        assertThatThrownBy(() -> missing.item().get("status").s()).isInstanceOf(NullPointerException.class);
    }

    @Test
    void v1ReturnsANullItem() {
        var missing = v1.getItem("orders", Map.of(
                "customerId", new com.amazonaws.services.dynamodbv2.model.AttributeValue("c1"),
                "orderId", new com.amazonaws.services.dynamodbv2.model.AttributeValue("nope")));
        assertThat(missing.getItem()).isNull();
    }

    @Test
    void enhancedClientAndMapperReturnNull() {
        var orders = DynamoDbEnhancedClient.builder().dynamoDbClient(v2).build()
                .table("orders", TableSchema.fromBean(Order.class));
        assertThat(orders.getItem(Key.builder().partitionValue("c1").sortValue("o1").build())).isNotNull();
        assertThat(orders.getItem(Key.builder().partitionValue("c1").sortValue("nope").build())).isNull();
        assertThat(new DynamoDBMapper(v1).load(OrderV1.class, "c1", "nope")).isNull();
    }
}
