package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.model.KeySchema;
import io.ddblint.core.model.Table;
import io.ddblint.core.partiql.Condition;
import io.ddblint.core.partiql.Statement;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.Optional;

/**
 * DDB-P002: DynamoDB runs a PartiQL SELECT as a Query only when its WHERE pins the partition key with {@code =} or
 * {@code IN} in every branch; any other SELECT is a Scan of the whole table or index, with no Scan in the code to
 * warn the reader.
 */
@RuleInfo(
        id = "DDB-P002",
        name = "PartiQLFullTableScan",
        summary = "A PartiQL SELECT that does not pin the partition key runs as a full-table Scan",
        severity = Severity.WARNING,
        category = Category.PERFORMANCE,
        tags = {"cost", "scan", "partiql"})
public final class PartiQLFullTableScan implements Rule {

    private static final String FIX = "Pin the partition key in the WHERE clause with = or IN (in every OR "
            + "branch), e.g. WHERE \"pk\" = ?, or select from an index keyed on what you filter by: "
            + "SELECT ... FROM \"table\".\"index\" WHERE \"indexPk\" = ?.";

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        if (!site.operation().isPartiQl() || !site.isProduction() || site.forwarding()) {
            return;
        }
        Optional<String> text = context.model().constant(site.request().statement());
        if (text.isEmpty()) {
            return;
        }
        Statement statement = context.statement(text.get());
        if (statement.error() != null || statement.verb() != Statement.Verb.SELECT) {
            return;
        }
        String target = statement.index() == null ? "table '" + statement.table() + "'"
                : "index '" + statement.index() + "' of table '" + statement.table() + "'";
        if (!statement.hasWhere()) {
            context.report(site, "`" + site.quote() + "` runs a PartiQL SELECT on " + target + " with no WHERE "
                    + "clause: DynamoDB executes it as a Scan that reads, and bills, every item.", FIX);
            return;
        }
        Optional<KeySchema> keys = keys(statement, context);
        if (keys.isPresent()) {
            String pk = keys.get().partitionKey().name();
            if (!pins(statement.where(), pk)) {
                context.report(site, "`" + site.quote() + "` runs a PartiQL SELECT on " + target + " whose WHERE "
                        + "does not pin the partition key '" + pk + "' with = or IN in every OR branch: DynamoDB "
                        + "executes it as a Scan that reads, and bills, every item.", FIX);
            }
        } else if (!comparesForEquality(statement.where())) {
            context.report(site, "`" + site.quote() + "` runs a PartiQL SELECT on " + target + " whose WHERE has "
                    + "no = or IN at all, so it cannot pin a partition key: DynamoDB executes it as a Scan that "
                    + "reads, and bills, every item.", FIX);
        }
    }

    /** The key of the selected table or index, when the model knows it (and the table is not conflicting). */
    private static Optional<KeySchema> keys(Statement statement, RuleContext context) {
        Optional<Table> table = context.model().table(statement.table()).filter(t -> !t.conflicting());
        if (table.isEmpty()) {
            return Optional.empty();
        }
        if (statement.index() == null) {
            return Optional.of(table.get().keys());
        }
        return table.get().index(statement.index()).map(i -> i.keys());
    }

    /**
     * Whether every way the condition can hold pins the attribute with {@code =} or {@code IN}: an AND pins it when
     * one of its terms does, an OR when all of its options do. A NOT never pins.
     */
    private static boolean pins(Condition c, String attribute) {
        if (c instanceof Condition.Or or) {
            return or.options().stream().allMatch(o -> pins(o, attribute));
        }
        if (c instanceof Condition.And and) {
            return and.terms().stream().anyMatch(t -> pins(t, attribute));
        }
        if (c instanceof Condition.Comparison cmp && cmp.operator().equals("=")) {
            return isAttribute(cmp.left(), attribute) && !(cmp.right() instanceof Condition.Path)
                    || isAttribute(cmp.right(), attribute) && !(cmp.left() instanceof Condition.Path);
        }
        return c instanceof Condition.In in && isAttribute(in.operand(), attribute);
    }

    private static boolean isAttribute(Condition.Operand o, String attribute) {
        return o instanceof Condition.Path p && !p.nested() && p.root().equals(attribute);
    }

    private static boolean comparesForEquality(Condition c) {
        if (c instanceof Condition.Or or) {
            return or.options().stream().anyMatch(PartiQLFullTableScan::comparesForEquality);
        }
        if (c instanceof Condition.And and) {
            return and.terms().stream().anyMatch(PartiQLFullTableScan::comparesForEquality);
        }
        if (c instanceof Condition.Not not) {
            // NOT (a = ?) still names an equality: without a model, stay on the side of silence.
            return comparesForEquality(not.inner());
        }
        return c instanceof Condition.Comparison cmp && cmp.operator().equals("=") || c instanceof Condition.In;
    }
}
