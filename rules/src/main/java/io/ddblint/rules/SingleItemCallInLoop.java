package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.facts.ApiFlavor;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.Loop;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.facts.Value;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

/**
 * DDB-P003: one GetItem, PutItem or DeleteItem per element of a collection costs a network round trip per element;
 * BatchGetItem reads 100 keys and BatchWriteItem writes 25 items per request. Retry and polling loops
 * ({@code while}/{@code do}) and loops left right after the call are not per-element loops; conditional writes
 * cannot be batched.
 */
@RuleInfo(
        id = "DDB-P003",
        name = "SingleItemCallInLoop",
        summary = "A single-item GetItem, PutItem or DeleteItem is called once per element of a loop or stream",
        severity = Severity.WARNING,
        category = Category.PERFORMANCE,
        tags = {"cost", "latency", "batch"})
public final class SingleItemCallInLoop implements Rule {

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        Operation op = site.operation();
        boolean singleItem = op == Operation.GET_ITEM || op == Operation.PUT_ITEM || op == Operation.DELETE_ITEM;
        Loop loop = site.placement().loop();
        if (!singleItem || !site.isProduction() || site.forwarding() || !loop.perElement() || loop.exitsAfterCall()) {
            return;
        }
        if (op != Operation.GET_ITEM && mayBeConditional(site)) {
            return;
        }
        boolean read = op == Operation.GET_ITEM;
        String batch = read ? "BatchGetItem (up to 100 keys per request)" : "BatchWriteItem (up to 25 puts and "
                + "deletes per request)";
        context.report(site, "`" + site.quote() + "` is called once per element of `" + loop.construct()
                + "`: one round trip per item. Collect the keys or items and use " + batch + " instead.",
                read ? READ_FIX : WRITE_FIX);
    }

    /**
     * BatchWriteItem takes no ConditionExpression: a conditional write cannot be batched, and the advice would be
     * wrong. A low-level request not seen whole (built in another method) may set one. An enhanced call's argument
     * is often the item itself ({@code table.putItem(order)}), which leaves nothing to follow: there only a
     * condition seen set counts.
     * LIMITATION: v1 legacy conditions ({@code withExpected}) and mapper version attributes are not seen.
     */
    private static boolean mayBeConditional(CallSite site) {
        Value<?> condition = site.request().expression(ExpressionKind.CONDITION);
        return site.flavor().isEnhanced() || site.flavor() == ApiFlavor.V1_MAPPER
                ? condition.isSet() : !(condition instanceof Value.Absent);
    }

    private static final String READ_FIX = "Gather the keys first and read them with BatchGetItem (enhanced: "
            + "batchGetItem with a ReadBatch; mapper: batchLoad) in chunks of 100, retrying UnprocessedKeys.";
    private static final String WRITE_FIX = "Gather the writes and send them with BatchWriteItem (enhanced: "
            + "batchWriteItem with a WriteBatch; mapper: batchSave/batchDelete) in chunks of 25, retrying "
            + "UnprocessedItems; use TransactWriteItems if the writes must succeed or fail together.";
}
