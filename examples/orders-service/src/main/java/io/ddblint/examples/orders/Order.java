package io.ddblint.examples.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One order of one customer; stored as PK = CUSTOMER#&lt;customerId&gt;, SK = ORDER#&lt;orderId&gt;. */
public record Order(String customerId, String orderId, OrderStatus status, BigDecimal total, Instant createdAt) {

    public Order {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public Order withStatus(OrderStatus newStatus) {
        return new Order(customerId, orderId, newStatus, total, createdAt);
    }
}
