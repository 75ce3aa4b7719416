package it;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

public class OrderRepositoryTest {

    int countOrders(DynamoDbClient client) {
        return client.scan(b -> b.tableName("orders")).count();
    }
}
