package io.ddblint.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Merges the descriptions of each table name into one {@link Table}. A source may add what another leaves out (an
 * index, an attribute type); where two say different things the table is conflicting, and each difference is kept in
 * words for DDB-M005 and the inventory. No source is preferred: ddb-lint never guesses which one is right.
 */
public final class TableMerger {

    private TableMerger() {
    }

    /** The merged tables, ordered by name. */
    public static List<Table> merge(List<TableDefinition> definitions) {
        Map<String, List<TableDefinition>> byName = new TreeMap<>();
        for (TableDefinition d : definitions) {
            byName.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
        }
        List<Table> tables = new ArrayList<>();
        byName.forEach((name, defs) -> tables.add(merge(name, defs)));
        return tables;
    }

    private static Table merge(String name, List<TableDefinition> unordered) {
        List<TableDefinition> defs = new ArrayList<>(unordered);
        defs.sort((a, b) -> ModelSource.ORDER.compare(a.source(), b.source()));
        TableDefinition first = defs.get(0);
        List<String> conflicts = new ArrayList<>();
        KeySchema keys = first.keys();
        Map<String, IndexDefinition> indexes = new LinkedHashMap<>();
        Map<String, ModelSource> indexSource = new LinkedHashMap<>();
        for (TableDefinition d : defs) {
            if (d != first) {
                keys = mergeKeys(keys, d.keys(), "", first.source(), d.source(), conflicts);
            }
            for (IndexDefinition index : d.indexes()) {
                IndexDefinition known = indexes.get(index.name());
                if (known == null) {
                    indexes.put(index.name(), index);
                    indexSource.put(index.name(), d.source());
                    continue;
                }
                ModelSource other = indexSource.get(index.name());
                if (known.kind() != index.kind()) {
                    conflicts.add("index " + index.name() + " is " + word(known.kind()) + " in " + other.describe()
                            + " but " + word(index.kind()) + " in " + d.source().describe());
                    continue;
                }
                KeySchema merged = mergeKeys(known.keys(), index.keys(), "index " + index.name() + ": ", other,
                        d.source(), conflicts);
                indexes.put(index.name(), new IndexDefinition(index.name(), index.kind(), merged));
            }
        }
        List<IndexDefinition> gsis = indexes.values().stream().filter(IndexDefinition::isGlobal).toList();
        List<IndexDefinition> lsis = indexes.values().stream().filter(i -> !i.isGlobal()).toList();
        List<ModelSource> sources = defs.stream().map(TableDefinition::source).toList();
        return new Table(name, keys, gsis, lsis, sources, conflicts);
    }

    /** The keys both sources describe, the types one of them knows filled in; differences go to conflicts. */
    private static KeySchema mergeKeys(KeySchema a, KeySchema b, String prefix, ModelSource sourceA,
                                       ModelSource sourceB, List<String> conflicts) {
        KeyAttribute pk = mergeAttribute(a.partitionKey(), b.partitionKey(), prefix + "partition key", sourceA,
                sourceB, conflicts);
        KeyAttribute sk;
        if (a.sortKey() == null && b.sortKey() == null) {
            sk = null;
        } else if (a.sortKey() == null || b.sortKey() == null) {
            KeyAttribute present = a.sortKey() != null ? a.sortKey() : b.sortKey();
            ModelSource with = a.sortKey() != null ? sourceA : sourceB;
            ModelSource without = a.sortKey() != null ? sourceB : sourceA;
            conflicts.add(prefix + "sort key " + present.name() + " in " + with.describe() + " but no sort key in "
                    + without.describe());
            sk = a.sortKey();
        } else {
            sk = mergeAttribute(a.sortKey(), b.sortKey(), prefix + "sort key", sourceA, sourceB, conflicts);
        }
        return new KeySchema(pk, sk);
    }

    private static KeyAttribute mergeAttribute(KeyAttribute a, KeyAttribute b, String what, ModelSource sourceA,
                                               ModelSource sourceB, List<String> conflicts) {
        if (!a.name().equals(b.name())) {
            conflicts.add(what + " " + a.name() + " in " + sourceA.describe() + " but " + b.name() + " in "
                    + sourceB.describe());
            return a;
        }
        if (a.type() != null && b.type() != null && !Objects.equals(a.type(), b.type())) {
            conflicts.add(what + " " + a.name() + " has type " + a.type() + " in " + sourceA.describe() + " but "
                    + b.type() + " in " + sourceB.describe());
            return a;
        }
        return a.type() != null ? a : b;
    }

    private static String word(IndexDefinition.Kind kind) {
        return kind == IndexDefinition.Kind.GLOBAL ? "global" : "local";
    }
}
