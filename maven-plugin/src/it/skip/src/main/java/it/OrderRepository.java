package it;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Two mistakes: a Scan (DDB-P001, WARNING) and Limit with a FilterExpression (DDB-P006, INFO). */
public class OrderRepository {

    private final DynamoDbClient dynamoDb;

    public OrderRepository(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    public software.amazon.awssdk.services.dynamodb.model.ScanResponse allOrders() {
        return dynamoDb.scan(ScanRequest.builder().tableName("orders").build());
    }

    public software.amazon.awssdk.services.dynamodb.model.QueryResponse openOrders(String customerId) {
        QueryRequest request = QueryRequest.builder()
                .tableName("orders")
                .keyConditionExpression("PK = :pk")
                .filterExpression("#status = :open")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(customerId),
                        ":open", AttributeValue.fromS("OPEN")))
                .limit(20)
                .build();
        return dynamoDb.query(request);
    }
}
