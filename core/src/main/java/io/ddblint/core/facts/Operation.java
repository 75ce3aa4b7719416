package io.ddblint.core.facts;

/** The DynamoDB operation a call site performs (the wire-level action, whatever the API flavor). */
public enum Operation {
    GET_ITEM, PUT_ITEM, UPDATE_ITEM, DELETE_ITEM,
    QUERY, SCAN,
    BATCH_GET_ITEM, BATCH_WRITE_ITEM,
    TRANSACT_GET_ITEMS, TRANSACT_WRITE_ITEMS,
    EXECUTE_STATEMENT, BATCH_EXECUTE_STATEMENT, EXECUTE_TRANSACTION,
    CREATE_TABLE, DELETE_TABLE, DESCRIBE_TABLE, UPDATE_TABLE;

    public boolean isRead() {
        return this == GET_ITEM || this == QUERY || this == SCAN || this == BATCH_GET_ITEM
                || this == TRANSACT_GET_ITEMS;
    }

    public boolean isPartiQl() {
        return this == EXECUTE_STATEMENT || this == BATCH_EXECUTE_STATEMENT || this == EXECUTE_TRANSACTION;
    }
}
