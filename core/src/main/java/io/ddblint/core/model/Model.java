package io.ddblint.core.model;

import io.ddblint.core.facts.AttributeWrite;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.EntityShape;
import io.ddblint.core.facts.ItemWrite;
import io.ddblint.core.facts.Location;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.facts.WriteEvidence;
import io.ddblint.core.facts.WrittenValue;
import io.ddblint.core.facts.Request;
import io.ddblint.core.facts.ClientCreation;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.facts.Value;
import io.ddblint.core.java.ProjectIndex;
import io.ddblint.core.java.TypeInfo;
import io.ddblint.core.sdk.DynamoDbApi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
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
    private final WriteEvidence evidence;
    /** The item writes per table name, made on first use. */
    private Map<String, List<LinkedWrite>> writesByTable;
    /** Bean class → the table names enhanced.table(...) binds it to. */
    private final Map<String, Set<String>> beanTables = new HashMap<>();
    private final List<ClientCreation> clientCreations;

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
        this(index, callSites, definitions, List.of(), WriteEvidence.NONE);
    }

    /** @param clientCreations where the project creates DynamoDB clients, in file order */
    public Model(ProjectIndex index, List<CallSite> callSites, List<TableDefinition> definitions,
                 List<ClientCreation> clientCreations) {
        this(index, callSites, definitions, clientCreations, WriteEvidence.NONE);
    }

    /** @param evidence what write calls write into each attribute, entity shapes, placeholder names */
    public Model(ProjectIndex index, List<CallSite> callSites, List<TableDefinition> definitions,
                 WriteEvidence evidence) {
        this(index, callSites, definitions, List.of(), evidence);
    }

    /**
     * The whole model: the call sites linked, the table definitions of every source merged, where clients are
     * created, and the key-value evidence read from the code.
     */
    public Model(ProjectIndex index, List<CallSite> callSites, List<TableDefinition> definitions,
                 List<ClientCreation> clientCreations, WriteEvidence evidence) {
        this.evidence = evidence;
        this.index = index;
        this.clientCreations = List.copyOf(clientCreations);
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

    /** Every creation of a DynamoDB client, enhanced client, document API {@code DynamoDB} or mapper. */
    public List<ClientCreation> clientCreations() {
        return clientCreations;
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

    // ---- Key-value evidence (DDB-M001..M003 and later model rules) ----

    /** An item write with the call site it belongs to. */
    private record LinkedWrite(ItemWrite write, CallSite site) {
    }

    /**
     * The attribute names a call site's {@code #placeholders} stand for, where the request gives them as constants
     * ({@code "#s" -> "status"}); placeholders whose name is not a constant are left out.
     */
    public Map<String, String> attributeNames(CallSite site) {
        Map<String, SymbolicString> names = evidence.names().get(site.location());
        if (names == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        names.forEach((placeholder, name) -> constant(name).ifPresent(n -> out.put(placeholder, n)));
        return out;
    }

    /**
     * What the code writes into one attribute of a table: every value seen, and whether every write linked to the
     * table was read far enough to know. Reads (Query values, GetItem and DeleteItem keys) are not writes.
     */
    public KeyWrites keyWrites(Table table, String attribute) {
        List<KeyWrite> out = new ArrayList<>();
        boolean complete = true;
        // An UpdateItem cannot change the table's own key: its unread SET actions only hide other attributes.
        boolean tableKey = table.keys().isKey(attribute);
        for (LinkedWrite lw : writesByTable().getOrDefault(table.name(), List.of())) {
            if (tableKey && lw.site().operation() == Operation.UPDATE_ITEM
                    && lw.write().kind() != ItemWrite.Kind.UPDATE_KEY && lw.write().attributes().isEmpty()) {
                continue;
            }
            boolean seen = false;
            for (AttributeWrite aw : lw.write().attributes()) {
                if (attributeName(lw, aw.attribute()).equals(attribute)) {
                    out.add(resolve(attribute, aw));
                    seen = true;
                }
            }
            complete &= seen || lw.write().complete();
        }
        out.sort(Comparator.comparing((KeyWrite w) -> w.location().path()).thenComparing(w -> w.location().range()));
        return new KeyWrites(attribute, out, complete);
    }

    /** The mapped entity class of a table: an entity source of the table, or the entity its calls are made with. */
    public Optional<EntityShape> entity(Table table) {
        for (ModelSource source : table.sources()) {
            if (source.member() != null && (source.kind() == ModelSource.Kind.ENHANCED_BEAN
                    || source.kind() == ModelSource.Kind.MAPPER_ENTITY)) {
                EntityShape shape = evidence.entities().get(source.member());
                if (shape != null) {
                    return Optional.of(shape);
                }
            }
        }
        for (CallSite site : callSites) {
            if (site.request().entityType().known().isPresent()
                    && tableName(site).filter(table.name()::equals).isPresent()) {
                EntityShape shape = evidence.entities().get(site.request().entityType().known().get());
                if (shape != null) {
                    return Optional.of(shape);
                }
            }
        }
        return Optional.empty();
    }

    /** The shape of a mapped entity class, fully qualified. */
    public Optional<EntityShape> entity(String type) {
        return Optional.ofNullable(evidence.entities().get(type));
    }

    /** How many constants a project enum declares; empty when the type is not an enum the analysis read. */
    public OptionalInt enumConstants(String type) {
        Integer n = evidence.enumConstants().get(type);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /** Whether a type is a class of the project (an entity's child object, say), not a JDK or library type. */
    public boolean isProjectType(String type) {
        return index.contains(type);
    }

    private KeyWrite resolve(String attribute, AttributeWrite aw) {
        WrittenValue v = aw.value();
        if (v instanceof WrittenValue.Text t) {
            Optional<Set<String>> values = values(t.value());
            if (values.isPresent()) {
                return new KeyWrite(attribute, KeyWrite.Kind.CONSTANT, values.get(), null, 0, null, aw.location(),
                        aw.code());
            }
        } else if (v instanceof WrittenValue.EnumValue e) {
            OptionalInt count = enumConstants(e.enumType());
            if (count.isPresent()) {
                return new KeyWrite(attribute, KeyWrite.Kind.ENUM, Set.of(), e.enumType(), count.getAsInt(), null,
                        aw.location(), aw.code());
            }
            // Keys.NS: a string constant after all
            Optional<Set<String>> values = e.text() == null ? Optional.empty() : values(e.text());
            if (values.isPresent()) {
                return new KeyWrite(attribute, KeyWrite.Kind.CONSTANT, values.get(), null, 0, null, aw.location(),
                        aw.code());
            }
        } else if (v instanceof WrittenValue.DateTime d) {
            return new KeyWrite(attribute, KeyWrite.Kind.DATE, Set.of(), null, 0, d.unit(), aw.location(),
                    aw.code());
        }
        return new KeyWrite(attribute, KeyWrite.Kind.OTHER, Set.of(), null, 0, null, aw.location(), aw.code());
    }

    /** An entity write names Java properties: the attribute each is stored as. */
    private String attributeName(LinkedWrite lw, String name) {
        if (lw.write().kind() != ItemWrite.Kind.ENTITY) {
            return name;
        }
        return lw.site().request().entityType().known().map(evidence.entities()::get)
                .map(shape -> shape.propertyNames().getOrDefault(name, name)).orElse(name);
    }

    private synchronized Map<String, List<LinkedWrite>> writesByTable() {
        if (writesByTable != null) {
            return writesByTable;
        }
        Map<Location, CallSite> sites = new HashMap<>();
        callSites.forEach(s -> sites.put(s.location(), s));
        Map<String, List<LinkedWrite>> byTable = new HashMap<>();
        Set<Location> read = new java.util.HashSet<>();
        for (ItemWrite w : evidence.writes()) {
            CallSite site = sites.get(w.site());
            if (site == null) {
                continue;
            }
            read.add(w.site());
            Optional<String> table = w.table() != null ? constant(w.table()) : tableName(site);
            table.ifPresent(t -> byTable.computeIfAbsent(t, k -> new ArrayList<>()).add(new LinkedWrite(w, site)));
        }
        // A write call whose item the extraction did not see at all (a method reference, say) hides its values.
        // LIMITATION: a batch or transaction write whose items or tables were not read (built in another method,
        // mapper batchSave) is not counted against any table: the table it writes cannot be known.
        for (CallSite site : callSites) {
            boolean write = site.operation() == Operation.PUT_ITEM || site.operation() == Operation.UPDATE_ITEM;
            if (write && !read.contains(site.location())) {
                tableName(site).ifPresent(t -> byTable.computeIfAbsent(t, k -> new ArrayList<>()).add(
                        new LinkedWrite(new ItemWrite(site.location(), ItemWrite.Kind.ITEM, null, List.of(), false),
                                site)));
            }
        }
        writesByTable = byTable;
        return byTable;
    }
}
