package io.ddblint.examples.orders;

import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** Customer profiles, with the enhanced client, in the same table as the orders. */
public class CustomerRepository {

    private static final TableSchema<Customer> SCHEMA = TableSchema.fromBean(Customer.class);

    private final DynamoDbTable<Customer> table;

    public CustomerRepository(DynamoDbEnhancedClient enhancedClient) {
        this.table = enhancedClient.table(Tables.ORDERS, SCHEMA);
    }

    public void save(Customer customer) {
        table.putItem(customer);
    }

    public Optional<Customer> findById(String customerId) {
        Key key = Key.builder()
                .partitionValue(Tables.customerKey(customerId))
                .sortValue(Tables.PROFILE)
                .build();
        return Optional.ofNullable(table.getItem(key));
    }
}
