package io.ddblint.core.model;

import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.java.ProjectIndex;
import io.ddblint.core.model.SchemaFacts.AttributeFact;
import io.ddblint.core.model.SchemaFacts.BindingFact;
import io.ddblint.core.model.SchemaFacts.EntityFact;
import io.ddblint.core.model.SchemaFacts.IndexFact;
import io.ddblint.core.model.SchemaFacts.KeyFact;
import io.ddblint.core.model.SchemaFacts.TableFact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The table definitions of the Java sources: {@link SchemaFacts} with their names folded, now that every file's
 * constants are known. A definition whose table name, key attribute or index name is not one constant is left out,
 * never guessed.
 */
public final class JavaTables {

    private static final int MAX_SUPERTYPE_DEPTH = 8;

    private final Model constants;
    private final ProjectIndex index;
    private final Map<String, List<EntityFact>> entitiesById = new HashMap<>();

    private JavaTables(ProjectIndex index) {
        this.index = index;
        this.constants = new Model(index, List.of());
    }

    /** Every table definition the facts make, in fact order. */
    public static List<TableDefinition> definitions(SchemaFacts facts, ProjectIndex index) {
        JavaTables tables = new JavaTables(index);
        facts.entities().forEach(e -> tables.entitiesById.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e));
        List<TableDefinition> out = new ArrayList<>();
        for (TableFact t : facts.tables()) {
            tables.table(t).ifPresent(out::add);
        }
        for (EntityFact e : facts.entities()) {
            if (e.source().kind() == ModelSource.Kind.MAPPER_ENTITY) {
                tables.mapperTable(e, 0).flatMap(tables::constant)
                        .flatMap(name -> tables.entity(name, e)).ifPresent(out::add);
            }
        }
        Set<String> bound = new HashSet<>();
        for (BindingFact b : facts.bindings()) {
            Optional<String> name = tables.constant(b.table());
            if (name.isEmpty()) {
                continue;
            }
            for (String id : b.schemaIds()) {
                List<EntityFact> entities = tables.entitiesById.get(id);
                if (entities != null) {
                    if (bound.add(name.get() + "\u0000" + id)) {
                        tables.entity(name.get(), entities.get(0)).ifPresent(out::add);
                    }
                    break;
                }
            }
        }
        return out;
    }

    private Optional<String> constant(SymbolicString s) {
        return s == null ? Optional.empty() : constants.constant(s);
    }

    private Optional<TableDefinition> table(TableFact t) {
        Optional<String> name = constant(t.table());
        Optional<String> pk = constant(t.keys().partitionKey());
        if (name.isEmpty() || pk.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> types = new HashMap<>();
        for (AttributeFact a : t.attributes()) {
            constant(a.name()).ifPresent(n -> types.putIfAbsent(n, a.type()));
        }
        Optional<KeySchema> keys = keys(pk.get(), t.keys().sortKey(), types);
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        List<IndexDefinition> indexes = new ArrayList<>();
        for (IndexFact i : t.indexes()) {
            Optional<String> indexName = constant(i.name());
            Optional<String> indexPk = i.keys().partitionKey() == null ? pk : constant(i.keys().partitionKey());
            if (indexName.isEmpty() || indexPk.isEmpty()) {
                continue;
            }
            keys(indexPk.get(), i.keys().sortKey(), types)
                    .ifPresent(k -> indexes.add(new IndexDefinition(indexName.get(), i.kind(), k)));
        }
        return Optional.of(new TableDefinition(name.get(), keys.get(), indexes, t.source()));
    }

    private Optional<KeySchema> keys(String pk, SymbolicString sortKey, Map<String, String> types) {
        if (sortKey == null) {
            return Optional.of(new KeySchema(new KeyAttribute(pk, types.get(pk)), null));
        }
        return constant(sortKey).map(sk -> new KeySchema(new KeyAttribute(pk, types.get(pk)),
                new KeyAttribute(sk, types.get(sk))));
    }

    /** {@code @DynamoDBTable} is inherited: the class's own, else its nearest annotated supertype's. */
    private Optional<SymbolicString> mapperTable(EntityFact e, int depth) {
        if (e.mapperTable() != null) {
            return Optional.of(e.mapperTable());
        }
        if (depth > MAX_SUPERTYPE_DEPTH) {
            return Optional.empty();
        }
        for (String supertype : e.supertypes()) {
            for (EntityFact parent : entitiesById.getOrDefault(prefix(e) + supertype, List.of())) {
                Optional<SymbolicString> found = mapperTable(parent, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Supertypes are looked up among the same mapper's classes: v1 and enhanced annotations never mix. */
    private static String prefix(EntityFact e) {
        return e.source().kind() == ModelSource.Kind.MAPPER_ENTITY ? "mapper:" : "class:";
    }

    /** The keys a class declares and inherits, its own first. */
    private void collectKeys(EntityFact e, List<KeyFact> out, Set<String> seen, int depth) {
        if (!seen.add(e.id()) || depth > MAX_SUPERTYPE_DEPTH) {
            return;
        }
        out.addAll(e.keys());
        for (String supertype : e.supertypes()) {
            for (EntityFact parent : entitiesById.getOrDefault(prefix(e) + supertype, List.of())) {
                collectKeys(parent, out, seen, depth + 1);
            }
        }
    }

    /** A mapped class as the definition of one table. */
    private Optional<TableDefinition> entity(String table, EntityFact e) {
        List<KeyFact> keys = new ArrayList<>();
        collectKeys(e, keys, new HashSet<>(), 0);
        KeyAttribute pk = null;
        KeyAttribute sk = null;
        Map<String, KeyAttribute> indexPk = new LinkedHashMap<>();
        Map<String, KeyAttribute> indexSk = new LinkedHashMap<>();
        Map<String, Boolean> indexLocal = new HashMap<>();
        for (KeyFact k : keys) {
            Optional<String> attribute = constant(k.attribute());
            if (attribute.isEmpty()) {
                return Optional.empty(); // a key we cannot name: the definition would be wrong, not just partial
            }
            KeyAttribute a = new KeyAttribute(attribute.get(), type(k));
            switch (k.role()) {
                case PARTITION -> pk = pk == null ? a : pk;
                case SORT -> sk = sk == null ? a : sk;
                case INDEX_PARTITION, INDEX_SORT -> {
                    for (int i = 0; i < k.indexes().size(); i++) {
                        Optional<String> indexName = constant(k.indexes().get(i));
                        if (indexName.isEmpty()) {
                            continue;
                        }
                        if (k.role() == SchemaFacts.Role.INDEX_PARTITION) {
                            indexPk.putIfAbsent(indexName.get(), a);
                        } else {
                            indexSk.putIfAbsent(indexName.get(), a);
                            if (k.local() != null) {
                                indexLocal.put(indexName.get(), k.local().get(i));
                            }
                        }
                    }
                }
            }
        }
        if (pk == null) {
            return Optional.empty();
        }
        Set<String> names = new LinkedHashSet<>(indexPk.keySet());
        names.addAll(indexSk.keySet());
        List<IndexDefinition> indexes = new ArrayList<>();
        for (String name : names) {
            KeyAttribute ipk = indexPk.get(name);
            KeyAttribute isk = indexSk.get(name);
            if (ipk != null) {
                indexes.add(new IndexDefinition(name, IndexDefinition.Kind.GLOBAL, new KeySchema(ipk, isk)));
            } else if (!Boolean.FALSE.equals(indexLocal.get(name))) {
                // Only a sort key for this index: a local index, which shares the table's partition key. An
                // enhanced bean cannot say GSI or LSI; one whose partition key is the table's and that names only
                // a sort key is taken as local, and TableMerger lets a source that says otherwise win.
                indexes.add(new IndexDefinition(name, IndexDefinition.Kind.LOCAL, new KeySchema(pk, isk)));
            }
            // LIMITATION: a v1 global index with a range key and no hash key in this class is incomplete: left out.
        }
        return Optional.of(new TableDefinition(table, new KeySchema(pk, sk), indexes, e.source()));
    }

    private String type(KeyFact k) {
        if (k.type() != null) {
            return k.type();
        }
        if (k.javaType() != null && index.allSupertypeNames(k.javaType()).contains("java.lang.Enum")) {
            return "S";
        }
        return null;
    }
}
