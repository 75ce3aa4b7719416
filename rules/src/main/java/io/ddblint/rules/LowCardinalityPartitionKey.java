package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.facts.EntityShape;
import io.ddblint.core.facts.Location;
import io.ddblint.core.model.IndexDefinition;
import io.ddblint.core.model.KeyWrite;
import io.ddblint.core.model.KeyWrites;
import io.ddblint.core.model.ModelSource;
import io.ddblint.core.model.Table;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * DDB-M001: a table or GSI partition key that can take only a few values (a flag, a small enum, a handful of
 * constants, today's date), so every request lands on a few partitions. The evidence is the key's mapped Java type or
 * every value the code writes into it; an attribute's name alone is never evidence.
 */
@RuleInfo(
        id = "DDB-M001",
        name = "LowCardinalityPartitionKey",
        summary = "A partition key that takes only a few distinct values concentrates traffic on few partitions",
        severity = Severity.WARNING,
        category = Category.DATA_MODEL,
        tags = {"hot-partition", "model"})
public final class LowCardinalityPartitionKey implements Rule {

    /** At most this many distinct values make a key low-cardinality (RULES.md). */
    private static final int MAX_VALUES = 16;
    private static final int SHOWN = 3;
    private static final String FIX = "Shard the key: append a calculated suffix (`value + \"#\" + "
            + "(Math.floorMod(id.hashCode(), 10))`) on write and query every shard, or choose a higher-cardinality "
            + "partition key (a user, order or device id) and keep this value as a sort key or GSI sort key.";

    @Override
    public void visitModel(RuleContext context) {
        for (Table table : context.model().tables()) {
            if (table.conflicting()) {
                continue;
            }
            check(table, null, table.keys().partitionKey().name(), context);
            for (IndexDefinition index : table.globalSecondaryIndexes()) {
                check(table, index, index.keys().partitionKey().name(), context);
            }
        }
    }

    private void check(Table table, IndexDefinition index, String key, RuleContext context) {
        String what = "Partition key '" + key + "' of " + (index == null ? "" : "index '" + index.name() + "' of ")
                + "table '" + table.name() + "'";
        Optional<EntityShape> entity = context.model().entity(table);
        Optional<EntityShape.Property> property = entity.map(e -> e.properties().get(key));
        if (property.isPresent()) {
            Optional<String> typeEvidence = typeEvidence(property.get().javaType(), context);
            if (typeEvidence.isPresent()) {
                Location at = property.get().location();
                context.report(at.path(), at.range(), entity.get().type(), property.get().code(),
                        what + " is " + typeEvidence.get() + " (`" + property.get().code() + "`): its items land on "
                                + "at most that many partitions, and each partition serves at most 3,000 reads and "
                                + "1,000 writes per second. Shard it with a calculated suffix or choose a "
                                + "higher-cardinality key.", FIX);
                return;
            }
        }
        KeyWrites writes = context.model().keyWrites(table, key);
        if (!writes.complete() || writes.writes().isEmpty()) {
            return;
        }
        Set<String> values = new LinkedHashSet<>();
        int enumValues = 0;
        Set<String> enums = new LinkedHashSet<>();
        boolean dates = false;
        for (KeyWrite w : writes.writes()) {
            switch (w.kind()) {
                case CONSTANT -> values.addAll(w.constants());
                case ENUM -> {
                    if (enums.add(w.enumType())) {
                        enumValues += w.enumConstants();
                    }
                }
                case DATE -> dates = true;
                default -> {
                    return; // one value the analysis cannot bound: not evidence of few values
                }
            }
        }
        if (values.size() + enumValues > MAX_VALUES) {
            return;
        }
        ModelSource source = table.primarySource();
        String code = source.code() + (index == null ? "" : " index " + index.name());
        context.report(source.location().path(), source.location().range(), source.member(), source.enclosing(),
                code, what + " " + summary(values, enumValues, dates) + ": every write stores "
                        + evidence(writes.writes()) + ". Its items land on a few partitions only (each serves at most "
                        + "3,000 reads and 1,000 writes per second). Shard it with a calculated suffix or choose a "
                        + "higher-cardinality key.", FIX);
    }

    private static String summary(Set<String> values, int enumValues, boolean dates) {
        List<String> parts = new ArrayList<>();
        if (!values.isEmpty() || enumValues > 0) {
            parts.add("takes at most " + (values.size() + enumValues) + " distinct value"
                    + (values.size() + enumValues == 1 ? "" : "s"));
        }
        if (dates) {
            parts.add("changes only with the date");
        }
        return String.join(" and ", parts);
    }

    /** The first values with their locations, then how many more. */
    private static String evidence(List<KeyWrite> writes) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(SHOWN, writes.size()); i++) {
            KeyWrite w = writes.get(i);
            String kind = switch (w.kind()) {
                case ENUM -> " (one of " + w.enumConstants() + " enum constants)";
                case DATE -> " (one value per " + w.unit() + ")";
                default -> "";
            };
            shown.add("`" + w.code() + "`" + kind + " at " + w.location().path() + ":"
                    + w.location().range().line());
        }
        String more = writes.size() > SHOWN ? " and " + (writes.size() - SHOWN) + " more" : "";
        return String.join(", ", shown) + more;
    }

    /** {@code boolean}/{@code Boolean}, or an enum with few constants. */
    private static Optional<String> typeEvidence(String javaType, RuleContext context) {
        if (javaType == null) {
            return Optional.empty();
        }
        if (javaType.equals("boolean") || javaType.equals("java.lang.Boolean")) {
            return Optional.of("a boolean, with 2 values");
        }
        OptionalInt constants = context.model().enumConstants(javaType);
        if (constants.isPresent() && constants.getAsInt() <= MAX_VALUES) {
            String simple = javaType.substring(javaType.lastIndexOf('.') + 1);
            return Optional.of("the enum " + simple + ", with " + constants.getAsInt() + " values");
        }
        return Optional.empty();
    }
}
