package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

/**
 * DDB-P007: a strongly consistent read costs twice the read capacity of an eventually consistent one. Often needed
 * (read-your-own-write), so the rule is advice and off by default: teams turn it on to review where they pay for it.
 */
@RuleInfo(
        id = "DDB-P007",
        name = "StronglyConsistentRead",
        summary = "A strongly consistent read costs twice the read capacity of an eventually consistent one",
        severity = Severity.INFO,
        category = Category.PERFORMANCE,
        tags = {"cost"},
        enabledByDefault = false)
public final class StronglyConsistentRead implements Rule {

    private static final String FIX = "Drop consistentRead(true) unless this read must see a write that finished "
            + "just before it; eventually consistent reads usually catch up within a second.";

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        Operation op = site.operation();
        boolean read = op == Operation.GET_ITEM || op == Operation.QUERY || op == Operation.SCAN
                || op == Operation.BATCH_GET_ITEM;
        if (!read || site.forwarding() || !site.request().consistentRead().is(Boolean.TRUE)) {
            return;
        }
        context.report(site, "`" + site.quote() + "` reads with strong consistency: it costs twice the read "
                + "capacity of an eventually consistent read. Keep it only where the read must see a write that "
                + "just finished.", FIX);
    }
}
