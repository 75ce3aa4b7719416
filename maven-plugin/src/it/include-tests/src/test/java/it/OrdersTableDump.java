package it;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Test support: a Scan (never reported in tests) and Limit with a FilterExpression (reported everywhere). */
public class OrdersTableDump {

    static software.amazon.awssdk.services.dynamodb.model.ScanResponse dump(DynamoDbClient dynamoDb) {
        return dynamoDb.scan(ScanRequest.builder().tableName("orders").build());
    }

    static List<Map<String, AttributeValue>> firstOpen(DynamoDbClient dynamoDb) {
        return dynamoDb.query(QueryRequest.builder()
                .tableName("orders")
                .keyConditionExpression("PK = :pk")
                .filterExpression("#status = :open")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS("CUSTOMER#1"),
                        ":open", AttributeValue.fromS("OPEN")))
                .limit(1)
                .build()).items();
    }
}
