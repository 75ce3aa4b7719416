package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.facts.ApiFlavor;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.facts.Response;
import io.ddblint.core.facts.Response.Use;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.Set;

/**
 * DDB-C001: BatchWriteItem and BatchGetItem succeed even when DynamoDB processes only part of the request; what it
 * skipped comes back as unprocessed items or keys, and code that never looks at them loses writes or misses reads.
 */
@RuleInfo(
        id = "DDB-C001",
        name = "UnprocessedItemsIgnored",
        summary = "A batch call's unprocessed items or keys are never read, so skipped writes or reads are lost",
        severity = Severity.ERROR,
        category = Category.CORRECTNESS,
        tags = {"batch", "data-loss"})
public final class UnprocessedItemsIgnored implements Rule {

    /** RULES.md's list of unprocessed accessors, every flavor. */
    private static final Set<String> UNPROCESSED = Set.of("unprocessedItems", "hasUnprocessedItems",
            "unprocessedKeys", "hasUnprocessedKeys", "getUnprocessedItems", "getUnprocessedKeys",
            "unprocessedPutItemsForTable", "unprocessedDeleteItemsForTable", "unprocessedKeysForTable");
    /**
     * The mapper batch writes, whose {@code List<FailedBatch>} holds what failed. {@code batchLoad} returns the loaded
     * items (a map), not failures: the mapper itself retries its unprocessed keys.
     */
    private static final Set<String> MAPPER_WRITES = Set.of("batchSave", "batchWrite", "batchDelete");

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        boolean batch = site.operation() == Operation.BATCH_WRITE_ITEM || site.operation() == Operation.BATCH_GET_ITEM;
        // Enhanced batchGetItem is a paginator whose pages carry their own unprocessed keys: not a single result.
        if (!batch || site.paginated() || site.forwarding()) {
            return;
        }
        Response response = site.response();
        if (site.flavor() == ApiFlavor.V1_MAPPER) {
            if (MAPPER_WRITES.contains(site.method()) && ignored(response, true)) {
                context.report(site, "`" + site.quote() + "` " + fate(response) + " the `List<FailedBatch>` it "
                        + "returns: writes DynamoDB did not apply (throttled, unprocessed) are silently lost.",
                        "Inspect the returned failed batches: retry their unprocessed items with backoff, or fail "
                                + "loudly with their exceptions.");
            }
            return;
        }
        if (ignored(response, false)) {
            String what = site.operation() == Operation.BATCH_WRITE_ITEM
                    ? "writes DynamoDB did not process are silently lost"
                    : "keys DynamoDB did not read are silently missing from the result";
            context.report(site, "`" + site.quote() + "` " + fate(response) + " its " + accessor(site)
                    + ": a batch call succeeds even when DynamoDB processes only part of it, and " + what + ".",
                    "Read " + accessor(site) + " and resubmit them with exponential backoff until none remain.");
        }
    }

    /**
     * Discarded, or followed in this method without an unprocessed accessor (mapper: without any read at all) and
     * without leaving the method. A result the analysis could not follow is not reported.
     */
    private static boolean ignored(Response response, boolean anyReadInspects) {
        if (response.use() == Use.DISCARDED) {
            return true;
        }
        if (!(response.use() == Use.LOCAL || response.use() == Use.CHAINED) || response.escapes()) {
            return false;
        }
        return anyReadInspects ? response.paths().isEmpty() : !response.callsAny(UNPROCESSED);
    }

    private static String fate(Response response) {
        return response.use() == Use.DISCARDED ? "discards its result, and with it" : "never reads";
    }

    /** The accessor to name for this flavor and operation. */
    private static String accessor(CallSite site) {
        boolean write = site.operation() == Operation.BATCH_WRITE_ITEM;
        if (site.flavor().isEnhanced()) {
            return write ? "`unprocessedPutItemsForTable`/`unprocessedDeleteItemsForTable`"
                    : "`unprocessedKeysForTable`";
        }
        if (site.flavor().isV1()) {
            return write ? "`getUnprocessedItems()`" : "`getUnprocessedKeys()`";
        }
        return write ? "`unprocessedItems()`" : "`unprocessedKeys()`";
    }
}
