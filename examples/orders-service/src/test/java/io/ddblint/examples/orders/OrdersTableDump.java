package io.ddblint.examples.orders;

/**
 * Test helper: prints every item of the table, to inspect what a test wrote to DynamoDB Local
 * (DYNAMODB_ENDPOINT=http://localhost:8000). It scans the whole table, which is fine here: this is test
 * code, and ddb-lint does not report DDB-P001 outside production code.
 */
public final class OrdersTableDump {

    private OrdersTableDump() {
    }

    public static void main(String[] args) {
        try (DynamoDbConfig config = DynamoDbConfig.fromEnvironment()) {
            config.client()
                    .scanPaginator(request -> request.tableName(Tables.ORDERS))
                    .items()
                    .forEach(System.out::println);
        }
    }
}
