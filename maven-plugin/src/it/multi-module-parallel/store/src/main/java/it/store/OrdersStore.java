package it.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A company-wide wrapper that hands out the client: callers in other modules reach DynamoDB through it. */
public class OrdersStore {

    private final DynamoDbClient client;

    public OrdersStore(DynamoDbClient client) {
        this.client = client;
    }

    public DynamoDbClient client() {
        return client;
    }

    public String table() {
        return "orders";
    }
}
