package io.ddblint.core.model;

import io.ddblint.core.facts.SymbolicString;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What Java sources say about tables, read while each file's AST is alive and kept as small records. Names stay
 * symbolic: a table name or key attribute may be a {@code static final} constant of another file, folded when the
 * model is linked ({@link JavaTables}).
 *
 * @param tables    tables described in one place (a {@code CreateTableRequest}, a CDK {@code Table})
 * @param entities  mapped classes and schemas (enhanced beans, static schemas, v1 mapper entities)
 * @param bindings  {@code enhanced.table(NAME, schema)}: which schema a table name is mapped with
 * @param unnamed   definitions without a table name (CDK generates one): skipped, not guessed
 */
public record SchemaFacts(List<TableFact> tables, List<EntityFact> entities, List<BindingFact> bindings,
                          List<ModelSource> unnamed) {

    public static final SchemaFacts NONE = new SchemaFacts(List.of(), List.of(), List.of(), List.of());

    public SchemaFacts {
        tables = List.copyOf(tables);
        entities = List.copyOf(entities);
        bindings = List.copyOf(bindings);
        unnamed = List.copyOf(unnamed);
    }

    public boolean isEmpty() {
        return tables.isEmpty() && entities.isEmpty() && bindings.isEmpty() && unnamed.isEmpty();
    }

    public static SchemaFacts concat(Collection<SchemaFacts> parts) {
        List<TableFact> t = new ArrayList<>();
        List<EntityFact> e = new ArrayList<>();
        List<BindingFact> b = new ArrayList<>();
        List<ModelSource> u = new ArrayList<>();
        for (SchemaFacts p : parts) {
            t.addAll(p.tables());
            e.addAll(p.entities());
            b.addAll(p.bindings());
            u.addAll(p.unnamed());
        }
        return new SchemaFacts(t, e, b, u);
    }

    /** Every symbolic string, for the scan to read the files that declare their constants. */
    public List<SymbolicString> strings() {
        List<SymbolicString> all = new ArrayList<>();
        for (TableFact t : tables) {
            all.add(t.table());
            t.keys().addTo(all);
            t.attributes().forEach(a -> all.add(a.name()));
            for (IndexFact i : t.indexes()) {
                all.add(i.name());
                i.keys().addTo(all);
            }
        }
        for (EntityFact e : entities) {
            all.add(e.mapperTable());
            for (KeyFact k : e.keys()) {
                all.add(k.attribute());
                all.addAll(k.indexes());
            }
        }
        bindings.forEach(b -> all.add(b.table()));
        all.removeIf(Objects::isNull);
        return all;
    }

    /** The Java types of mapped keys whose scalar type only their declaration tells (an enum of another file). */
    public List<String> keyJavaTypes() {
        return entities.stream().flatMap(e -> e.keys().stream()).map(KeyFact::javaType).filter(Objects::nonNull)
                .distinct().toList();
    }

    /** A partition key and an optional sort key, by attribute name; a null partition key means "the table's". */
    public record KeysFact(SymbolicString partitionKey, SymbolicString sortKey) {

        void addTo(List<SymbolicString> out) {
            out.add(partitionKey);
            out.add(sortKey);
        }
    }

    /** A secondary index as a table definition lists it. */
    public record IndexFact(SymbolicString name, IndexDefinition.Kind kind, KeysFact keys) {
    }

    /** An attribute definition: the scalar type ({@code S}, {@code N}, {@code B}) of a key attribute. */
    public record AttributeFact(SymbolicString name, String type) {
    }

    /** A table described in full in one place. */
    public record TableFact(SymbolicString table, KeysFact keys, List<IndexFact> indexes,
                            List<AttributeFact> attributes, ModelSource source) {

        public TableFact {
            indexes = List.copyOf(indexes);
            attributes = List.copyOf(attributes);
        }
    }

    /** What a mapped key attribute is to its table. */
    public enum Role {
        PARTITION, SORT,
        /** A secondary index's partition key; every named index is global. */
        INDEX_PARTITION,
        /** A secondary index's sort key; the kind of each named index comes from the source's words, if it has any. */
        INDEX_SORT
    }

    /**
     * One key annotation or tag of a mapped class.
     *
     * @param type     the scalar type from the Java type when it is certain, else null
     * @param javaType the resolved Java type when only the project can tell (an enum of another file), else null
     * @param indexes  the index names, for index roles
     * @param local    for {@link Role#INDEX_SORT}: per index name in {@code indexes}, whether the source says it is
     *                 a local index (v1 {@code localSecondaryIndexName}); null when the source does not say
     */
    public record KeyFact(Role role, SymbolicString attribute, String type, String javaType,
                          List<SymbolicString> indexes, List<Boolean> local) {

        public KeyFact {
            indexes = List.copyOf(indexes);
            local = local == null ? null : List.copyOf(local);
        }
    }

    /**
     * A mapped class or schema.
     *
     * @param id          how bindings name it: {@code class:<fqn>} for an annotated class, {@code field:<owner>#<name>}
     *                    for a schema held in a field, {@code expr:<path>:<line>:<column>} for one built in place
     * @param mapperTable v1 {@code @DynamoDBTable(tableName = ...)}, null for enhanced schemas (bound by name)
     * @param supertypes  the class's resolved supertypes, whose key annotations it inherits
     */
    public record EntityFact(String id, SymbolicString mapperTable, List<KeyFact> keys, List<String> supertypes,
                             ModelSource source) {

        public EntityFact {
            keys = List.copyOf(keys);
            supertypes = List.copyOf(supertypes);
        }
    }

    /** {@code enhanced.table(NAME, schema)}: the schema, as the candidate ids it may be (see {@link EntityFact#id}). */
    public record BindingFact(SymbolicString table, List<String> schemaIds) {

        public BindingFact {
            schemaIds = List.copyOf(schemaIds);
        }
    }
}
