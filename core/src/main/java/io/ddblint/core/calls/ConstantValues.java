package io.ddblint.core.calls;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.WhileStmt;
import io.ddblint.core.facts.AttributeMap;
import io.ddblint.core.facts.ConstantValue;
import io.ddblint.core.facts.ConstantValue.Type;
import io.ddblint.core.facts.PositionalKey;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.fold.StringFolder;
import io.ddblint.core.java.AstShapes;
import io.ddblint.core.java.ExpressionTypes;
import io.ddblint.core.java.Snippets;
import io.ddblint.core.java.Variable;
import io.ddblint.core.sdk.RequestTypes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Constant {@code AttributeValue}s and attribute maps, read as DynamoDB will receive them: v2
 * {@code AttributeValue.builder().s(..).build()} and {@code AttributeValue.fromS(..)}, v1 {@code new AttributeValue()
 * .withS(..)}, {@code new AttributeValue("x")} and setters on a local, the document API's {@code ValueMap}; maps from
 * {@code Map.of}, {@code Map.ofEntries}, {@code Collections.singletonMap}, {@code ImmutableMap.of}, and a local
 * {@code HashMap} filled in the same method. Types are matched by the simple name the code writes
 * ({@code AttributeValue}), as the request properties around them already belong to a resolved DynamoDB call.
 */
final class ConstantValues {

    private static final int MAX_DEPTH = 8;
    private static final Set<String> LIST_FACTORIES = Set.of("List.of", "Arrays.asList", "Collections.singletonList",
            "ImmutableList.of", "Collections.emptyList");
    private static final Set<String> SET_FACTORIES = Set.of("Set.of", "Collections.singleton", "ImmutableSet.of",
            "Collections.emptySet", "Sets.newHashSet");
    private static final Set<String> MAP_CLASSES = Set.of("HashMap", "LinkedHashMap", "TreeMap", "ValueMap");

    private final ExpressionTypes types;
    private final StringFolder folder;

    ConstantValues(ExpressionTypes types, StringFolder folder) {
        this.types = types;
        this.folder = folder;
    }

    /** One type setting seen on a value: the type and the setter's arguments. */
    private record Setting(Type type, List<Expression> args) {
    }

    // ---- values

    ConstantValue valueOf(Expression expression) {
        return valueOf(expression, 0);
    }

    private ConstantValue valueOf(Expression expression, int depth) {
        Expression e = AstShapes.unwrap(expression);
        ConstantValue unknown = new ConstantValue.Unknown(Snippets.normalize(e));
        if (depth > MAX_DEPTH) {
            return unknown;
        }
        if (e instanceof MethodCallExpr m) {
            String name = m.getNameAsString();
            if (name.startsWith("from") && m.getScope().filter(ConstantValues::isAttributeValueType).isPresent()) {
                return Type.ofSuffix(name.substring(4))
                        .map(t -> typed(List.of(new Setting(t, m.getArguments())), depth))
                        .orElse(unknown);
            }
            List<Setting> settings = new ArrayList<>();
            return chain(m, settings) ? typed(settings, depth) : unknown;
        }
        if (e instanceof ObjectCreationExpr oce && isAttributeValueType(oce.getType().getNameAsString())) {
            return oce.getAnonymousClassBody().isPresent() ? unknown : typed(constructor(oce), depth);
        }
        if (e instanceof NameExpr n) {
            return variable(n, depth).orElse(unknown);
        }
        return unknown;
    }

    private static boolean isAttributeValueType(Expression scope) {
        return isAttributeValueType(scope.toString());
    }

    private static boolean isAttributeValueType(String text) {
        return text.equals("AttributeValue") || text.endsWith(".AttributeValue");
    }

    /**
     * A builder or wither chain: {@code AttributeValue.builder().s("x").build()}, {@code new AttributeValue()
     * .withN("1")}; false when its root is not one.
     */
    private boolean chain(MethodCallExpr call, List<Setting> settings) {
        Expression cur = call;
        List<Setting> reversed = new ArrayList<>();
        while (cur instanceof MethodCallExpr m) {
            String name = m.getNameAsString();
            if (name.equals("builder") && m.getArguments().isEmpty()
                    && m.getScope().filter(ConstantValues::isAttributeValueType).isPresent()) {
                break;
            }
            if (!name.equals("build")) {
                Optional<Type> t = setterType(name);
                if (t.isEmpty()) {
                    return false;
                }
                reversed.add(0, new Setting(t.get(), m.getArguments()));
            }
            if (m.getScope().isEmpty()) {
                return false;
            }
            cur = AstShapes.unwrap(m.getScope().get());
        }
        if (cur instanceof ObjectCreationExpr oce) {
            if (!isAttributeValueType(oce.getType().getNameAsString()) || oce.getAnonymousClassBody().isPresent()) {
                return false;
            }
            settings.addAll(constructor(oce));
        } else if (!(cur instanceof MethodCallExpr)) {
            return false;
        }
        settings.addAll(reversed);
        return true;
    }

    /** The type a v2 builder method ({@code s}, {@code bool}), v1 wither or setter ({@code withBOOL}) sets. */
    private static Optional<Type> setterType(String name) {
        String suffix = name;
        if (name.startsWith("with") && name.length() > 4 && Character.isUpperCase(name.charAt(4))) {
            suffix = name.substring(4);
        } else if (name.startsWith("set") && name.length() > 3 && Character.isUpperCase(name.charAt(3))) {
            suffix = name.substring(3);
        } else if (!name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
            return Optional.empty();
        }
        return Type.ofSuffix(suffix);
    }

    /** v1 {@code new AttributeValue()}, {@code new AttributeValue("x")} (S), {@code new AttributeValue(list)} (SS). */
    private List<Setting> constructor(ObjectCreationExpr oce) {
        if (oce.getArguments().isEmpty()) {
            return List.of();
        }
        Expression arg = oce.getArgument(0);
        Optional<String> type = types.typeOf(arg);
        boolean string = type.map("java.lang.String"::equals)
                .orElse(!(folder.fold(arg) instanceof SymbolicString.Unknown));
        return List.of(new Setting(string ? Type.S : Type.SS, oce.getArguments()));
    }

    /** A local {@code AttributeValue}: its initializer and the setter statements on it in the same body. */
    private Optional<ConstantValue> variable(NameExpr n, int depth) {
        Optional<Variable> found = types.scopes().find(n.getNameAsString(), n);
        if (found.isEmpty() || found.get().kind() != Variable.Kind.LOCAL || found.get().initializer() == null) {
            return Optional.empty();
        }
        Variable v = found.get();
        for (AssignExpr a : v.scope().findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(v.name())) {
                return Optional.empty();
            }
        }
        Expression init = AstShapes.unwrap(v.initializer());
        List<Setting> settings = new ArrayList<>();
        if (init instanceof ObjectCreationExpr oce && isAttributeValueType(oce.getType().getNameAsString())) {
            settings.addAll(constructor(oce));
        } else if (!(init instanceof MethodCallExpr m && chain(m, settings))) {
            return Optional.of(valueOf(init, depth + 1));
        }
        for (MethodCallExpr call : v.scope().findAll(MethodCallExpr.class)) {
            if (call.getScope().filter(s -> s instanceof NameExpr sn && sn.getNameAsString().equals(v.name()))
                    .isEmpty()) {
                continue;
            }
            Optional<Type> t = setterType(call.getNameAsString());
            if (t.isPresent() && call.getParentNode().filter(p -> p instanceof ExpressionStmt).isPresent()) {
                if (conditional(call, v.scope())) {
                    return Optional.empty();
                }
                settings.add(new Setting(t.get(), call.getArguments()));
            }
        }
        return Optional.of(typed(settings, depth));
    }

    /** The value the type settings make: none or several types are what DynamoDB rejects; the last setting wins. */
    private ConstantValue typed(List<Setting> settings, int depth) {
        Set<Type> distinct = new LinkedHashSet<>();
        settings.forEach(s -> distinct.add(s.type()));
        if (distinct.size() != 1) {
            return new ConstantValue.Untyped(List.copyOf(distinct));
        }
        Setting s = settings.get(settings.size() - 1);
        Type type = s.type();
        List<Expression> args = s.args();
        return switch (type) {
            case S, N -> new ConstantValue.Scalar(type, args.size() == 1 ? text(args.get(0)) : null);
            case B -> new ConstantValue.Scalar(type, args.size() == 1 ? bytes(args.get(0)) : null);
            case BOOL, NULL -> new ConstantValue.Scalar(type, args.size() == 1 ? bool(args.get(0)) : null);
            case SS, NS, BS -> new ConstantValue.SetOf(type, elements(type, args));
            case L -> new ConstantValue.ListOf(listElements(args, depth));
            case M -> new ConstantValue.MapOf(args.size() == 1 ? mapOf(args.get(0), depth + 1) : AttributeMap.UNKNOWN);
        };
    }

    /** A string constant: a literal, or constants joined with {@code +}. */
    private String text(Expression e) {
        return constant(folder.fold(e));
    }

    static String constant(SymbolicString s) {
        if (s instanceof SymbolicString.Literal l) {
            return l.value();
        }
        if (s instanceof SymbolicString.Concat c) {
            StringBuilder b = new StringBuilder();
            for (SymbolicString part : c.parts()) {
                if (!(part instanceof SymbolicString.Literal l)) {
                    return null;
                }
                b.append(l.value());
            }
            return b.toString();
        }
        return null;
    }

    /** {@code SdkBytes.fromUtf8String("x")}: the binary's text. */
    private String bytes(Expression e) {
        if (AstShapes.unwrap(e) instanceof MethodCallExpr m && m.getNameAsString().equals("fromUtf8String")
                && m.getArguments().size() == 1) {
            return text(m.getArgument(0));
        }
        return null;
    }

    private static String bool(Expression e) {
        Expression u = AstShapes.unwrap(e);
        if (u instanceof BooleanLiteralExpr b) {
            return String.valueOf(b.getValue());
        }
        String t = u.toString();
        return t.equals("Boolean.TRUE") ? "true" : t.equals("Boolean.FALSE") ? "false" : null;
    }

    /** A set's elements: varargs, or one {@code List.of(..)}/{@code Set.of(..)}; null when not all constant. */
    private List<String> elements(Type type, List<Expression> args) {
        List<Expression> items = args;
        boolean dedupe = false;
        if (args.size() == 1) {
            Expression only = AstShapes.unwrap(args.get(0));
            Optional<String> factory = factory(only);
            if (factory.filter(LIST_FACTORIES::contains).isPresent()) {
                items = ((MethodCallExpr) only).getArguments();
            } else if (factory.filter(SET_FACTORIES::contains).isPresent()) {
                items = ((MethodCallExpr) only).getArguments();
                dedupe = true; // a Java set holds each element once
            } else if (type != Type.BS && types.typeOf(only).filter("java.lang.String"::equals).isEmpty()
                    && folder.fold(only) instanceof SymbolicString.Unknown) {
                return null; // a collection variable
            }
        }
        List<String> out = new ArrayList<>();
        for (Expression item : items) {
            String v = type == Type.BS ? bytes(item) : text(item);
            if (v == null) {
                return null;
            }
            out.add(v);
        }
        return dedupe ? List.copyOf(new LinkedHashSet<>(out)) : out;
    }

    private List<ConstantValue> listElements(List<Expression> args, int depth) {
        List<Expression> items = args;
        if (args.size() == 1) {
            Expression only = AstShapes.unwrap(args.get(0));
            if (factory(only).filter(LIST_FACTORIES::contains).isPresent()) {
                items = ((MethodCallExpr) only).getArguments();
            } else if (!(valueOf(only, depth + 1) instanceof ConstantValue.Unknown)) {
                items = args;
            } else {
                return null;
            }
        }
        List<ConstantValue> out = new ArrayList<>();
        for (Expression item : items) {
            out.add(valueOf(item, depth + 1));
        }
        return out;
    }

    /** {@code List.of} for {@code List.of(..)}, {@code java.util.List.of(..)}: the last scope name and the method. */
    private static Optional<String> factory(Expression e) {
        if (e instanceof MethodCallExpr m && m.getScope().isPresent()) {
            String scope = m.getScope().get().toString();
            return Optional.of(scope.substring(scope.lastIndexOf('.') + 1) + "." + m.getNameAsString());
        }
        return Optional.empty();
    }

    // ---- maps

    /** What was gathered about one map. */
    private static final class Entries {
        final Map<String, ConstantValue> entries = new LinkedHashMap<>();
        boolean complete = true;
    }

    /** A map expression's entries, or {@link AttributeMap#UNKNOWN} when its form is not one we read. */
    AttributeMap mapOf(Expression map) {
        return mapOf(map, 0);
    }

    /** Whether {@link #mapOf} reads this form at all. */
    boolean isMap(Expression map) {
        return collect(map, new Entries(), new HashSet<>(), 0);
    }

    private AttributeMap mapOf(Expression map, int depth) {
        Entries out = new Entries();
        if (depth > MAX_DEPTH || !collect(map, out, new HashSet<>(), depth)) {
            return AttributeMap.UNKNOWN;
        }
        return new AttributeMap(out.entries, out.complete);
    }

    private void put(Entries out, Expression key, ConstantValue value, boolean conditional) {
        String k = text(key);
        if (k == null || conditional) {
            out.complete = false;
            return;
        }
        out.entries.put(k, value);
    }

    private boolean collect(Expression expression, Entries out, Set<String> seen, int depth) {
        Expression e = AstShapes.unwrap(expression);
        if (e instanceof MethodCallExpr call) {
            String name = call.getNameAsString();
            String scope = call.getScope().map(Object::toString).orElse("");
            List<Expression> args = call.getArguments();
            if (name.equals("of") && (scope.equals("Map") || scope.endsWith(".Map") || scope.endsWith("ImmutableMap"))
                    && args.size() % 2 == 0) {
                for (int i = 0; i < args.size(); i += 2) {
                    put(out, args.get(i), valueOf(args.get(i + 1), depth + 1), false);
                }
                return true;
            }
            if (name.equals("singletonMap") && args.size() == 2) {
                put(out, args.get(0), valueOf(args.get(1), depth + 1), false);
                return true;
            }
            if (name.equals("ofEntries")) {
                for (Expression entry : args) {
                    if (!(AstShapes.unwrap(entry) instanceof MethodCallExpr m
                            && m.getNameAsString().equals("entry") && m.getArguments().size() == 2)) {
                        return false;
                    }
                    put(out, m.getArgument(0), valueOf(m.getArgument(1), depth + 1), false);
                }
                return true;
            }
            // new ValueMap().withString(":v", "x").withNumber(":n", 1)
            if (name.startsWith("with") && !args.isEmpty() && call.getScope().isPresent()) {
                put(out, args.get(0), documentValue(name, args.subList(1, args.size())), false);
                return collect(call.getScope().get(), out, seen, depth);
            }
            return false;
        }
        if (e instanceof ObjectCreationExpr oce) {
            return oce.getArguments().isEmpty() && oce.getAnonymousClassBody().isEmpty()
                    && MAP_CLASSES.contains(oce.getType().getNameAsString());
        }
        if (e instanceof NameExpr n && seen.add(n.getNameAsString())) {
            return localMap(n, out, seen, depth);
        }
        return false;
    }

    /**
     * A local map: its initializer, then the {@code put} calls on it in the same body. A put that only some paths
     * make (under an {@code if}, in a loop or lambda), a put with a non-constant key, a bulk change or the map handed
     * to other code make the map incomplete; a reassignment makes it unknown.
     */
    private boolean localMap(NameExpr n, Entries out, Set<String> seen, int depth) {
        Optional<Variable> v = types.scopes().find(n.getNameAsString(), n);
        if (v.isEmpty() || v.get().kind() != Variable.Kind.LOCAL || v.get().initializer() == null) {
            return false;
        }
        String name = n.getNameAsString();
        Node scope = v.get().scope();
        for (AssignExpr a : scope.findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(name)) {
                return false;
            }
        }
        if (!collect(v.get().initializer(), out, seen, depth)) {
            return false;
        }
        for (MethodCallExpr call : scope.findAll(MethodCallExpr.class)) {
            if (after(call, n)) {
                // What the code does to the map after this use does not reach it, unless a loop runs both again.
                if (sharedLoop(call, n, scope)) {
                    out.complete = false;
                }
                continue;
            }
            boolean onMap = call.getScope().filter(s -> s instanceof NameExpr sn
                    && sn.getNameAsString().equals(name)).isPresent();
            if (!onMap) {
                boolean handedOn = call.getArguments().stream().anyMatch(a -> a instanceof NameExpr an
                        && an.getNameAsString().equals(name));
                if (handedOn && RequestTypes.property(call.getNameAsString()).isEmpty()
                        && RequestTypes.mapEntryAdder(call.getNameAsString()).isEmpty()) {
                    out.complete = false;
                }
                continue;
            }
            switch (call.getNameAsString()) {
                case "put", "putIfAbsent" -> put(out, call.getArgument(0), valueOf(call.getArgument(1), depth + 1),
                        conditional(call, scope));
                case "putAll", "compute", "computeIfAbsent", "computeIfPresent", "merge", "clear", "remove",
                     "replaceAll", "replace" -> {
                    out.complete = false;
                    if (call.getNameAsString().equals("remove") && call.getArguments().size() == 1) {
                        String k = text(call.getArgument(0));
                        if (k != null) {
                            out.entries.remove(k);
                        }
                    }
                }
                default -> {
                    // reads (get, containsKey, size) do not change the map
                }
            }
        }
        return true;
    }

    private static boolean after(Node node, Node use) {
        return node.getBegin().isPresent() && use.getBegin().isPresent()
                && node.getBegin().get().isAfter(use.getBegin().get());
    }

    /** Whether a loop inside the body holds both nodes. */
    private static boolean sharedLoop(Node a, Node b, Node body) {
        for (Node n = a.getParentNode().orElse(null); n != null && n != body; n = n.getParentNode().orElse(null)) {
            if ((n instanceof ForStmt || n instanceof ForEachStmt || n instanceof WhileStmt || n instanceof DoStmt)
                    && b.isDescendantOf(n)) {
                return true;
            }
        }
        return false;
    }

    /** Whether only some paths through the body run this call: it sits under a branch, a loop or a lambda. */
    static boolean conditional(Node node, Node body) {
        for (Node n = node.getParentNode().orElse(null); n != null && n != body; n = n.getParentNode().orElse(null)) {
            if (n instanceof IfStmt || n instanceof SwitchEntry || n instanceof ConditionalExpr
                    || n instanceof ForStmt || n instanceof ForEachStmt || n instanceof WhileStmt
                    || n instanceof DoStmt || n instanceof LambdaExpr || n instanceof CatchClause) {
                return true;
            }
        }
        return false;
    }

    // ---- enhanced client keys

    /** Whether an expression is an enhanced {@code Key.builder()...build()} chain (or a lambda on a Key builder). */
    boolean isPositionalKey(Expression e) {
        Expression u = AstShapes.unwrap(e);
        if (u instanceof NameExpr n) {
            Optional<Variable> v = types.scopes().find(n.getNameAsString(), n);
            return v.isPresent() && v.get().kind() == Variable.Kind.LOCAL && v.get().initializer() != null
                    && isPositionalKey(v.get().initializer());
        }
        if (u instanceof LambdaExpr lambda && lambda.getParameters().size() == 1) {
            List<MethodCallExpr> calls = lambda.getBody().findAll(MethodCallExpr.class);
            return !calls.isEmpty() && calls.stream().allMatch(m -> m.getNameAsString().equals("partitionValue")
                    || m.getNameAsString().equals("sortValue"));
        }
        Expression root = u;
        while (root instanceof MethodCallExpr m && m.getScope().isPresent()) {
            root = AstShapes.unwrap(m.getScope().get());
        }
        return root instanceof NameExpr r && r.getNameAsString().equals("Key")
                && u instanceof MethodCallExpr last && last.getNameAsString().equals("build");
    }

    /**
     * The values of an enhanced key: {@code partitionValue(String)} is S, a number N, {@code SdkBytes} B,
     * {@code partitionValue(AttributeValue)} as built. Empty when a value is set more than once or the chain holds
     * other calls.
     */
    Optional<PositionalKey> positionalKey(Expression e) {
        Expression u = AstShapes.unwrap(e);
        if (u instanceof NameExpr n) {
            return types.scopes().find(n.getNameAsString(), n).map(Variable::initializer)
                    .flatMap(this::positionalKey);
        }
        List<MethodCallExpr> calls = new ArrayList<>();
        if (u instanceof LambdaExpr lambda) {
            calls.addAll(lambda.getBody().findAll(MethodCallExpr.class));
        } else {
            for (Expression cur = u; cur instanceof MethodCallExpr m; cur = m.getScope().orElse(null)) {
                calls.add(m);
            }
        }
        ConstantValue partition = null;
        ConstantValue sort = null;
        for (MethodCallExpr m : calls) {
            switch (m.getNameAsString()) {
                case "partitionValue" -> partition = m.getArguments().size() == 1 ? keyValue(m.getArgument(0)) : null;
                case "sortValue" -> sort = m.getArguments().size() == 1 ? keyValue(m.getArgument(0))
                        : new ConstantValue.Unknown(Snippets.normalize(m));
                case "build", "builder" -> {
                    // the chain's ends
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return partition == null ? Optional.empty() : Optional.of(new PositionalKey(partition, sort));
    }

    private ConstantValue keyValue(Expression e) {
        Optional<String> type = types.typeOf(AstShapes.unwrap(e));
        if (type.filter(t -> t.endsWith("AttributeValue")).isPresent()
                || AstShapes.unwrap(e) instanceof MethodCallExpr m
                && m.getScope().filter(ConstantValues::isAttributeValueType).isPresent()) {
            return valueOf(e);
        }
        if (type.filter(t -> t.endsWith("SdkBytes")).isPresent()) {
            return new ConstantValue.Scalar(Type.B, bytes(e));
        }
        return objectValue(e);
    }

    // ---- document API keys

    private static final Set<String> DOCUMENT_KEY_TYPES = Set.of("PrimaryKey", "KeyAttribute");

    /** Whether an expression is a document API {@code new PrimaryKey(..)} or {@code new KeyAttribute(..)}. */
    boolean isDocumentKey(Expression e) {
        Expression u = AstShapes.unwrap(e);
        if (u instanceof NameExpr n) {
            Optional<Variable> v = types.scopes().find(n.getNameAsString(), n);
            return v.isPresent() && v.get().initializer() != null && isDocumentKey(v.get().initializer());
        }
        Expression root = u;
        while (root instanceof MethodCallExpr m && m.getScope().isPresent()) {
            root = AstShapes.unwrap(m.getScope().get());
        }
        return root instanceof ObjectCreationExpr oce && DOCUMENT_KEY_TYPES.contains(oce.getType().getNameAsString());
    }

    /**
     * The key of document API arguments: name/value pairs ({@code "pk", v, "sk", w}), {@code KeyAttribute}s, or one
     * {@code PrimaryKey} ({@code new PrimaryKey("pk", v)}, {@code new PrimaryKey().addComponent("pk", v)}), inline or
     * in a local. Values are Java objects, typed as the document API converts them: strings S, numbers N.
     */
    AttributeMap documentKey(List<Expression> args) {
        Entries out = new Entries();
        if (!documentPairs(args, out, 0)) {
            return AttributeMap.UNKNOWN;
        }
        return new AttributeMap(out.entries, out.complete);
    }

    private boolean documentPairs(List<Expression> args, Entries out, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (args.isEmpty()) {
            return true;
        }
        if (args.stream().allMatch(this::isDocumentKey)) {
            for (Expression a : args) {
                if (!documentKeyObject(a, out, depth)) {
                    return false;
                }
            }
            return true;
        }
        if (types.typeOf(args.get(0)).filter("java.lang.String"::equals).isEmpty()
                && !(folder.fold(args.get(0)) instanceof SymbolicString.Literal)) {
            return false;
        }
        if (args.size() == 4 && !isJavaValue(args.get(3))) {
            // getItem(hashKeyName, hashKeyValue, projectionExpression, nameMap): one pair, then other parameters
            put(out, args.get(0), objectValue(args.get(1)), false);
            return true;
        }
        if (args.size() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < args.size(); i += 2) {
            put(out, args.get(i), objectValue(args.get(i + 1)), false);
        }
        return true;
    }

    private boolean documentKeyObject(Expression e, Entries out, int depth) {
        Expression u = AstShapes.unwrap(e);
        if (u instanceof NameExpr n) {
            Optional<Variable> v = types.scopes().find(n.getNameAsString(), n);
            if (v.isEmpty() || v.get().kind() != Variable.Kind.LOCAL || v.get().initializer() == null) {
                return false;
            }
            for (MethodCallExpr call : v.get().scope().findAll(MethodCallExpr.class)) {
                if (call.getScope().filter(s -> s instanceof NameExpr sn && sn.getNameAsString().equals(n
                        .getNameAsString())).isPresent() && !call.getNameAsString().startsWith("get")) {
                    out.complete = false; // addComponent on the local: not followed
                }
            }
            return documentKeyObject(v.get().initializer(), out, depth + 1);
        }
        if (u instanceof MethodCallExpr m && m.getNameAsString().equals("addComponent") && m.getArguments().size() == 2
                && m.getScope().isPresent()) {
            put(out, m.getArgument(0), objectValue(m.getArgument(1)), false);
            return documentKeyObject(m.getScope().get(), out, depth + 1);
        }
        return u instanceof ObjectCreationExpr oce && DOCUMENT_KEY_TYPES.contains(oce.getType().getNameAsString())
                && oce.getAnonymousClassBody().isEmpty() && documentPairs(oce.getArguments(), out, depth + 1);
    }

    /** Whether an argument is a plain Java value the document API converts (a string or a number), not a map. */
    private boolean isJavaValue(Expression e) {
        return objectValue(e).dataType().isPresent();
    }

    /** A Java object as the document API converts it: a string is S, a number N. */
    private ConstantValue objectValue(Expression e) {
        Expression u = AstShapes.unwrap(e);
        Optional<String> type = types.typeOf(u);
        if (u instanceof com.github.javaparser.ast.expr.StringLiteralExpr
                || type.filter("java.lang.String"::equals).isPresent()) {
            return new ConstantValue.Scalar(Type.S, text(u));
        }
        if (u instanceof com.github.javaparser.ast.expr.IntegerLiteralExpr
                || u instanceof com.github.javaparser.ast.expr.LongLiteralExpr) {
            return new ConstantValue.Scalar(Type.N, text(u));
        }
        if (type.filter(NUMBER_TYPES::contains).isPresent()) {
            return new ConstantValue.Scalar(Type.N, null);
        }
        return new ConstantValue.Unknown(Snippets.normalize(u));
    }

    private static final Set<String> NUMBER_TYPES = Set.of("int", "long", "short", "byte", "java.lang.Integer",
            "java.lang.Long", "java.lang.Short", "java.math.BigDecimal", "java.math.BigInteger");

    /** A document API {@code ValueMap} entry: {@code withString}, {@code withNumber}, {@code withBoolean}, ... */
    private ConstantValue documentValue(String method, List<Expression> args) {
        String code = method + "(..)";
        Expression only = args.size() == 1 ? args.get(0) : null;
        return switch (method) {
            case "withString" -> new ConstantValue.Scalar(Type.S, only == null ? null : text(only));
            case "withNumber", "withInt", "withLong", "withShort", "withBigInteger", "withBigDecimal" ->
                    new ConstantValue.Scalar(Type.N, only == null ? null : text(only));
            case "withFloat", "withDouble" -> new ConstantValue.Scalar(Type.N, null);
            case "withBoolean" -> new ConstantValue.Scalar(Type.BOOL, only == null ? null : bool(only));
            case "withNull" -> new ConstantValue.Scalar(Type.NULL, "true");
            case "withBinary" -> new ConstantValue.Scalar(Type.B, null);
            // LIMITATION: document API sets and lists are converted by ItemUtils, which refuses an empty set
            // itself; their elements are not read.
            case "withStringSet" -> new ConstantValue.SetOf(Type.SS, null);
            case "withNumberSet", "withBigDecimalSet" -> new ConstantValue.SetOf(Type.NS, null);
            case "withBinarySet" -> new ConstantValue.SetOf(Type.BS, null);
            case "withList" -> new ConstantValue.ListOf(null);
            case "withMap" -> new ConstantValue.MapOf(AttributeMap.UNKNOWN);
            default -> new ConstantValue.Unknown(code);
        };
    }
}
