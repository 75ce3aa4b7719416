package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

/**
 * DDB-P006: Limit caps the items DynamoDB reads before the FilterExpression is applied, so a page of a filtered
 * Query/Scan can hold fewer matches than the limit, even none, while more remain.
 */
@RuleInfo(
        id = "DDB-P006",
        name = "LimitWithFilterExpression",
        summary = "Limit with a FilterExpression caps items read before filtering, not matches returned",
        severity = Severity.INFO,
        category = Category.PERFORMANCE,
        tags = {"pagination", "filter"})
public final class LimitWithFilterExpression implements Rule {

    private static final String FIX = "Keep paging with LastEvaluatedKey (ExclusiveStartKey) until you have as many "
            + "matches as you need, or move the filtered attribute into the key condition so Limit counts matches.";

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        boolean queryOrScan = site.operation() == Operation.QUERY || site.operation() == Operation.SCAN;
        if (!queryOrScan || !site.request().limit().isSet() || !site.request().has(ExpressionKind.FILTER)) {
            return;
        }
        String limit = site.request().limitValue().map(n -> "Limit (" + n + ")").orElse("Limit");
        String operation = site.operation() == Operation.QUERY ? "Query" : "Scan";
        context.report(site, "`" + site.quote() + "` sets " + limit + " and a FilterExpression on one " + operation
                + ": Limit caps the items read before the filter runs, so a page can hold fewer matches than the "
                + "limit, even none, while more remain.", FIX);
    }
}
