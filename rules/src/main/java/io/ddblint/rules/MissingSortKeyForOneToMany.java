package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.expr.ConstantExpressions;
import io.ddblint.core.expr.EqualityTerms;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.EntityShape;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.Location;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.facts.Value;
import io.ddblint.core.model.IndexDefinition;
import io.ddblint.core.model.KeySchema;
import io.ddblint.core.model.ModelSource;
import io.ddblint.core.model.Table;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DDB-M002: a table or GSI keyed on a partition key alone that the code uses for one-to-many access: Queries on the
 * table, children fetched by filtering on a parent id, an entity holding a growing collection of child objects.
 * A composite key (parent id, child sort key) stores each parent's children together, readable with one Query.
 * LIMITATION: evidence (d) of RULES.md, {@code getItem} in a loop over ids read from a parent item, is not gathered:
 * following ids from one response into a loop of reads needs data flow the facts do not keep.
 */
@RuleInfo(
        id = "DDB-M002",
        name = "MissingSortKeyForOneToMany",
        summary = "A table or GSI without a sort key is used for one-to-many access",
        severity = Severity.WARNING,
        category = Category.DATA_MODEL,
        tags = {"model", "sort-key"})
public final class MissingSortKeyForOneToMany implements Rule {

    private static final int SHOWN = 3;
    private static final String FIX = "Give the children a composite key: partition key = the parent's id "
            + "(`CUSTOMER#<customerId>`), sort key = `<CHILD>#<childId>` (`ORDER#<orderId>`), and read one parent's "
            + "children with a single Query: `pk = :parent AND begins_with(sk, :prefix)`.";

    @Override
    public void visitModel(RuleContext context) {
        Map<String, List<String>> byTarget = new LinkedHashMap<>();
        for (CallSite site : context.model().callSites()) {
            collect(site, context, byTarget);
        }
        for (Table table : context.model().tables()) {
            if (table.conflicting()) {
                continue;
            }
            if (!table.keys().hasSortKey()) {
                List<String> evidence = new ArrayList<>(byTarget.getOrDefault(key(table, null), List.of()));
                evidence.addAll(collections(table, context));
                report(table, null, evidence, context);
            }
            for (IndexDefinition index : table.globalSecondaryIndexes()) {
                if (!index.keys().hasSortKey()) {
                    report(table, index, byTarget.getOrDefault(key(table, index), List.of()), context);
                }
            }
        }
    }

    /** Evidence from one call site, filed under the hash-only table or GSI it reads. */
    private static void collect(CallSite site, RuleContext context, Map<String, List<String>> byTarget) {
        Optional<Table> table = context.model().table(site);
        Optional<KeySchema> keys = context.model().keys(site);
        if (table.isEmpty() || keys.isEmpty()) {
            return;
        }
        Optional<IndexDefinition> index = site.request().indexName() instanceof Value.Absent<SymbolicString>
                ? Optional.empty() : context.model().index(site);
        String target = key(table.get(), index.orElse(null));
        String where = " at " + site.path() + ":" + site.range().line();
        if (site.operation() == Operation.UPDATE_ITEM && index.isEmpty() && !keys.get().hasSortKey()) {
            for (String update : ConstantExpressions.known(site.request(), context.model())
                    .getOrDefault(ExpressionKind.UPDATE, Set.of())) {
                if (update.contains("list_append")) {
                    add(byTarget, target, "a list grown with list_append in `" + site.quote() + "`" + where);
                    break;
                }
            }
        }
        boolean read = site.operation() == Operation.QUERY || site.operation() == Operation.SCAN;
        if (!read || keys.get().hasSortKey()) {
            return;
        }
        if (site.operation() == Operation.QUERY && index.isEmpty()) {
            // A hash-only table holds one item per key: a Query returns at most one, so children live elsewhere.
            add(byTarget, target, "a Query on the table, `" + site.quote() + "`" + where);
        }
        Set<String> filters = ConstantExpressions.known(site.request(), context.model())
                .getOrDefault(ExpressionKind.FILTER, Set.of());
        Map<String, String> names = context.model().attributeNames(site);
        for (String filter : filters) {
            for (EqualityTerms.Term term : EqualityTerms.of(context.expression(ExpressionKind.FILTER, filter),
                    names)) {
                if (refersToParent(term.attribute(), keys.get(), table.get(), context)) {
                    add(byTarget, target, "children fetched by parent, filter `" + filter + "` of `"
                            + site.quote() + "`" + where);
                    return;
                }
            }
        }
    }

    /**
     * {@code customerId}, {@code customer_id}, or another table's partition key name: a reference to a parent item.
     * The table's own key is not (that is a lookup, or DDB-M003's Scan).
     */
    private static boolean refersToParent(String attribute, KeySchema keys, Table table, RuleContext context) {
        if (keys.isKey(attribute) || table.keys().isKey(attribute)) {
            return false;
        }
        if (attribute.length() > 2 && attribute.endsWith("Id") || attribute.length() > 3 && attribute.endsWith("_id")) {
            return true;
        }
        return context.model().tables().stream().anyMatch(t -> !t.name().equals(table.name())
                && t.keys().partitionKey().name().equals(attribute));
    }

    /** Collections of child objects held by the table's entity. */
    private static List<String> collections(Table table, RuleContext context) {
        List<String> out = new ArrayList<>();
        Optional<EntityShape> entity = context.model().entity(table);
        if (entity.isEmpty()) {
            return out;
        }
        entity.get().properties().entrySet().stream()
                .filter(e -> e.getValue().elementType() != null
                        && context.model().isProjectType(e.getValue().elementType())
                        && context.model().enumConstants(e.getValue().elementType()).isEmpty())
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    Location at = e.getValue().location();
                    out.add("a growing collection of child objects, `" + e.getValue().code() + "` at " + at.path()
                            + ":" + at.range().line());
                });
        return out;
    }

    private static void report(Table table, IndexDefinition index, List<String> evidence, RuleContext context) {
        if (evidence.isEmpty()) {
            return;
        }
        List<String> shown = evidence.subList(0, Math.min(SHOWN, evidence.size()));
        String more = evidence.size() > SHOWN ? "; and " + (evidence.size() - SHOWN) + " more" : "";
        String what = index == null ? "Table '" + table.name() + "'" : "Index '" + index.name() + "' of table '"
                + table.name() + "'";
        String key = (index == null ? table.keys() : index.keys()).partitionKey().name();
        ModelSource source = table.primarySource();
        context.report(source.location().path(), source.location().range(), source.member(), source.enclosing(),
                source.code() + (index == null ? "" : " index " + index.name()),
                what + " has partition key '" + key + "' and no sort key, yet the code uses it one-to-many: "
                        + String.join("; ", shown) + more + (index == null
                        ? ". Without a sort key each key holds one item, so the children of one parent cannot be "
                        + "stored together and read with one Query."
                        : ". Without a sort key the children of one parent cannot be read in order or by prefix, "
                        + "only all at once."), FIX);
    }

    private static void add(Map<String, List<String>> byTarget, String target, String evidence) {
        byTarget.computeIfAbsent(target, k -> new ArrayList<>()).add(evidence);
    }

    private static String key(Table table, IndexDefinition index) {
        return table.name() + (index == null ? "" : "\u0000" + index.name());
    }
}
