package it.store;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** A Scan in the library module itself. */
public class Cleanup {

    public software.amazon.awssdk.services.dynamodb.model.ScanResponse expired(DynamoDbClient dynamoDb) {
        return dynamoDb.scan(ScanRequest.builder().tableName("orders").build());
    }
}
