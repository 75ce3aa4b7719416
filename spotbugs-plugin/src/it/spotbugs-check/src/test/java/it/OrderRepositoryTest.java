package it;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

public class OrderRepositoryTest {

    Object allOrders(DynamoDbClient client) {
        return client.scan(b -> b.tableName("orders"));
    }
}
