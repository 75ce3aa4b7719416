package it;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Reads by key only: nothing to report. */
public class OrderRepository {

    private final DynamoDbClient dynamoDb;

    public OrderRepository(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    public Map<String, AttributeValue> order(String customerId, String orderId) {
        return dynamoDb.getItem(GetItemRequest.builder()
                .tableName("orders")
                .key(Map.of("PK", AttributeValue.fromS(customerId), "SK", AttributeValue.fromS(orderId)))
                .build()).item();
    }

    public List<Map<String, AttributeValue>> orders(String customerId) {
        return dynamoDb.queryPaginator(QueryRequest.builder()
                .tableName("orders")
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(customerId)))
                .build()).items().stream().toList();
    }
}
