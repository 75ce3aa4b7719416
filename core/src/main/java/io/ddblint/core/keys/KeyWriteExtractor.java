package io.ddblint.core.keys;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import io.ddblint.core.SourceRange;
import io.ddblint.core.facts.ApiFlavor;
import io.ddblint.core.facts.AttributeWrite;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ItemWrite;
import io.ddblint.core.facts.Location;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.facts.WrittenValue;
import io.ddblint.core.fold.StringFolder;
import io.ddblint.core.java.AstShapes;
import io.ddblint.core.java.ExpressionTypes;
import io.ddblint.core.java.FileContext;
import io.ddblint.core.java.ProjectIndex;
import io.ddblint.core.java.Snippets;
import io.ddblint.core.java.Variable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads, while a file's AST is alive, what its DynamoDB write calls write into each attribute (the key-value evidence
 * of DDB-M001): PutItem items and UpdateItem keys (v2 and v1 attribute value maps, document API {@code Item}s), the
 * puts of batch and transaction writes, and the properties set on entity objects that are saved. It also reads the
 * constant {@code #placeholder} names of each request. Values it cannot follow are recorded as such ({@link
 * ItemWrite#complete()} false, {@link WrittenValue.Other}), so rules stay silent on them.
 */
public final class KeyWriteExtractor {

    private static final int MAX_DEPTH = 8;
    private static final Set<String> ITEM_SETTERS = Set.of("item", "withItem", "setItem");
    private static final Set<String> KEY_SETTERS = Set.of("key", "withKey", "setKey");
    private static final Set<String> NAME_MAPS = Set.of("expressionAttributeNames", "withExpressionAttributeNames",
            "setExpressionAttributeNames", "expressionNames", "withNameMap", "nameMap");
    private static final Set<String> NAME_ENTRIES = Set.of("addExpressionAttributeNamesEntry", "putExpressionName");
    private static final Set<String> TABLE_SETTERS = Set.of("tableName", "withTableName", "setTableName");
    /** Document API {@code Item} methods that add one attribute: {@code withString("a", v)}. */
    private static final Set<String> ITEM_ADDERS = Set.of("with", "withString", "withNumber", "withInt", "withLong",
            "withBigDecimal", "withBinary", "withKeyComponent");

    private final String path;
    private final ExpressionTypes types;
    private final StringFolder folder;
    private final ValueClassifier values;

    public KeyWriteExtractor(String path, FileContext context, ProjectIndex index) {
        this.path = path;
        this.types = new ExpressionTypes(context, index);
        this.folder = new StringFolder(types);
        this.values = new ValueClassifier(types, folder);
    }

    /** What one file contributed. */
    public record Found(List<ItemWrite> writes, Map<Location, Map<String, SymbolicString>> names) {
    }

    /** The evidence of the given call sites of this file (matched to their calls by range). */
    public Found extract(List<CallSite> sites) {
        Map<SourceRange, CallSite> byRange = new HashMap<>();
        for (CallSite s : sites) {
            byRange.put(s.range(), s);
        }
        List<ItemWrite> writes = new ArrayList<>();
        Map<Location, Map<String, SymbolicString>> names = new LinkedHashMap<>();
        if (byRange.isEmpty()) {
            return new Found(writes, names);
        }
        for (MethodCallExpr call : types.file().unit().findAll(MethodCallExpr.class)) {
            CallSite site = byRange.get(AstShapes.callRange(call));
            if (site == null || !site.method().equals(call.getNameAsString())) {
                continue;
            }
            List<MethodCallExpr> settings = settings(call);
            Map<String, SymbolicString> placeholders = placeholderNames(settings);
            if (!placeholders.isEmpty()) {
                names.put(site.location(), placeholders);
            }
            writes(site, call, settings, writes);
        }
        return new Found(writes, names);
    }

    private void writes(CallSite site, MethodCallExpr call, List<MethodCallExpr> settings, List<ItemWrite> out) {
        Operation op = site.operation();
        ApiFlavor flavor = site.flavor();
        if (op != Operation.PUT_ITEM && op != Operation.UPDATE_ITEM && op != Operation.BATCH_WRITE_ITEM
                && op != Operation.TRANSACT_WRITE_ITEMS) {
            return;
        }
        Location at = site.location();
        switch (flavor) {
            case V2_ENHANCED, V2_ENHANCED_ASYNC, V1_MAPPER -> {
                if (op == Operation.PUT_ITEM || op == Operation.UPDATE_ITEM) {
                    entityArgument(call, settings).ifPresent(o -> out.add(entity(at, o)));
                }
                // LIMITATION: enhanced and mapper batch/transaction writes are not read.
            }
            case V1_DOCUMENT -> documentWrite(at, call, op, settings, out);
            default -> lowLevelWrite(at, call, op, flavor, settings, out);
        }
    }

    /** v2 and v1 low-level clients: an item or key map, from the request or the v1 convenience overloads. */
    private void lowLevelWrite(Location at, MethodCallExpr call, Operation op, ApiFlavor flavor,
                               List<MethodCallExpr> settings, List<ItemWrite> out) {
        List<Expression> args = call.getArguments();
        boolean v1Overload = flavor == ApiFlavor.V1_CLIENT && args.size() >= 2;
        if (op == Operation.PUT_ITEM) {
            Optional<Expression> item = v1Overload ? Optional.of(args.get(1)) : lastArgument(settings, ITEM_SETTERS);
            item.ifPresent(m -> out.add(mapWrite(at, null, ItemWrite.Kind.ITEM, m)));
            if (item.isEmpty()) {
                out.add(new ItemWrite(at, ItemWrite.Kind.ITEM, null, List.of(), false));
            }
        } else if (op == Operation.UPDATE_ITEM) {
            Optional<Expression> key = v1Overload ? Optional.of(args.get(1)) : lastArgument(settings, KEY_SETTERS);
            key.ifPresent(m -> out.add(mapWrite(at, null, ItemWrite.Kind.UPDATE_KEY, m)));
            // LIMITATION: the values an UpdateItem's SET actions write are not read. They may write GSI keys, so an
            // update counts as an item not wholly seen: GSI keys of updated tables get no value evidence.
            out.add(new ItemWrite(at, ItemWrite.Kind.ITEM, null, List.of(), false));
        } else {
            nestedPuts(at, call, out);
        }
    }

    /**
     * Batch and transaction writes: each {@code item(..)} inside, with the table its own request chain or the batch
     * map's key names. LIMITATION: an item built in another method is not seen, and its table is not counted.
     */
    private void nestedPuts(Location at, MethodCallExpr call, List<ItemWrite> out) {
        for (MethodCallExpr m : call.findAll(MethodCallExpr.class)) {
            if (m == call || !ITEM_SETTERS.contains(m.getNameAsString()) || m.getArguments().size() != 1) {
                continue;
            }
            SymbolicString table = chainTable(m).orElseGet(() -> batchTable(m, call).orElse(null));
            if (table != null) {
                out.add(mapWrite(at, table, ItemWrite.Kind.ITEM, m.getArgument(0)));
            }
        }
    }

    /** {@code Put.builder().tableName(T).item(m)}: the table set in the same chain as the item. */
    private Optional<SymbolicString> chainTable(MethodCallExpr item) {
        Node top = item;
        while (top.getParentNode().orElse(null) instanceof MethodCallExpr p && p.getScope().orElse(null) == top) {
            top = p;
        }
        for (Expression cur = (Expression) top; cur instanceof MethodCallExpr m; cur = m.getScope().orElse(null)) {
            if (TABLE_SETTERS.contains(m.getNameAsString()) && m.getArguments().size() == 1) {
                return Optional.of(folder.fold(m.getArgument(0)));
            }
        }
        return Optional.empty();
    }

    /** {@code requestItems(Map.of("orders", List.of(...item(m)...)))}: the key of the entry holding the item. */
    private Optional<SymbolicString> batchTable(MethodCallExpr item, MethodCallExpr call) {
        for (Node n = item.getParentNode().orElse(null); n != null && n != call; n = n.getParentNode().orElse(null)) {
            if (n instanceof MethodCallExpr m && m.getNameAsString().equals("of") && m.getArguments().size() % 2 == 0) {
                for (int i = 1; i < m.getArguments().size(); i += 2) {
                    if (m.getArgument(i).isAncestorOf(item)) {
                        return Optional.of(folder.fold(m.getArgument(i - 1)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Document API: {@code table.putItem(item)}, {@code putItem(new PutItemSpec().withItem(item))}, updates. */
    private void documentWrite(Location at, MethodCallExpr call, Operation op, List<MethodCallExpr> settings,
                               List<ItemWrite> out) {
        List<Expression> args = call.getArguments();
        if (op == Operation.PUT_ITEM) {
            Optional<Expression> item = lastArgument(settings, ITEM_SETTERS);
            if (item.isEmpty() && !args.isEmpty() && isDocumentItem(args.get(0))) {
                item = Optional.of(args.get(0));
            }
            out.add(item.map(i -> documentItem(at, i))
                    .orElseGet(() -> new ItemWrite(at, ItemWrite.Kind.ITEM, null, List.of(), false)));
        } else if (op == Operation.UPDATE_ITEM) {
            List<AttributeWrite> key = new ArrayList<>();
            if (args.size() >= 2 && isString(args.get(0))) {
                // updateItem(hashKeyName, hashKeyValue, ...)
                literal(args.get(0)).ifPresent(n -> key.add(write(n, args.get(1))));
            } else {
                for (MethodCallExpr m : settings) {
                    if (m.getNameAsString().equals("withPrimaryKey")) {
                        key.addAll(pairs(m));
                    }
                }
            }
            out.add(new ItemWrite(at, ItemWrite.Kind.UPDATE_KEY, null, key, false));
            out.add(new ItemWrite(at, ItemWrite.Kind.ITEM, null, List.of(), false));
        }
    }

    private boolean isDocumentItem(Expression e) {
        return types.typeOf(e).filter(t -> t.endsWith(".document.Item")).isPresent()
                || AstShapes.unwrap(e) instanceof ObjectCreationExpr oce && oce.getType().getNameAsString().equals("Item")
                || AstShapes.unwrap(e) instanceof MethodCallExpr m && m.getNameAsString().startsWith("with");
    }

    /** A document {@code Item}: {@code new Item().withPrimaryKey("pk", v).withString("a", w)}, chained or set. */
    private ItemWrite documentItem(Location at, Expression item) {
        List<MethodCallExpr> calls = new ArrayList<>();
        boolean complete = calls(item, calls, new HashSet<>(), 0);
        List<AttributeWrite> attributes = new ArrayList<>();
        for (MethodCallExpr m : calls) {
            String name = m.getNameAsString();
            if (name.equals("withPrimaryKey") || ITEM_ADDERS.contains(name) && m.getArguments().size() == 2) {
                attributes.addAll(pairs(m));
            } else if (name.startsWith("with") || name.equals("fromJSON") || name.equals("fromMap")) {
                complete = false; // withMap, withList, withJSON...: not key values, but the item is not wholly read
            }
        }
        return new ItemWrite(at, ItemWrite.Kind.ITEM, null, attributes, complete);
    }

    /** {@code withPrimaryKey("pk", v)} or {@code withPrimaryKey("pk", v, "sk", w)}: name/value pairs. */
    private List<AttributeWrite> pairs(MethodCallExpr m) {
        List<AttributeWrite> out = new ArrayList<>();
        List<Expression> args = m.getArguments();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            int value = i + 1;
            literal(args.get(i)).ifPresent(n -> out.add(write(n, args.get(value))));
        }
        return out;
    }

    private AttributeWrite write(String attribute, Expression value) {
        return new AttributeWrite(attribute, values.classify(value), location(value), Snippets.normalize(value));
    }

    /** An attribute value map: each constant key with what its value writes. */
    private ItemWrite mapWrite(Location at, SymbolicString table, ItemWrite.Kind kind, Expression map) {
        Optional<MapEntries.Read> read = new MapEntries(types).entries(map);
        if (read.isEmpty()) {
            return new ItemWrite(at, kind, table, List.of(), false);
        }
        List<AttributeWrite> attributes = new ArrayList<>();
        boolean complete = read.get().complete();
        for (MapEntries.Entry e : read.get().entries()) {
            Optional<String> name = literal(e.key());
            if (name.isEmpty()) {
                complete = false;
                continue;
            }
            Expression v = e.value();
            attributes.add(new AttributeWrite(name.get(), values.classifyAttributeValue(v), location(v),
                    Snippets.normalize(v)));
        }
        return new ItemWrite(at, kind, table, attributes, complete);
    }

    /** The object an enhanced {@code putItem(o)}/{@code updateItem(o)} or a mapper {@code save(o)} writes. */
    private Optional<Expression> entityArgument(MethodCallExpr call, List<MethodCallExpr> settings) {
        Optional<Expression> item = lastArgument(settings, ITEM_SETTERS);
        if (item.isPresent()) {
            return item;
        }
        if (call.getArguments().isEmpty()) {
            return Optional.empty();
        }
        Expression first = AstShapes.unwrap(call.getArgument(0));
        return first instanceof LambdaExpr || first instanceof MethodCallExpr m
                && m.getNameAsString().equals("build") && m.toString().contains("EnhancedRequest")
                ? Optional.empty() : Optional.of(first);
    }

    /**
     * A saved entity object: the properties its setters, {@code withX} methods or builder set, when the object is a
     * local created in sight ({@code new Order()} or {@code Order.builder()...build()}). A parameter, a field, a
     * constructor with arguments or a local handed to another method first is not wholly seen.
     * LIMITATION: constructor arguments and field initializers of the entity class are not read.
     */
    private ItemWrite entity(Location at, Expression object) {
        List<AttributeWrite> attributes = new ArrayList<>();
        Expression e = AstShapes.unwrap(object);
        boolean complete;
        if (e instanceof MethodCallExpr m && m.getNameAsString().equals("build")) {
            complete = builder(m, attributes);
        } else if (e instanceof NameExpr n) {
            complete = entityLocal(n, attributes);
        } else {
            complete = false;
        }
        return new ItemWrite(at, ItemWrite.Kind.ENTITY, null, attributes, complete);
    }

    /** {@code Order.builder().pk("X").sk(y).build()}: one property per one-argument call of the chain. */
    private boolean builder(MethodCallExpr build, List<AttributeWrite> out) {
        Expression cur = build.getScope().orElse(null);
        while (cur instanceof MethodCallExpr m) {
            if (m.getNameAsString().equals("builder") && m.getArguments().isEmpty()) {
                return true;
            }
            if (m.getArguments().size() == 1) {
                out.add(write(m.getNameAsString(), m.getArgument(0)));
            }
            cur = m.getScope().orElse(null);
        }
        return false;
    }

    private boolean entityLocal(NameExpr n, List<AttributeWrite> out) {
        Optional<Variable> found = types.scopes().find(n.getNameAsString(), n);
        if (found.isEmpty() || found.get().kind() != Variable.Kind.LOCAL || found.get().initializer() == null) {
            return false;
        }
        Variable v = found.get();
        Expression init = AstShapes.unwrap(v.initializer());
        boolean complete;
        if (init instanceof ObjectCreationExpr oce) {
            complete = oce.getArguments().isEmpty() && oce.getAnonymousClassBody().isEmpty();
        } else if (init instanceof MethodCallExpr m && m.getNameAsString().equals("build")) {
            complete = builder(m, out);
        } else {
            return false;
        }
        for (NameExpr use : v.scope().findAll(NameExpr.class)) {
            if (!use.getNameAsString().equals(v.name()) || use == n) {
                continue;
            }
            Node parent = use.getParentNode().orElse(null);
            if (parent instanceof MethodCallExpr m && m.getScope().orElse(null) == use) {
                String name = m.getNameAsString();
                String property = property(name);
                if (property != null && m.getArguments().size() == 1) {
                    out.add(write(property, m.getArgument(0)));
                }
            } else if (parent instanceof MethodCallExpr || parent instanceof AssignExpr a && a.getTarget() == use) {
                complete = false; // handed to another method, or reassigned: not wholly seen here
            }
        }
        return complete;
    }

    /** {@code setStatus} and {@code withStatus} set property {@code status}. */
    private static String property(String method) {
        String rest = method.startsWith("set") ? method.substring(3) : method.startsWith("with")
                ? method.substring(4) : null;
        if (rest == null || rest.isEmpty() || !Character.isUpperCase(rest.charAt(0))) {
            return null;
        }
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    /** The constant {@code #placeholder} names a request sets, from maps or single entries. */
    private Map<String, SymbolicString> placeholderNames(List<MethodCallExpr> settings) {
        Map<String, SymbolicString> out = new LinkedHashMap<>();
        for (MethodCallExpr m : settings) {
            String name = m.getNameAsString();
            if (NAME_MAPS.contains(name) && m.getArguments().size() == 1) {
                new MapEntries(types).entries(m.getArgument(0)).ifPresent(read -> read.entries().forEach(e ->
                        literal(e.key()).ifPresent(k -> out.put(k, folder.fold(e.value())))));
            } else if (NAME_ENTRIES.contains(name) && m.getArguments().size() == 2) {
                literal(m.getArgument(0)).ifPresent(k -> out.put(k, folder.fold(m.getArgument(1))));
            } else if (name.equals("with") && m.getArguments().size() == 2
                    && m.getScope().map(s -> s.toString().contains("NameMap")).orElse(false)) {
                literal(m.getArgument(0)).ifPresent(k -> out.put(k, folder.fold(m.getArgument(1))));
            }
        }
        return out;
    }

    /** The last one-argument setting of one of these names. */
    private static Optional<Expression> lastArgument(List<MethodCallExpr> settings, Set<String> names) {
        Expression found = null;
        for (MethodCallExpr m : settings) {
            if (names.contains(m.getNameAsString()) && m.getArguments().size() == 1) {
                found = m.getArgument(0);
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Every call that configures the call's request: its argument chains, a {@code Consumer} lambda's calls on its
     * parameter, a request variable's initializer and later calls, nested builders passed as arguments.
     */
    private List<MethodCallExpr> settings(MethodCallExpr call) {
        List<MethodCallExpr> out = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        for (Expression a : call.getArguments()) {
            calls(a, out, seen, 0);
        }
        return out;
    }

    /** Gathers calls; false when part of the expression could not be followed. */
    private boolean calls(Expression expression, List<MethodCallExpr> out, Set<Node> seen, int depth) {
        Expression e = AstShapes.unwrap(expression);
        if (depth > MAX_DEPTH || !seen.add(e)) {
            return true;
        }
        if (e instanceof MethodCallExpr m) {
            out.add(m);
            boolean followed = true;
            for (Expression a : m.getArguments()) {
                if (a instanceof MethodCallExpr || a instanceof LambdaExpr || a instanceof ObjectCreationExpr) {
                    calls(a, out, seen, depth + 1);
                }
            }
            if (m.getScope().isPresent() && !types.isTypeName(m.getScope().get())) {
                followed = calls(m.getScope().get(), out, seen, depth + 1);
            }
            return followed;
        }
        if (e instanceof LambdaExpr lambda && lambda.getParameters().size() == 1) {
            String param = lambda.getParameter(0).getNameAsString();
            for (MethodCallExpr m : lambda.getBody().findAll(MethodCallExpr.class)) {
                if (AstShapes.chainRoot(m).filter(param::equals).isPresent()) {
                    out.add(m);
                    for (Expression a : m.getArguments()) {
                        calls(a, out, seen, depth + 1);
                    }
                }
            }
            return true;
        }
        if (e instanceof ObjectCreationExpr oce) {
            for (Expression a : oce.getArguments()) {
                calls(a, out, seen, depth + 1);
            }
            return oce.getArguments().isEmpty();
        }
        if (e instanceof NameExpr n) {
            return variable(n, out, seen, depth);
        }
        return false;
    }

    private boolean variable(NameExpr n, List<MethodCallExpr> out, Set<Node> seen, int depth) {
        Optional<Variable> found = types.scopes().find(n.getNameAsString(), n);
        if (found.isEmpty() || found.get().kind() != Variable.Kind.LOCAL) {
            return false;
        }
        Variable v = found.get();
        boolean followed = v.initializer() == null || calls(v.initializer(), out, seen, depth + 1);
        for (MethodCallExpr call : v.scope().findAll(MethodCallExpr.class)) {
            boolean statement = call.getParentNode().filter(p -> p instanceof ExpressionStmt).isPresent();
            if (statement && AstShapes.chainRoot(call).filter(v.name()::equals).isPresent()) {
                for (Expression cur = call; cur instanceof MethodCallExpr m; cur = m.getScope().orElse(null)) {
                    out.add(m);
                    for (Expression a : m.getArguments()) {
                        calls(a, out, seen, depth + 1);
                    }
                }
            }
        }
        for (AssignExpr a : v.scope().findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(v.name())) {
                followed &= calls(a.getValue(), out, seen, depth + 1);
            }
        }
        return followed;
    }

    private Optional<String> literal(Expression e) {
        if (AstShapes.unwrap(e) instanceof StringLiteralExpr s) {
            return Optional.of(s.asString());
        }
        return folder.fold(e) instanceof SymbolicString.Literal l ? Optional.of(l.value()) : Optional.empty();
    }

    private boolean isString(Expression e) {
        return types.typeOf(e).map("java.lang.String"::equals)
                .orElse(AstShapes.unwrap(e) instanceof StringLiteralExpr || AstShapes.unwrap(e) instanceof FieldAccessExpr
                        || AstShapes.unwrap(e) instanceof BinaryExpr);
    }

    private Location location(Node n) {
        return new Location(path, AstShapes.range(n));
    }

}
