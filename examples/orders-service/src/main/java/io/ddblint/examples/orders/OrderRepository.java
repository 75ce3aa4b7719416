package io.ddblint.examples.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Orders, with the low-level DynamoDB client. */
public class OrderRepository {

    /** One page of orders and the key to pass back for the next page (null on the last page). */
    public record OrderPage(List<Order> orders, Map<String, AttributeValue> nextPageKey) {
    }

    private static final int RECENT_ORDERS_PAGE_SIZE = 20;

    private final DynamoDbClient dynamoDb;

    public OrderRepository(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    /** Stores a new order; fails if an order with the same id already exists for the customer. */
    public void save(Order order) {
        dynamoDb.putItem(PutItemRequest.builder()
                .tableName(Tables.ORDERS)
                .item(toItem(order))
                .conditionExpression("attribute_not_exists(SK)")
                .build());
    }

    public Optional<Order> findById(String customerId, String orderId) {
        GetItemResponse response = dynamoDb.getItem(GetItemRequest.builder()
                .tableName(Tables.ORDERS)
                .key(Map.of(
                        Tables.PK, AttributeValue.fromS(Tables.customerKey(customerId)),
                        Tables.SK, AttributeValue.fromS(Tables.orderKey(orderId))))
                .build());
        return response.hasItem() ? Optional.of(fromItem(response.item())) : Optional.empty();
    }

    /** All orders of one customer, oldest first: one Query on the customer's partition. */
    public List<Order> findByCustomer(String customerId) {
        QueryRequest request = QueryRequest.builder()
                .tableName(Tables.ORDERS)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :orderPrefix)")
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(Tables.customerKey(customerId)),
                        ":orderPrefix", AttributeValue.fromS(Tables.ORDER_PREFIX)))
                .build();
        return dynamoDb.queryPaginator(request).items().stream()
                .map(OrderRepository::fromItem)
                .toList();
    }

    /** Every order of every customer, for the nightly export. */
    public List<Order> findAllOrders() {
        ScanRequest request = ScanRequest.builder()
                .tableName(Tables.ORDERS)
                .filterExpression("begins_with(SK, :orderPrefix)")
                .expressionAttributeValues(Map.of(":orderPrefix", AttributeValue.fromS(Tables.ORDER_PREFIX)))
                .build();
        return dynamoDb.scanPaginator(request).items().stream()
                .map(OrderRepository::fromItem)
                .toList();
    }

    /**
     * The customer's most recent orders in the given status, {@value #RECENT_ORDERS_PAGE_SIZE} per page.
     * Pass the previous page's {@link OrderPage#nextPageKey()} to continue, or null for the first page.
     */
    public OrderPage findRecentOrdersByStatus(String customerId, OrderStatus status,
            Map<String, AttributeValue> startKey) {
        QueryRequest request = QueryRequest.builder()
                .tableName(Tables.ORDERS)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :orderPrefix)")
                .filterExpression("#status = :status")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(Tables.customerKey(customerId)),
                        ":orderPrefix", AttributeValue.fromS(Tables.ORDER_PREFIX),
                        ":status", AttributeValue.fromS(status.name())))
                .scanIndexForward(false)
                .limit(RECENT_ORDERS_PAGE_SIZE)
                .exclusiveStartKey(startKey)
                .build();
        QueryResponse response = dynamoDb.query(request);
        List<Order> orders = response.items().stream().map(OrderRepository::fromItem).toList();
        return new OrderPage(orders, response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null);
    }

    private static Map<String, AttributeValue> toItem(Order order) {
        return Map.of(
                Tables.PK, AttributeValue.fromS(Tables.customerKey(order.customerId())),
                Tables.SK, AttributeValue.fromS(Tables.orderKey(order.orderId())),
                "customerId", AttributeValue.fromS(order.customerId()),
                "orderId", AttributeValue.fromS(order.orderId()),
                "status", AttributeValue.fromS(order.status().name()),
                "total", AttributeValue.fromN(order.total().toPlainString()),
                "createdAt", AttributeValue.fromS(order.createdAt().toString()));
    }

    private static Order fromItem(Map<String, AttributeValue> item) {
        return new Order(
                item.get("customerId").s(),
                item.get("orderId").s(),
                OrderStatus.valueOf(item.get("status").s()),
                new BigDecimal(item.get("total").n()),
                Instant.parse(item.get("createdAt").s()));
    }
}
