package io.ddblint.examples.orders;

/**
 * Names of the one table this service uses. Single-table design: customers and their orders share a
 * partition, so one Query reads a customer's orders.
 *
 * <pre>
 * PK                 SK                 item
 * CUSTOMER#&lt;id&gt;   PROFILE            the customer (see Customer)
 * CUSTOMER#&lt;id&gt;   ORDER#&lt;orderId&gt;   one order (see Order); order ids sort by creation time
 * </pre>
 */
public final class Tables {

    public static final String ORDERS = "orders";

    public static final String PK = "PK";
    public static final String SK = "SK";

    public static final String CUSTOMER_PREFIX = "CUSTOMER#";
    public static final String ORDER_PREFIX = "ORDER#";
    public static final String PROFILE = "PROFILE";

    private Tables() {
    }

    public static String customerKey(String customerId) {
        return CUSTOMER_PREFIX + customerId;
    }

    public static String orderKey(String orderId) {
        return ORDER_PREFIX + orderId;
    }
}
