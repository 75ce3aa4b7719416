package io.ddblint.core.calls;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import io.ddblint.core.facts.ApiFlavor;
import io.ddblint.core.facts.AttributeMap;
import io.ddblint.core.facts.ConstantValue;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.KeySet;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.facts.PositionalKey;
import io.ddblint.core.facts.Request;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.facts.TransactAction;
import io.ddblint.core.facts.Value;
import io.ddblint.core.fold.StringFolder;
import io.ddblint.core.java.AstShapes;
import io.ddblint.core.java.ExpressionTypes;
import io.ddblint.core.java.Snippets;
import io.ddblint.core.java.Variable;
import io.ddblint.core.sdk.RequestTypes.Property;
import io.ddblint.core.sdk.RequestTypes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the request of a call site, whichever way it was written: an inline builder, a request or builder variable
 * built earlier in the method, a {@code Consumer<Builder>} lambda, v1 {@code new XRequest(..).withA(..)} chains and
 * setters, QuerySpec/ScanSpec, mapper expressions, enhanced requests and {@code Expression} objects. Table and index
 * names of enhanced and document API calls come from where the table/index object was created.
 */
final class RequestExtractor {

    private static final int MAX_DEPTH = 12;

    private final ExpressionTypes types;
    private final StringFolder folder;
    private final MapKeys mapKeys;
    private final ObjectOrigins origins;
    private final ConstantValues constants;

    RequestExtractor(ExpressionTypes types, StringFolder folder) {
        this.types = types;
        this.folder = folder;
        this.mapKeys = new MapKeys(types, folder);
        this.origins = new ObjectOrigins(types, folder);
        this.constants = new ConstantValues(types, folder);
    }

    /** One property assignment seen in the request. */
    private record Setting(Property property, Expression value, Node at) {
    }

    /** What was gathered about one request. */
    private final class Collector {
        final List<Setting> settings = new ArrayList<>();
        final Set<Node> visited = new HashSet<>();
        final Set<Variable> visitedVariables = new HashSet<>();
        boolean followed = true;
    }

    Request extract(MethodCallExpr call, ApiFlavor flavor, Operation operation) {
        Collector c = new Collector();
        ObjectOrigins.Origin origin = ObjectOrigins.Origin.NONE;
        Value<String> entity = Value.absent();
        List<Expression> args = call.getArguments();
        switch (flavor) {
            case V2_CLIENT, V2_ASYNC_CLIENT -> args.stream().findFirst().ifPresent(a -> collect(a, c, 0));
            case V2_ENHANCED, V2_ENHANCED_ASYNC -> {
                origin = call.getScope().map(origins::of).orElse(ObjectOrigins.Origin.NONE);
                entity = entity(origin.entity());
                args.stream().findFirst().ifPresent(a -> {
                    if (constants.isPositionalKey(a)) {
                        c.settings.add(new Setting(Property.KEY, a, a)); // getItem(Key), deleteItem(Key)
                    } else {
                        collect(a, c, 0);
                    }
                });
            }
            case V1_CLIENT -> args.stream().findFirst().ifPresent(a -> {
                if (isString(a)) {
                    c.settings.add(new Setting(Property.TABLE_NAME, a, a));
                } else {
                    collect(a, c, 0);
                }
            });
            case V1_DOCUMENT -> {
                origin = call.getScope().map(origins::of).orElse(ObjectOrigins.Origin.NONE);
                documentArguments(args, operation, c);
                documentKey(call, operation, c);
            }
            case V1_MAPPER -> {
                entity = entity(mapperEntity(args));
                if (args.size() >= 2 && (operation == Operation.QUERY || operation == Operation.SCAN)) {
                    collect(args.get(1), c, 0);
                }
            }
        }
        return build(c, origin, entity);
    }

    /** Document API {@code Table.scan(String filter, [String projection,] Map names, Map values)} or a spec. */
    private void documentArguments(List<Expression> args, Operation operation, Collector c) {
        if (args.isEmpty()) {
            return;
        }
        Expression first = args.get(0);
        if (!isString(first)) {
            collect(first, c, 0);
            return;
        }
        if (operation != Operation.SCAN) {
            // query(hashKeyName, hashKeyValue, ...): no expression strings in these overloads
            return;
        }
        c.settings.add(new Setting(Property.FILTER, first, first));
        int maps = 1;
        if (args.size() == 4) {
            c.settings.add(new Setting(Property.PROJECTION, args.get(1), args.get(1)));
            maps = 2;
        }
        if (args.size() >= maps + 2) {
            c.settings.add(new Setting(Property.ATTRIBUTE_NAMES, args.get(maps), args.get(maps)));
            c.settings.add(new Setting(Property.ATTRIBUTE_VALUES, args.get(maps + 1), args.get(maps + 1)));
        }
    }

    /**
     * Document API {@code table.getItem("pk", v)}, {@code getItem(primaryKey)}, {@code deleteItem(keyAttribute, ..)}:
     * the key is in the arguments (a spec argument is read by {@link #collect}).
     */
    private void documentKey(MethodCallExpr call, Operation operation, Collector c) {
        List<Expression> args = call.getArguments();
        if ((operation == Operation.GET_ITEM || operation == Operation.DELETE_ITEM) && !args.isEmpty()
                && (isString(args.get(0)) || constants.isDocumentKey(args.get(0)))) {
            c.settings.add(new Setting(Property.KEY, call, call));
        }
    }

    /** The mapped class of a mapper or enhanced call: always one, though not always known. */
    private static Value<String> entity(String type) {
        return type == null ? Value.unknown(Value.Reason.OTHER, null) : Value.known(type);
    }

    private String mapperEntity(List<Expression> args) {
        if (args.isEmpty()) {
            return null;
        }
        Expression first = AstShapes.unwrap(args.get(0));
        if (first instanceof ClassExpr ce) {
            return types.file().resolve(ce.getType(), ce).orElse(null);
        }
        // save(entity), delete(entity), load(entity): the entity's static type
        return types.typeOf(first).orElse(null);
    }

    private boolean isString(Expression e) {
        Optional<String> t = types.typeOf(e);
        if (t.isPresent()) {
            return t.get().equals("java.lang.String");
        }
        return !(folder.fold(e) instanceof SymbolicString.Unknown);
    }

    /** Gathers the settings of a request expression. */
    private void collect(Expression expression, Collector c, int depth) {
        Expression e = AstShapes.unwrap(expression);
        if (depth > MAX_DEPTH || !c.visited.add(e)) {
            return;
        }
        if (e instanceof LambdaExpr lambda) {
            collectLambda(lambda, c);
        } else if (e instanceof MethodCallExpr call) {
            collectChain(call, c, depth);
        } else if (e instanceof ObjectCreationExpr oce) {
            collectConstructor(oce, c);
        } else if (e instanceof NameExpr n) {
            collectVariable(n, c, depth);
        } else {
            c.followed = false;
        }
    }

    /** {@code b -> b.tableName("t").limit(10)} or a block body of statements on {@code b}. */
    private void collectLambda(LambdaExpr lambda, Collector c) {
        if (lambda.getParameters().size() != 1) {
            c.followed = false;
            return;
        }
        String param = lambda.getParameter(0).getNameAsString();
        for (MethodCallExpr call : lambda.getBody().findAll(MethodCallExpr.class)) {
            if (AstShapes.chainRoot(call).filter(param::equals).isPresent()) {
                record(call, c);
            }
        }
    }

    private void collectChain(MethodCallExpr call, Collector c, int depth) {
        Expression cur = call;
        while (cur instanceof MethodCallExpr m) {
            record(m, c);
            if (m.getScope().isEmpty()) {
                if (RequestTypes.property(m.getNameAsString()).isEmpty()) {
                    // built by a helper method of the project: not followed
                    c.followed = false;
                }
                return;
            }
            cur = AstShapes.unwrap(m.getScope().get());
        }
        if (cur instanceof NameExpr n && !types.isTypeName(n)) {
            collectVariable(n, c, depth + 1);
        } else if (cur instanceof ObjectCreationExpr oce) {
            collectConstructor(oce, c);
        } else if (!(cur instanceof NameExpr || cur instanceof FieldAccessExpr && types.isTypeName(cur))) {
            c.followed = false;
        }
    }

    private void record(MethodCallExpr m, Collector c) {
        String name = m.getNameAsString();
        if (name.equals("withPrimaryKey") && !m.getArguments().isEmpty()) {
            // document API specs: withPrimaryKey("pk", v[, "sk", w]), withPrimaryKey(primaryKey or KeyAttribute...)
            c.settings.add(new Setting(Property.KEY, m, m));
        } else if (RequestTypes.property(name).filter(p -> p == Property.TRANSACT_ITEMS).isPresent()) {
            // transactItems(List) or transactItems(a, b, c): the whole call, read by transactActions
            c.settings.add(new Setting(Property.TRANSACT_ITEMS, m, m));
        } else if (m.getArguments().size() == 1) {
            RequestTypes.property(name).ifPresent(p -> c.settings.add(new Setting(p, m.getArgument(0), m)));
        } else if (m.getArguments().size() == 2) {
            // addExpressionAttributeNamesEntry("#k", v): a single-entry map, recorded by its key
            RequestTypes.mapEntryAdder(name).ifPresent(p -> c.settings.add(new Setting(p, m, m)));
        }
    }

    /** v1 {@code new ScanRequest("orders")}, {@code new GetItemRequest(table, key)}: the first argument is the table. */
    private void collectConstructor(ObjectCreationExpr oce, Collector c) {
        String type = oce.getType().getNameAsString();
        if (type.endsWith("Request") && !oce.getArguments().isEmpty() && isString(oce.getArgument(0))) {
            c.settings.add(new Setting(Property.TABLE_NAME, oce.getArgument(0), oce));
            if (oce.getArguments().size() >= 2) {
                // new GetItemRequest(table, key), new PutItemRequest(table, item)
                Property p = type.equals("PutItemRequest") ? Property.ITEM : Property.KEY;
                if (type.equals("PutItemRequest") || type.equals("GetItemRequest") || type.equals("DeleteItemRequest")
                        || type.equals("UpdateItemRequest")) {
                    c.settings.add(new Setting(p, oce.getArgument(1), oce));
                }
            }
        }
    }

    /**
     * A request (or builder) variable: its initializer, later statements that call setters/withers/builder methods
     * on it, and reassignments, all in the declaring body. Parameters and mutable fields are not followed.
     */
    private void collectVariable(NameExpr n, Collector c, int depth) {
        Optional<Variable> found = types.scopes().find(n.getNameAsString(), n);
        if (found.isEmpty()) {
            c.followed = false;
            return;
        }
        Variable v = found.get();
        boolean followable = v.kind() == Variable.Kind.LOCAL
                || v.kind() == Variable.Kind.FIELD && v.isFinal() && v.initializer() != null;
        if (!followable) {
            c.followed = false;
            return;
        }
        if (!c.visitedVariables.add(v)) {
            return;
        }
        if (v.initializer() != null) {
            collect(v.initializer(), c, depth + 1);
        }
        if (v.kind() != Variable.Kind.LOCAL) {
            return;
        }
        for (MethodCallExpr call : v.scope().findAll(MethodCallExpr.class)) {
            boolean statement = call.getParentNode().filter(p -> p instanceof ExpressionStmt).isPresent();
            if (statement && AstShapes.chainRoot(call).filter(v.name()::equals).isPresent()) {
                for (Expression cur = call; cur instanceof MethodCallExpr m; cur = m.getScope().orElse(null)) {
                    record(m, c);
                }
            }
        }
        for (AssignExpr a : v.scope().findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(v.name())) {
                collect(a.getValue(), c, depth + 1);
            }
        }
    }

    private Request build(Collector c, ObjectOrigins.Origin origin, Value<String> entity) {
        c.settings.sort(Comparator.comparing(s -> s.at().getBegin().map(p -> p.line * 100_000L + p.column)
                .orElse(0L)));
        Value<SymbolicString> table = Value.of(origin.table());
        Value<SymbolicString> index = Value.of(origin.index());
        Map<ExpressionKind, Value<SymbolicString>> expressions = new EnumMap<>(ExpressionKind.class);
        List<KeySet> names = new ArrayList<>();
        List<KeySet> values = new ArrayList<>();
        List<AttributeMap> valueMaps = new ArrayList<>();
        Value<AttributeMap> key = Value.absent();
        Value<AttributeMap> item = Value.absent();
        Value<PositionalKey> positionalKey = Value.absent();
        List<TransactAction> actions = null;
        Value<SymbolicString> limit = Value.absent();
        Value<Boolean> consistent = Value.absent();
        Value<SymbolicString> statement = Value.absent();
        for (Setting s : c.settings) {
            Expression value = s.value();
            switch (s.property()) {
                case TABLE_NAME -> table = Value.of(folder.fold(value));
                case INDEX_NAME -> index = Value.of(folder.fold(value));
                case KEY_CONDITION, FILTER, PROJECTION, CONDITION, UPDATE ->
                        expressions.put(s.property().expressionKind().orElseThrow(),
                                Value.of(expressionText(value, names, values, valueMaps)));
                case ATTRIBUTE_NAMES -> names.add(keys(value));
                case ATTRIBUTE_VALUES -> {
                    values.add(keys(value));
                    valueMaps.add(valueMap(value));
                }
                case KEY -> {
                    if (constants.isPositionalKey(value)) {
                        Optional<PositionalKey> k = constants.positionalKey(value);
                        positionalKey = k.isPresent() ? Value.known(k.get())
                                : Value.unknown(Value.Reason.OTHER, Snippets.normalize(value));
                    } else {
                        key = value instanceof MethodCallExpr m && DOCUMENT_KEY_CALLS.contains(m.getNameAsString())
                                ? Value.known(constants.documentKey(m.getArguments())) : attributeMap(value);
                    }
                }
                case ITEM -> item = attributeMap(value);
                case TRANSACT_ITEMS -> {
                    actions = actions == null ? new ArrayList<>() : actions;
                    actions.addAll(transactActions((MethodCallExpr) value));
                }
                case LIMIT -> limit = Value.of(folder.fold(value));
                case CONSISTENT_READ -> consistent = flag(value);
                case STATEMENT -> statement = Value.of(folder.fold(value));
                case EXPRESSION -> {
                    // only meaningful inside an enhanced Expression object, handled by expressionText
                }
            }
        }
        boolean followed = c.followed;
        for (ExpressionKind kind : ExpressionKind.values()) {
            expressions.put(kind, expressions.getOrDefault(kind, Value.absent()).orNotFollowed(followed));
        }
        return new Request(
                new Request.Target(table.orNotFollowed(followed), index.orNotFollowed(followed), entity),
                new Request.Expressions(expressions, merge(names).orNotFollowed(followed),
                        merge(values).orNotFollowed(followed)),
                new Request.ReadOptions(limit.orNotFollowed(followed), consistent.orNotFollowed(followed)),
                statement.orNotFollowed(followed), Value.absent(),
                new Request.Contents(mergeMaps(valueMaps).orNotFollowed(followed), key.orNotFollowed(followed),
                        item.orNotFollowed(followed),
                        (actions == null ? Value.<List<TransactAction>>absent() : Value.known(List.copyOf(actions)))
                                .orNotFollowed(followed), positionalKey.orNotFollowed(followed)));
    }

    /** A key or item map: known when its form is one {@link ConstantValues} reads, else unknown. */
    private Value<AttributeMap> attributeMap(Expression value) {
        if (!constants.isMap(value)) {
            return Value.unknown(Value.Reason.OTHER, Snippets.normalize(value));
        }
        return Value.known(constants.mapOf(value));
    }

    /** A values map argument, or the two-argument entry adder call ({@code putExpressionValue(":v", av)}). */
    private AttributeMap valueMap(Expression value) {
        if (value instanceof MethodCallExpr m && m.getArguments().size() == 2
                && RequestTypes.mapEntryAdder(m.getNameAsString()).isPresent()) {
            String k = ConstantValues.constant(folder.fold(m.getArgument(0)));
            return k == null ? AttributeMap.UNKNOWN
                    : new AttributeMap(Map.of(k, constants.valueOf(m.getArgument(1))), true);
        }
        return constants.mapOf(value);
    }

    private static Value<AttributeMap> mergeMaps(List<AttributeMap> maps) {
        if (maps.isEmpty()) {
            return Value.absent();
        }
        Map<String, ConstantValue> entries = new java.util.HashMap<>();
        boolean complete = true;
        for (AttributeMap m : maps) {
            entries.putAll(m.entries());
            complete &= m.complete();
        }
        return Value.known(new AttributeMap(entries, complete));
    }

    /**
     * The actions of {@code transactItems(List.of(a, b))}, {@code transactItems(a, b)} or a local list filled with
     * {@code add}: each element a v2 {@code TransactWriteItem.builder()...build()} or a v1 {@code new
     * TransactWriteItem().withPut(..)}, inline or in a local. Elements of other forms are left out.
     */
    private List<TransactAction> transactActions(MethodCallExpr call) {
        List<Expression> elements = new ArrayList<>(call.getArguments());
        if (elements.size() == 1) {
            Expression only = AstShapes.unwrap(elements.get(0));
            if (only instanceof MethodCallExpr m && m.getScope().isPresent()
                    && Set.of("of", "asList", "singletonList").contains(m.getNameAsString())) {
                elements = new ArrayList<>(m.getArguments());
            } else if (only instanceof NameExpr n) {
                Optional<Variable> v = types.scopes().find(n.getNameAsString(), n);
                if (v.isPresent() && v.get().kind() == Variable.Kind.LOCAL && v.get().initializer() != null
                        && !isTransactItem(v.get().initializer())) {
                    elements = new ArrayList<>();
                    if (AstShapes.unwrap(v.get().initializer()) instanceof MethodCallExpr m
                            && Set.of("of", "asList").contains(m.getNameAsString())) {
                        elements.addAll(m.getArguments());
                    }
                    for (MethodCallExpr add : v.get().scope().findAll(MethodCallExpr.class)) {
                        if (add.getNameAsString().equals("add") && add.getArguments().size() == 1
                                && add.getScope().filter(s -> s instanceof NameExpr sn
                                && sn.getNameAsString().equals(n.getNameAsString())).isPresent()) {
                            elements.add(add.getArgument(0));
                        }
                    }
                }
            }
        }
        List<TransactAction> out = new ArrayList<>();
        for (Expression e : elements) {
            transactAction(e).ifPresent(out::add);
        }
        return out;
    }

    private static final Set<String> DOCUMENT_KEY_CALLS = Set.of("withPrimaryKey", "getItem", "deleteItem");

    private static final Map<String, TransactAction.Kind> ACTION_KINDS = Map.of(
            "conditionCheck", TransactAction.Kind.CONDITION_CHECK, "put", TransactAction.Kind.PUT,
            "update", TransactAction.Kind.UPDATE, "delete", TransactAction.Kind.DELETE);

    private static boolean isTransactItem(Expression e) {
        Expression cur = AstShapes.unwrap(e);
        while (cur instanceof MethodCallExpr m && m.getScope().isPresent()) {
            cur = AstShapes.unwrap(m.getScope().get());
        }
        return cur instanceof ObjectCreationExpr oce && oce.getType().getNameAsString().equals("TransactWriteItem")
                || cur instanceof NameExpr n && n.getNameAsString().equals("TransactWriteItem");
    }

    /** One element: the actions its chain sets, and the table, key and item of the last one. */
    private Optional<TransactAction> transactAction(Expression element) {
        Expression e = AstShapes.unwrap(element);
        if (e instanceof NameExpr n) {
            Optional<Variable> v = types.scopes().find(n.getNameAsString(), n);
            if (v.isEmpty() || v.get().kind() != Variable.Kind.LOCAL || v.get().initializer() == null) {
                return Optional.empty();
            }
            e = AstShapes.unwrap(v.get().initializer());
        }
        if (!isTransactItem(e)) {
            return Optional.empty();
        }
        List<TransactAction.Kind> kinds = new ArrayList<>();
        Request last = null;
        for (Expression cur = e; cur instanceof MethodCallExpr m; cur = m.getScope().map(AstShapes::unwrap)
                .orElse(null)) {
            String name = m.getNameAsString();
            if ((name.startsWith("with") || name.startsWith("set")) && name.length() > 4) {
                int cut = name.startsWith("with") ? 4 : 3;
                name = Character.toLowerCase(name.charAt(cut)) + name.substring(cut + 1);
            }
            TransactAction.Kind kind = ACTION_KINDS.get(name);
            if (kind != null && m.getArguments().size() == 1) {
                kinds.add(0, kind);
                if (last == null) {
                    Collector sub = new Collector();
                    collect(m.getArgument(0), sub, 0);
                    last = build(sub, ObjectOrigins.Origin.NONE, Value.absent());
                }
            }
        }
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TransactAction(kinds, last.tableName(), last.key(), last.item(),
                AstShapes.callRange((MethodCallExpr) e), Snippets.normalize(e)));
    }

    /** A map argument, or the two-argument entry adder call whose first argument is the key. */
    private KeySet keys(Expression value) {
        if (value instanceof MethodCallExpr m && m.getArguments().size() == 2
                && RequestTypes.mapEntryAdder(m.getNameAsString()).isPresent()) {
            return MapKeys.literal(folder.fold(m.getArgument(0)))
                    .map(k -> new KeySet(Set.of(k), true)).orElse(KeySet.UNKNOWN);
        }
        return mapKeys.keysOf(value);
    }

    /**
     * A string expression, or an enhanced {@code Expression} object whose {@code expression(..)} gives the string
     * and whose names/values are merged into the request's.
     */
    private SymbolicString expressionText(Expression value, List<KeySet> names, List<KeySet> values,
                                          List<AttributeMap> valueMaps) {
        Expression e = AstShapes.unwrap(value);
        if (e instanceof MethodCallExpr || e instanceof NameExpr && !isString(e)) {
            Collector sub = new Collector();
            collect(e, sub, 0);
            Optional<Setting> text = sub.settings.stream().filter(s -> s.property() == Property.EXPRESSION)
                    .reduce((a, b) -> b);
            if (text.isPresent()) {
                for (Setting s : sub.settings) {
                    if (s.property() == Property.ATTRIBUTE_NAMES) {
                        names.add(keys(s.value()));
                    } else if (s.property() == Property.ATTRIBUTE_VALUES) {
                        values.add(keys(s.value()));
                        valueMaps.add(valueMap(s.value()));
                    }
                }
                return folder.fold(text.get().value());
            }
        }
        return folder.fold(value);
    }

    private static Value<KeySet> merge(List<KeySet> sets) {
        if (sets.isEmpty()) {
            return Value.absent();
        }
        Set<String> keys = new HashSet<>();
        boolean complete = true;
        for (KeySet s : sets) {
            keys.addAll(s.keys());
            complete &= s.complete();
        }
        return Value.known(new KeySet(keys, complete));
    }

    private static Value<Boolean> flag(Expression value) {
        Expression e = AstShapes.unwrap(value);
        if (e instanceof BooleanLiteralExpr b) {
            return Value.known(b.getValue());
        }
        String text = e.toString();
        if (text.equals("Boolean.TRUE") || text.equals("Boolean.FALSE")) {
            return Value.known(text.equals("Boolean.TRUE"));
        }
        return Value.unknown(Value.Reason.OTHER, Snippets.normalize(e));
    }
}
