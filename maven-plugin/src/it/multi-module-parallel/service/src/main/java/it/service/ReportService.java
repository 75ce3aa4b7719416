package it.service;

import it.store.OrdersStore;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Scans through the other module's wrapper: only a classpath that holds the store's jar shows the client. */
public class ReportService {

    private final OrdersStore store;

    public ReportService(OrdersStore store) {
        this.store = store;
    }

    public software.amazon.awssdk.services.dynamodb.model.ScanResponse everything() {
        return store.client().scan(r -> r.tableName("orders"));
    }
}
