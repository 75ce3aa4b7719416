package io.ddblint.core.rule;

/**
 * Service limits the rules check requests against. Configurable because AWS has raised them before (transactions
 * went from 25 to 100 actions) and a code base may target an emulator with other limits.
 *
 * @param batchWriteItems write requests in one BatchWriteItem
 * @param batchGetKeys    keys in one BatchGetItem
 * @param transactionItems actions in one TransactWriteItems / TransactGetItems
 */
public record Limits(int batchWriteItems, int batchGetKeys, int transactionItems) {

    public static final Limits DEFAULTS = new Limits(25, 100, 100);
}
