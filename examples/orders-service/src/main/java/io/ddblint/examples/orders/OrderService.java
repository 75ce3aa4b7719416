package io.ddblint.examples.orders;

import io.ddblint.examples.orders.OrderRepository.OrderPage;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The use cases of the orders service. */
public class OrderService {

    private final OrderRepository orders;
    private final CustomerRepository customers;
    private final Clock clock;

    public OrderService(OrderRepository orders, CustomerRepository customers, Clock clock) {
        this.orders = orders;
        this.customers = customers;
        this.clock = clock;
    }

    public static OrderService create(DynamoDbConfig config) {
        return new OrderService(
                new OrderRepository(config.client()),
                new CustomerRepository(config.enhancedClient()),
                Clock.systemUTC());
    }

    public Customer registerCustomer(String name, String email) {
        Customer customer = Customer.of(UUID.randomUUID().toString(), name, email);
        customers.save(customer);
        return customer;
    }

    public Order placeOrder(String customerId, BigDecimal total) {
        if (customers.findById(customerId).isEmpty()) {
            throw new IllegalArgumentException("Unknown customer " + customerId);
        }
        Order order = new Order(customerId, newOrderId(), OrderStatus.PENDING, total, clock.instant());
        orders.save(order);
        return order;
    }

    public Optional<Order> order(String customerId, String orderId) {
        return orders.findById(customerId, orderId);
    }

    public List<Order> ordersOf(String customerId) {
        return orders.findByCustomer(customerId);
    }

    public OrderPage recentOrders(String customerId, OrderStatus status, Map<String, AttributeValue> pageKey) {
        return orders.findRecentOrdersByStatus(customerId, status, pageKey);
    }

    public List<Order> exportAllOrders() {
        return orders.findAllOrders();
    }

    /** Order ids start with the creation time, so a customer's orders sort chronologically by SK. */
    private String newOrderId() {
        return String.format("%013d-%s", clock.millis(), UUID.randomUUID().toString().substring(0, 8));
    }
}
