package io.ddblint.core.model;

import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.Request;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.facts.Value;
import io.ddblint.core.java.ProjectIndex;
import io.ddblint.core.java.TypeInfo;
import io.ddblint.core.sdk.DynamoDbApi;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The linked project: every call site, the project's types and constants. Symbolic strings recorded per file are
 * folded here, where constants from every file are known.
 */
public final class Model {

    private static final int MAX_DEPTH = 16;
    /** Cap on the values a string can take (a choice of choices multiplies). */
    private static final int MAX_VALUES = 64;
    private static final Set<String> ENHANCED_TABLES = Set.of(DynamoDbApi.ENHANCED_TABLE,
            DynamoDbApi.ENHANCED_ASYNC_TABLE);

    private final ProjectIndex index;
    private final List<CallSite> callSites;
    private final List<Table> tables;
    private final Map<String, Table> tablesByName = new HashMap<>();
    /** Bean class → the table names enhanced.table(...) binds it to. */
    private final Map<String, Set<String>> beanTables = new HashMap<>();

    /** A model without table definitions: call sites and constants only. */
    public Model(ProjectIndex index, List<CallSite> callSites) {
        this(index, callSites, List.of());
    }

    /**
     * Links the call sites (see {@link #link(CallSite)}) and merges the table definitions of every source.
     *
     * @param definitions every source's description of a table, names already folded
     */
    public Model(ProjectIndex index, List<CallSite> callSites, List<TableDefinition> definitions) {
        this.index = index;
        this.tables = TableMerger.merge(definitions);
        tables.forEach(t -> tablesByName.put(t.name(), t));
        for (Table t : tables) {
            for (ModelSource s : t.sources()) {
                if (s.kind() == ModelSource.Kind.ENHANCED_BEAN && s.member() != null) {
                    beanTables.computeIfAbsent(s.member(), k -> new TreeSet<>()).add(t.name());
                }
            }
        }
        this.callSites = callSites.stream().map(this::link).toList();
    }

    /**
     * A call site as the rest of the pipeline sees it: every string that folds to one constant becomes a literal
     * (keeping the code as written for messages), and a mapper call without a table name gets its entity's.
     */
    private CallSite link(CallSite site) {
        Request request = index.withEntityTable(site.request());
        if (!request.tableName().isSet() && ENHANCED_TABLES.contains(site.receiverType())) {
            request = withBoundTable(request);
        }
        return site.withRequest(request.withFoldedStrings(this::linked));
    }

    /**
     * An enhanced {@code DynamoDbTable<Order>} whose origin is out of sight (a parameter, an injected bean) works on
     * the table its bean class is bound to, when the project binds that class ({@code enhanced.table(NAME,
     * TableSchema.fromBean(Order.class))}) to exactly one table name; with none or several it stays unlinked.
     * Index objects are left alone: their index is not known this way.
     */
    private Request withBoundTable(Request request) {
        Set<String> bound = request.entityType().known().map(beanTables::get).orElse(null);
        if (bound == null || bound.size() != 1) {
            return request;
        }
        String table = bound.iterator().next();
        return request.withTableName(Value.of(new SymbolicString.Literal(table, table)));
    }

    private SymbolicString linked(SymbolicString s) {
        if (s instanceof SymbolicString.Literal) {
            return s;
        }
        return constant(s).<SymbolicString>map(v -> new SymbolicString.Literal(v, s.text())).orElse(s);
    }

    public List<CallSite> callSites() {
        return callSites;
    }

    /** The value of a string when it is one constant. */
    public Optional<String> constant(SymbolicString s) {
        return values(s).filter(v -> v.size() == 1).map(v -> v.iterator().next());
    }

    /** The value of a request's string property when it is one constant. */
    public Optional<String> constant(Value<SymbolicString> v) {
        return v.known().flatMap(this::constant);
    }

    /** Every value a string can take when all are constants (a choice between constants has several). */
    public Optional<Set<String>> values(SymbolicString s) {
        return s == null ? Optional.empty() : values(s, 0);
    }

    private Optional<Set<String>> values(SymbolicString s, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (s instanceof SymbolicString.Literal l) {
            return Optional.of(Set.of(l.value()));
        }
        if (s instanceof SymbolicString.Choice c) {
            Set<String> all = new LinkedHashSet<>();
            for (SymbolicString option : c.options()) {
                Optional<Set<String>> v = values(option, depth + 1);
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                all.addAll(v.get());
            }
            return all.size() <= MAX_VALUES ? Optional.of(all) : Optional.empty();
        }
        if (s instanceof SymbolicString.Concat c) {
            Set<String> acc = Set.of("");
            for (SymbolicString part : c.parts()) {
                Optional<Set<String>> v = values(part, depth + 1);
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                Set<String> next = new LinkedHashSet<>();
                for (String prefix : acc) {
                    for (String suffix : v.get()) {
                        next.add(prefix + suffix);
                    }
                }
                if (next.size() > MAX_VALUES) {
                    return Optional.empty();
                }
                acc = next;
            }
            return Optional.of(acc);
        }
        if (s instanceof SymbolicString.FieldRef f) {
            return fieldConstant(f).flatMap(c -> values(c, depth + 1));
        }
        return Optional.empty();
    }

    /** The initializer of the final field a reference names, trying each candidate owner and its supertypes. */
    private Optional<SymbolicString> fieldConstant(SymbolicString.FieldRef ref) {
        for (String owner : ref.owners()) {
            Optional<TypeInfo.FieldInfo> field = index.field(owner, ref.name());
            if (field.isPresent()) {
                return Optional.ofNullable(field.get().constant());
            }
        }
        return Optional.empty();
    }

    /** The table a linked call site works on, when statically known: its request's or its mapper entity's. */
    public Optional<String> tableName(CallSite site) {
        return constant(site.request().tableName());
    }

    public Optional<String> indexName(CallSite site) {
        return constant(site.request().indexName());
    }

    /** Every table of the model, conflicting ones included, ordered by name. */
    public List<Table> tables() {
        return tables;
    }

    /** The table of this name, conflicting or not. */
    public Optional<Table> table(String name) {
        return Optional.ofNullable(tablesByName.get(name));
    }

    /**
     * The table a call site is linked to, for rules to judge: empty when the site is not linked, when no source
     * defines the table, or when the table is conflicting (DDB-M005 reports it; no other rule guesses).
     */
    public Optional<Table> table(CallSite site) {
        return linkedTable(site).filter(t -> !t.conflicting());
    }

    /** The table a call site is linked to, conflicting or not: what the inventory lists. */
    public Optional<Table> linkedTable(CallSite site) {
        return tableName(site).flatMap(this::table);
    }

    /**
     * The index a call site reads, on a table rules may judge ({@link #table(CallSite)}): empty when the site names
     * no index, or names one the table does not have.
     */
    public Optional<IndexDefinition> index(CallSite site) {
        return table(site).flatMap(t -> indexName(site).flatMap(t::index));
    }

    /**
     * The key of what a call site reads or writes: the named index's when it names one the table has, the table's
     * when it names none; empty when unlinked, conflicting, or the index is unknown or not constant.
     */
    public Optional<KeySchema> keys(CallSite site) {
        Optional<Table> table = table(site);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        if (site.request().indexName() instanceof Value.Absent<SymbolicString>) {
            return Optional.of(table.get().keys());
        }
        return index(site).map(IndexDefinition::keys);
    }
}
