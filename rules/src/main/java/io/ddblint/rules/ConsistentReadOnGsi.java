package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.model.IndexDefinition;
import io.ddblint.core.model.Model;
import io.ddblint.core.model.Table;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.Optional;

/**
 * DDB-C007: a strongly consistent Query or Scan on a global secondary index. GSIs are replicated asynchronously and
 * DynamoDB rejects {@code ConsistentRead=true} on them; only the table and its local secondary indexes serve
 * strongly consistent reads.
 */
@RuleInfo(
        id = "DDB-C007",
        name = "ConsistentReadOnGsi",
        summary = "A strongly consistent Query or Scan on a global secondary index",
        severity = Severity.ERROR,
        category = Category.CORRECTNESS,
        tags = {"index", "consistency"})
public final class ConsistentReadOnGsi implements Rule {

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        boolean query = site.operation() == Operation.QUERY;
        if (!query && site.operation() != Operation.SCAN || !site.request().consistentRead().is(true)) {
            return;
        }
        Model model = context.model();
        Optional<String> index = model.indexName(site);
        if (index.isEmpty()) {
            return;
        }
        Optional<Table> linked = model.linkedTable(site);
        String why;
        if (linked.isPresent()) {
            // A conflicting table is DDB-M005's; an index the table does not have is DDB-M004's.
            Optional<IndexDefinition> definition = model.table(site).flatMap(t -> t.index(index.get()));
            if (definition.isEmpty() || !definition.get().isGlobal()) {
                return;
            }
            why = "`" + index.get() + "` is a global secondary index of table `" + linked.get().name() + "`";
        } else {
            if (knownLocalIndex(model, index.get())) {
                return;
            }
            why = "`" + index.get() + "` is not known as a local secondary index (no table definition covers this "
                    + "call)";
        }
        context.report(site, "Consistent read cannot be true when " + (query ? "querying" : "scanning")
                        + " a GSI: " + site.quote() + " sets consistentRead(true) and " + why,
                "Drop consistentRead(true) (GSI reads are eventually consistent), or read the table or a local "
                        + "secondary index when the read must be strongly consistent.");
    }

    /** Whether some table of the model has a local secondary index of this name. */
    private static boolean knownLocalIndex(Model model, String name) {
        return model.tables().stream().flatMap(t -> t.localSecondaryIndexes().stream())
                .anyMatch(i -> i.name().equals(name));
    }
}
