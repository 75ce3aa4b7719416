package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.Optional;

/**
 * DDB-P001: a Scan in production code reads, and bills, every item of the table or index. Every API flavor's scan
 * methods map to {@link Operation#SCAN} in core's SDK knowledge, so this rule only decides where and what to say.
 */
@RuleInfo(
        id = "DDB-P001",
        name = "ScanInProductionCode",
        summary = "A Scan in production code reads and bills every item of the table",
        severity = Severity.WARNING,
        category = Category.PERFORMANCE,
        tags = {"cost", "scan"})
public final class ScanInProductionCode implements Rule {

    private static final String FIX = "Read with Query on the table's partition key, or on a global secondary index "
            + "keyed on what you filter by; use GetItem when you know the whole key. If this Scan really is an "
            + "offline job (export, migration), suppress it with a reason.";

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        // A wrapper's scan(r) { return delegate.scan(r); } decides nothing: its callers' scans are reported.
        if (site.operation() != Operation.SCAN || !site.isProduction() || site.forwarding()) {
            return;
        }
        context.report(site, "`" + site.quote() + "` scans " + target(site, context)
                + ": a Scan reads every item and bills for all of them, however few it returns. "
                + "Use Query (on the table or a GSI) or GetItem instead.", FIX);
    }

    private static String target(CallSite site, RuleContext context) {
        Optional<String> table = context.model().tableName(site);
        String tableText = table.map(t -> "table '" + t + "'").orElse("the whole table");
        if (!site.request().indexName().isSet()) {
            return tableText;
        }
        return context.model().indexName(site)
                .map(i -> "index '" + i + "' of " + table.map(t -> "table '" + t + "'").orElse("its table"))
                .orElse(table.map(t -> "an index of table '" + t + "'").orElse("the whole index"));
    }
}
