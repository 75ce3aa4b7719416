package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Limits;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.Optional;

/**
 * DDB-C002: DynamoDB rejects a BatchWriteItem of more than 25 write requests, a BatchGetItem of more than 100 keys
 * and a transaction of more than 100 actions with a ValidationException, whatever the items. The request's size
 * comes from core's static count (list factories, varargs, builder calls, a local list filled a fixed number of
 * times); counts that are not statically known are not judged. Limits come from {@code ddb-lint.yml}.
 */
@RuleInfo(
        id = "DDB-C002",
        name = "BatchOrTransactionOverLimit",
        summary = "A batch or transaction request holds more items than DynamoDB accepts in one request",
        severity = Severity.ERROR,
        category = Category.CORRECTNESS,
        tags = {"batch", "transaction"})
public final class BatchOrTransactionOverLimit implements Rule {

    /** What is limited in one operation, with its limit and DynamoDB's words for it. */
    private record Bound(int limit, String what, String rejection) {
    }

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        Optional<Integer> count = site.request().knownItemCount();
        Optional<Bound> bound = bound(site, context.limits());
        if (count.isEmpty() || bound.isEmpty() || site.forwarding() || count.get() <= bound.get().limit()) {
            return;
        }
        Bound b = bound.get();
        context.report(site, "`" + site.quote() + "` sends " + count.get() + " " + b.what() + " in one request; "
                + "DynamoDB accepts at most " + b.limit() + " and rejects the whole request: " + b.rejection(),
                "Split the " + b.what() + " into requests of at most " + b.limit() + " each"
                        + (b.what().equals("actions") ? " (each is then its own transaction)." : "."));
    }

    private static Optional<Bound> bound(CallSite site, Limits limits) {
        return switch (site.operation()) {
            case BATCH_WRITE_ITEM -> Optional.of(new Bound(limits.batchWriteItems(), "write requests",
                    "`Member must have length less than or equal to " + limits.batchWriteItems()
                            + "` (`Too many items requested for the BatchWriteItem call` over several tables)."));
            case BATCH_GET_ITEM -> Optional.of(new Bound(limits.batchGetKeys(), "keys",
                    "`Member must have length less than or equal to " + limits.batchGetKeys()
                            + "` (`Too many items requested for the BatchGetItem call` over several tables)."));
            case TRANSACT_WRITE_ITEMS, TRANSACT_GET_ITEMS -> Optional.of(new Bound(limits.transactionItems(),
                    "actions", "`Member must have length less than or equal to " + limits.transactionItems()
                            + "`."));
            default -> Optional.empty();
        };
    }
}
