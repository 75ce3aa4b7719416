package io.ddblint.rules;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DDB-C002's limits, shown against a running DynamoDB implementation through the real SDK v2 client: dynalite
 * (Apache-2.0; DynamoDB Local's licence rules it out here, see {@link ExpressionOracle}), in memory, on loopback,
 * started by this class with Node.js and stopped after it.
 *
 * <p>dynalite implements BatchWriteItem and BatchGetItem with DynamoDB's validation, so their limits (25 write
 * requests per table, 100 keys per table and over all tables) are proven here. Two gaps: dynalite does not enforce
 * DynamoDB's 25 write requests over all the tables of one BatchWriteItem (only per table), and it does not implement
 * TransactWriteItems or TransactGetItems at all: the
 * 100-action limit of transactions rests on the AWS documentation ("TransactWriteItems ... up to 100 action
 * requests"), and {@link #dynaliteHasNoTransactions()} records the gap, so it fails and calls for the proof the day
 * dynalite gains them.
 */
class BatchLimitOracleTest {

    private static final String TABLE = "orders";
    private static final String ARCHIVE = "archive";

    private static DynaliteServer server;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        server = DynaliteServer.start();
        client = DynamoDbClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
        for (String table : List.of(TABLE, ARCHIVE)) {
            client.createTable(b -> b.tableName(table)
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                            .attributeType(ScalarAttributeType.S).build())
                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
        }
    }

    @AfterAll
    static void stop() throws IOException, InterruptedException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static Map<String, AttributeValue> key(int i) {
        return Map.of("pk", AttributeValue.fromS("order-" + i));
    }

    private static List<WriteRequest> puts(int count) {
        return IntStream.range(0, count).mapToObj(i -> WriteRequest.builder()
                .putRequest(p -> p.item(key(i))).build()).toList();
    }

    @Test
    void aBatchWriteOf25IsAcceptedAndOf26Rejected() {
        assertThat(client.batchWriteItem(b -> b.requestItems(Map.of(TABLE, puts(25)))).unprocessedItems())
                .isEmpty();
        assertThatThrownBy(() -> client.batchWriteItem(b -> b.requestItems(Map.of(TABLE, puts(26)))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Member must have length less than or equal to 25");
    }

    @Test
    void aBatchGetOf100KeysIsAcceptedAndOf101Rejected() {
        List<Map<String, AttributeValue>> keys = IntStream.range(0, 101).mapToObj(BatchLimitOracleTest::key).toList();
        assertThat(client.batchGetItem(b -> b.requestItems(Map.of(TABLE,
                KeysAndAttributes.builder().keys(keys.subList(0, 100)).build()))).responses()).containsKey(TABLE);
        assertThatThrownBy(() -> client.batchGetItem(b -> b.requestItems(Map.of(TABLE,
                KeysAndAttributes.builder().keys(keys).build()))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Member must have length less than or equal to 100");
    }

    @Test
    void theHundredKeysOfABatchGetCountOverAllItsTables() {
        List<Map<String, AttributeValue>> keys = IntStream.range(0, 101).mapToObj(BatchLimitOracleTest::key).toList();
        assertThatThrownBy(() -> client.batchGetItem(b -> b.requestItems(Map.of(
                TABLE, KeysAndAttributes.builder().keys(keys.subList(0, 60)).build(),
                ARCHIVE, KeysAndAttributes.builder().keys(keys.subList(60, 101)).build()))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Too many items requested for the BatchGetItem call");
    }

    @Test
    void dynaliteHasNoTransactions() {
        // LIMITATION: the 100-action transaction limit cannot be shown here; dynalite answers every transaction,
        // of 1 action or 101, with an unknown-operation error.
        List<TransactWriteItem> one = List.of(TransactWriteItem.builder()
                .put(p -> p.tableName(TABLE).item(key(1))).build());
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(one)))
                .isInstanceOf(SdkException.class)
                .hasMessageContaining("UnknownOperationException");
    }
}
