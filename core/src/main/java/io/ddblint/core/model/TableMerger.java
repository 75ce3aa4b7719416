package io.ddblint.core.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        Map<String, IndexDefinition> indexes = new LinkedHashMap<>();
        Map<String, ModelSource> indexSource = new LinkedHashMap<>();
        for (TableDefinition d : defs) {
            if (d != first) {
                compareKeys(first.keys(), d.keys(), "", first.source(), d.source(), conflicts);
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
                    if (inferredKind(other) && !inferredKind(d.source())) {
                        // The first said it by guess, this one in words: this one's kind stands.
                        indexes.put(index.name(), new IndexDefinition(index.name(), index.kind(), known.keys()));
                    } else if (!inferredKind(d.source())) {
                        conflicts.add("index " + index.name() + " is " + word(known.kind()) + " in "
                                + other.describe() + " but " + word(index.kind()) + " in " + d.source().describe());
                        continue;
                    }
                }
                compareKeys(known.keys(), index.keys(), "index " + index.name() + ": ", other, d.source(),
                        conflicts);
            }
        }
        Map<String, String> types = attributeTypes(defs, conflicts);
        KeySchema keys = typed(first.keys(), types);
        List<IndexDefinition> all = indexes.values().stream()
                .map(i -> new IndexDefinition(i.name(), i.kind(), typed(i.keys(), types))).toList();
        List<IndexDefinition> gsis = all.stream().filter(IndexDefinition::isGlobal).toList();
        List<IndexDefinition> lsis = all.stream().filter(i -> !i.isGlobal()).toList();
        List<ModelSource> sources = defs.stream().map(TableDefinition::source).toList();
        return new Table(name, keys, gsis, lsis, sources, conflicts);
    }

    /**
     * Sources that cannot say whether an index is global or local: an enhanced bean or static schema names index
     * keys without the kind, so ddb-lint infers it (an index with only a sort key is local) and lets a source that
     * says it in words (a CreateTableRequest, a template, the configuration) decide.
     */
    private static boolean inferredKind(ModelSource source) {
        return source.kind() == ModelSource.Kind.ENHANCED_BEAN || source.kind() == ModelSource.Kind.STATIC_SCHEMA;
    }

    /** Whether two sources name the same key attributes; differences go to conflicts. */
    private static void compareKeys(KeySchema a, KeySchema b, String prefix, ModelSource sourceA,
                                    ModelSource sourceB, List<String> conflicts) {
        if (!a.partitionKey().name().equals(b.partitionKey().name())) {
            conflicts.add(prefix + "partition key " + a.partitionKey().name() + " in " + sourceA.describe() + " but "
                    + b.partitionKey().name() + " in " + sourceB.describe());
        }
        if (a.sortKey() == null && b.sortKey() == null) {
            return;
        }
        if (a.sortKey() == null || b.sortKey() == null) {
            KeyAttribute present = a.sortKey() != null ? a.sortKey() : b.sortKey();
            ModelSource with = a.sortKey() != null ? sourceA : sourceB;
            ModelSource without = a.sortKey() != null ? sourceB : sourceA;
            conflicts.add(prefix + "sort key " + present.name() + " in " + with.describe() + " but no sort key in "
                    + without.describe());
        } else if (!a.sortKey().name().equals(b.sortKey().name())) {
            conflicts.add(prefix + "sort key " + a.sortKey().name() + " in " + sourceA.describe() + " but "
                    + b.sortKey().name() + " in " + sourceB.describe());
        }
    }

    /**
     * The type of each key attribute, from whichever source states it; an attribute two sources type differently
     * is a conflict (once per pair of sources), wherever each names it (table key or index key).
     */
    private static Map<String, String> attributeTypes(List<TableDefinition> defs, List<String> conflicts) {
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, ModelSource> typedBy = new LinkedHashMap<>();
        Set<String> reported = new HashSet<>();
        for (TableDefinition d : defs) {
            List<KeyAttribute> attributes = new ArrayList<>(d.keys().attributes());
            d.indexes().forEach(i -> attributes.addAll(i.keys().attributes()));
            for (KeyAttribute a : attributes) {
                if (a.type() == null) {
                    continue;
                }
                String known = types.get(a.name());
                if (known == null) {
                    types.put(a.name(), a.type());
                    typedBy.put(a.name(), d.source());
                } else if (!known.equals(a.type()) && reported.add(a.name() + "\u0000" + d.source().describe())) {
                    conflicts.add("key attribute " + a.name() + " has type " + known + " in "
                            + typedBy.get(a.name()).describe() + " but " + a.type() + " in " + d.source().describe());
                }
            }
        }
        return types;
    }

    private static KeySchema typed(KeySchema keys, Map<String, String> types) {
        return new KeySchema(typed(keys.partitionKey(), types),
                keys.sortKey() == null ? null : typed(keys.sortKey(), types));
    }

    private static KeyAttribute typed(KeyAttribute a, Map<String, String> types) {
        return a.type() != null || !types.containsKey(a.name()) ? a : new KeyAttribute(a.name(), types.get(a.name()));
    }

    private static String word(IndexDefinition.Kind kind) {
        return kind == IndexDefinition.Kind.GLOBAL ? "global" : "local";
    }
}
