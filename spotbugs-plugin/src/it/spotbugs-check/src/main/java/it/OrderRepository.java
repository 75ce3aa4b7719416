package it;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

public class OrderRepository {

    private final DynamoDbClient client;

    public OrderRepository(DynamoDbClient client) {
        this.client = client;
    }

    public ScanResponse findAll() {
        return client.scan(b -> b.tableName("orders"));
    }

    public QueryResponse findByCustomer(String customerId) {
        return client.query(b -> b.tableName("orders").keyConditionExpression("customerId = :c").expressionAttributeValues(java.util.Map.of(":c", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(customerId))));
    }

    public ScanResponse export() {
        // ddb-lint:ignore DDB-P001 nightly export reads the whole table by design
        return client.scan(b -> b.tableName("orders"));
    }
}
