package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.expr.ConstantExpressions;
import io.ddblint.core.expr.EqualityTerms;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.model.IndexDefinition;
import io.ddblint.core.model.Table;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DDB-M003: a Scan whose filter pins the partition key of its table, or of one of the table's indexes, with
 * {@code =}: a Query on that key reads only the matching items instead of the whole table.
 */
@RuleInfo(
        id = "DDB-M003",
        name = "ScanCouldBeQuery",
        summary = "A Scan filters on a partition key with =: a Query reads only the matching items",
        severity = Severity.WARNING,
        category = Category.DATA_MODEL,
        tags = {"cost", "scan", "model"})
public final class ScanCouldBeQuery implements Rule {

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        if (site.operation() != Operation.SCAN) {
            return;
        }
        Optional<Table> table = context.model().table(site);
        Set<String> filters = ConstantExpressions.known(site.request(), context.model())
                .getOrDefault(ExpressionKind.FILTER, Set.of());
        // A choice between filters: only when it is one text is it clear what the Scan asks for.
        if (table.isEmpty() || filters.size() != 1) {
            return;
        }
        Map<String, String> names = context.model().attributeNames(site);
        String filter = filters.iterator().next();
        for (EqualityTerms.Term term : EqualityTerms.of(context.expression(ExpressionKind.FILTER, filter), names)) {
            Optional<String> target = queryTarget(table.get(), term.attribute());
            if (target.isPresent()) {
                String pinned = term.written().equals(term.attribute()) ? "`" + term.attribute() + "`"
                        : "`" + term.written() + "` (" + term.attribute() + ")";
                context.report(site, "`" + site.quote() + "` scans table '" + table.get().name()
                        + "' and keeps only the items whose " + pinned + " = " + term.value() + ", but "
                        + term.attribute() + " is the partition key of " + target.get()
                        + ": a Query there reads only those items instead of the whole table.",
                        "Replace the Scan with a Query on " + target.get() + " with keyConditionExpression `"
                                + term.written() + " = " + term.value() + "`, and keep the other filter terms.");
                return;
            }
        }
    }

    /** The table, or else the first index, whose partition key is the attribute. */
    private static Optional<String> queryTarget(Table table, String attribute) {
        if (table.keys().partitionKey().name().equals(attribute)) {
            return Optional.of("the table");
        }
        for (IndexDefinition index : table.indexes()) {
            if (index.keys().partitionKey().name().equals(attribute)) {
                return Optional.of("index '" + index.name() + "' (indexName(\"" + index.name() + "\"))");
            }
        }
        return Optional.empty();
    }
}
