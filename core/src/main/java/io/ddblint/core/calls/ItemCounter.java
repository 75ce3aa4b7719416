package io.ddblint.core.calls;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import io.ddblint.core.facts.ApiFlavor;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.facts.Value;
import io.ddblint.core.java.AstShapes;
import io.ddblint.core.java.ExpressionTypes;
import io.ddblint.core.java.Variable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Counts, when it is statically known, how many write requests, keys or actions one BatchWriteItem, BatchGetItem,
 * TransactWriteItems or TransactGetItems request holds (RULES.md DDB-C002): elements of {@code List.of},
 * {@code Arrays.asList}, {@code Collections.singletonList}, varargs, enhanced builder calls ({@code addPutItem},
 * {@code addWriteBatch}...), a local list filled with a fixed number of {@code add} calls before the call, and the
 * per-table lists of a {@code requestItems} map ({@code Map.of}, a local map filled with {@code put}). Anything else
 * (a loop, a branch, a list from elsewhere) makes the count unknown: rules then stay silent.
 */
final class ItemCounter {

    private static final int MAX_DEPTH = 8;
    private static final Set<String> REQUEST_ITEMS = Set.of("requestItems", "withRequestItems", "setRequestItems");
    private static final Set<String> TRANSACT_ITEMS = Set.of("transactItems", "withTransactItems",
            "setTransactItems");
    private static final Set<String> KEYS = Set.of("keys", "withKeys", "setKeys");
    /** Enhanced client builder calls that add one action, write or key. */
    private static final Set<String> ENHANCED_ADDERS = Set.of("addPutItem", "addUpdateItem", "addDeleteItem",
            "addConditionCheck", "addGetItem");
    private static final Set<String> ENHANCED_BATCHES = Set.of("writeBatches", "addWriteBatch", "readBatches",
            "addReadBatch");
    private static final Set<String> LIST_FACTORIES = Set.of("java.util.List.of", "java.util.Arrays.asList",
            "java.util.Collections.singletonList", "com.google.common.collect.ImmutableList.of",
            "com.google.common.collect.Lists.newArrayList", "java.util.Set.of");
    private static final Set<String> COLLECTION_TYPES = Set.of("java.util.List", "java.util.Collection",
            "java.util.Set", "java.util.ArrayList", "java.util.LinkedList");
    private static final Set<String> MAP_FACTORIES = Set.of("java.util.Map.of",
            "java.util.Collections.singletonMap", "com.google.common.collect.ImmutableMap.of");

    /** Thrown inside the counter when something cannot be counted; caught once at the top. */
    private static final class Uncountable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Uncountable() {
            super(null, null, false, false);
        }
    }

    private final ExpressionTypes types;

    ItemCounter(ExpressionTypes types) {
        this.types = types;
    }

    Value<Integer> count(MethodCallExpr call, ApiFlavor flavor, Operation operation) {
        boolean counted = operation == Operation.BATCH_WRITE_ITEM || operation == Operation.BATCH_GET_ITEM
                || operation == Operation.TRANSACT_WRITE_ITEMS || operation == Operation.TRANSACT_GET_ITEMS;
        if (!counted || flavor == ApiFlavor.V1_MAPPER || flavor == ApiFlavor.V1_DOCUMENT) {
            // The mapper splits batches itself; LIMITATION: document API TableWriteItems are not counted.
            return Value.absent();
        }
        if (call.getArguments().size() != 1) {
            return Value.unknown(Value.Reason.OTHER, null);
        }
        try {
            Position at = call.getBegin().orElseThrow(Uncountable::new);
            return Value.known(request(call.getArgument(0), flavor, operation, at, 0));
        } catch (Uncountable e) {
            return Value.unknown(Value.Reason.OTHER, null);
        }
    }

    /** The items of a request (or request builder) expression. */
    private int request(Expression request, ApiFlavor flavor, Operation operation, Position at, int depth) {
        Integer total = null;
        for (MethodCallExpr m : calls(request, at, depth)) {
            String name = m.getNameAsString();
            List<Expression> args = m.getArguments();
            if (REQUEST_ITEMS.contains(name) && args.size() == 1) {
                total = map(args.get(0), operation, at, depth + 1);
            } else if (name.equals("addRequestItemsEntry") && args.size() == 2) {
                total = orZero(total) + perTable(args.get(1), operation, at, depth + 1);
            } else if (TRANSACT_ITEMS.contains(name)) {
                int n = elements(args, at, depth + 1);
                boolean appends = flavor.isV1() && name.startsWith("with") && !isCollection(args);
                total = appends ? orZero(total) + n : n;
            } else if (ENHANCED_ADDERS.contains(name)) {
                total = orZero(total) + 1;
            } else if (ENHANCED_BATCHES.contains(name)) {
                int sum = 0;
                for (Expression batch : elementExpressions(args, at)) {
                    sum += enhancedBatch(batch, at, depth + 1);
                }
                total = name.startsWith("add") ? orZero(total) + sum : sum;
            }
        }
        return orZero(total);
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    /** A {@code WriteBatch}/{@code ReadBatch} builder: its {@code addPutItem}/{@code addDeleteItem}/{@code addGetItem} calls. */
    private int enhancedBatch(Expression batch, Position at, int depth) {
        int n = 0;
        for (MethodCallExpr m : calls(batch, at, depth)) {
            if (ENHANCED_ADDERS.contains(m.getNameAsString())) {
                n++;
            }
        }
        return n;
    }

    /** A {@code requestItems} map: the sum over its tables. */
    private int map(Expression map, Operation operation, Position at, int depth) {
        Expression e = AstShapes.unwrap(map);
        if (depth > MAX_DEPTH) {
            throw new Uncountable();
        }
        if (e instanceof MethodCallExpr m && factory(m).filter(MAP_FACTORIES::contains).isPresent()) {
            int sum = 0;
            for (int i = 1; i < m.getArguments().size(); i += 2) {
                sum += perTable(m.getArgument(i), operation, at, depth + 1);
            }
            return sum;
        }
        if (e instanceof NameExpr n) {
            Variable v = local(n);
            int sum = 0;
            Set<String> keys = new HashSet<>();
            for (MethodCallExpr m : filledBy(v, at, Set.of("put"))) {
                if (m.getArguments().size() != 2 || !keys.add(m.getArgument(0).toString())) {
                    throw new Uncountable(); // the same key twice: the later put replaces the earlier
                }
                sum += perTable(m.getArgument(1), operation, at, depth + 1);
            }
            return sum;
        }
        throw new Uncountable();
    }

    /** One table's entry: a list of write requests, or a {@code KeysAndAttributes} with its keys. */
    private int perTable(Expression value, Operation operation, Position at, int depth) {
        if (operation == Operation.BATCH_WRITE_ITEM) {
            return list(value, at, depth);
        }
        Integer keys = null;
        for (MethodCallExpr m : calls(value, at, depth)) {
            if (KEYS.contains(m.getNameAsString())) {
                int n = elements(m.getArguments(), at, depth + 1);
                boolean appends = m.getNameAsString().equals("withKeys") && !isCollection(m.getArguments());
                keys = appends ? orZero(keys) + n : n;
            }
        }
        return orZero(keys);
    }

    /** The elements given to a varargs-or-collection setter: several arguments, or one collection, or one element. */
    private int elements(List<Expression> args, Position at, int depth) {
        if (args.size() == 1 && isCollection(args)) {
            return list(args.get(0), at, depth);
        }
        return args.size();
    }

    private List<Expression> elementExpressions(List<Expression> args, Position at) {
        if (args.size() == 1 && isCollection(args)) {
            Expression e = AstShapes.unwrap(args.get(0));
            if (e instanceof MethodCallExpr m && factory(m).filter(LIST_FACTORIES::contains).isPresent()) {
                return m.getArguments();
            }
            throw new Uncountable();
        }
        return args;
    }

    /** Whether a single argument is a collection rather than one element. */
    private boolean isCollection(List<Expression> args) {
        if (args.size() != 1) {
            return false;
        }
        Expression e = AstShapes.unwrap(args.get(0));
        if (e instanceof MethodCallExpr m && factory(m).filter(LIST_FACTORIES::contains).isPresent()) {
            return true;
        }
        Optional<String> type = types.typeOf(e);
        if (type.filter(ItemCounter::isCollectionType).isPresent()) {
            return true;
        }
        // With wildcard imports the resolver may take List for an SDK type: read the declared name as written.
        Optional<Variable> v = e instanceof NameExpr n ? types.scopes().find(n.getNameAsString(), n) : Optional.empty();
        if (v.isEmpty() || v.get().declaredType() == null || !v.get().declaredType().isClassOrInterfaceType()) {
            return false;
        }
        String written = v.get().declaredType().asClassOrInterfaceType().getNameAsString();
        return COLLECTION_TYPES.stream().anyMatch(t -> TypeNames.means(types.file(), written, e, t));
    }

    private static boolean isCollectionType(String t) {
        return t.startsWith("java.util.") && (t.endsWith("List") || t.endsWith("Collection") || t.endsWith("Set"));
    }

    /** The elements of a list expression: a list factory, or a local list filled with {@code add} calls. */
    private int list(Expression list, Position at, int depth) {
        Expression e = AstShapes.unwrap(list);
        if (depth > MAX_DEPTH) {
            throw new Uncountable();
        }
        if (e instanceof MethodCallExpr m && factory(m).filter(LIST_FACTORIES::contains).isPresent()) {
            if (m.getArguments().size() == 1 && m.getArgument(0) instanceof NameExpr arg
                    && types.scopes().find(arg.getNameAsString(), arg).map(Variable::declaredType)
                    .filter(t -> t != null && t.isArrayType()).isPresent()) {
                throw new Uncountable(); // Arrays.asList(array)
            }
            return m.getArguments().size();
        }
        if (e instanceof NameExpr n) {
            Variable v = local(n);
            if (v.initializer() != null && !isEmptyNewList(v.initializer())) {
                return list(v.initializer(), at, depth + 1) + filledBy(v, at, Set.of()).size();
            }
            int count = 0;
            for (MethodCallExpr m : filledBy(v, at, Set.of("add", "addAll"))) {
                count += m.getNameAsString().equals("addAll") ? list(m.getArgument(0), at, depth + 1) : 1;
            }
            return count;
        }
        throw new Uncountable();
    }

    private static boolean isEmptyNewList(Expression init) {
        Expression e = AstShapes.unwrap(init);
        return e instanceof ObjectCreationExpr oce && (oce.getArguments().isEmpty()
                || oce.getArguments().size() == 1 && oce.getArgument(0) instanceof IntegerLiteralExpr);
    }

    /** {@code java.util.List.of} for {@code List.of(..)}: the known factory a static call is, if any. */
    private Optional<String> factory(MethodCallExpr m) {
        if (m.getScope().isEmpty() || !types.isTypeName(m.getScope().get())) {
            return Optional.empty();
        }
        String owner = m.getScope().get().toString();
        String method = "." + m.getNameAsString();
        for (Set<String> known : List.of(LIST_FACTORIES, MAP_FACTORIES)) {
            for (String f : known) {
                if (f.endsWith(method) && TypeNames.means(types.file(), owner, m,
                        f.substring(0, f.length() - method.length()))) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /** A local variable that is never reassigned; anything else cannot be counted here. */
    private Variable local(NameExpr n) {
        Variable v = types.scopes().find(n.getNameAsString(), n).orElseThrow(Uncountable::new);
        if (v.kind() != Variable.Kind.LOCAL) {
            throw new Uncountable();
        }
        for (AssignExpr a : v.scope().findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(v.name())) {
                throw new Uncountable();
            }
        }
        return v;
    }

    /**
     * The statement calls {@code v.m(..)} with m in {@code fillers} that run before {@code at}, each exactly once:
     * any use of the variable other than those, in a loop, branch, try or lambda, or as an argument of another call
     * (which might fill it) makes it uncountable.
     */
    private List<MethodCallExpr> filledBy(Variable v, Position at, Set<String> fillers) {
        List<MethodCallExpr> fills = new ArrayList<>();
        for (NameExpr use : v.scope().findAll(NameExpr.class, u -> u.getNameAsString().equals(v.name()))) {
            Position where = use.getBegin().orElseThrow(Uncountable::new);
            if (!where.isBefore(at)) {
                continue;
            }
            if (use.getParentNode().orElse(null) instanceof MethodCallExpr m && m.getScope().orElse(null) == use) {
                if (fillers.contains(m.getNameAsString())) {
                    if (!(m.getParentNode().orElse(null) instanceof ExpressionStmt) || conditional(m, v.scope())) {
                        throw new Uncountable();
                    }
                    fills.add(m);
                    continue;
                }
                if (readOnly(m.getNameAsString())) {
                    continue;
                }
            }
            boolean argument = use.getParentNode().orElse(null) instanceof MethodCallExpr m
                    && m.getArguments().contains(use);
            if (argument) {
                // Handed to a request builder or a helper: a helper that adds more only makes the count low,
                // which leaves the rules silent, never wrong.
                continue;
            }
            throw new Uncountable();
        }
        fills.sort(Comparator.comparing(m -> m.getBegin().orElseThrow()));
        return fills;
    }

    private static boolean readOnly(String method) {
        return method.equals("size") || method.equals("isEmpty") || method.equals("get")
                || method.equals("contains") || method.equals("containsKey");
    }

    /** Whether a statement runs zero or many times within the variable's scope. */
    private static boolean conditional(Node node, Node scope) {
        for (Node n = node.getParentNode().orElse(null); n != null && n != scope; n = n.getParentNode().orElse(null)) {
            if (n instanceof ForStmt || n instanceof ForEachStmt || n instanceof WhileStmt || n instanceof DoStmt
                    || n instanceof IfStmt || n instanceof SwitchEntry || n instanceof TryStmt
                    || n instanceof LambdaExpr) {
                return true;
            }
        }
        return false;
    }

    /**
     * The calls made on a request or builder expression, in source order: a builder chain, a {@code Consumer}
     * lambda's calls on its parameter, or a local variable's initializer chain and later statement calls.
     */
    private List<MethodCallExpr> calls(Expression request, Position at, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Uncountable();
        }
        Expression e = AstShapes.unwrap(request);
        List<MethodCallExpr> calls = new ArrayList<>();
        if (e instanceof LambdaExpr lambda) {
            if (lambda.getParameters().size() != 1) {
                throw new Uncountable();
            }
            String param = lambda.getParameter(0).getNameAsString();
            for (MethodCallExpr m : lambda.getBody().findAll(MethodCallExpr.class)) {
                if (AstShapes.chainRoot(m).filter(param::equals).isPresent()) {
                    if (conditional(m, lambda.getBody()) || innermostLambda(m) != lambda) {
                        throw new Uncountable();
                    }
                    calls.add(m);
                }
            }
        } else if (e instanceof MethodCallExpr || e instanceof ObjectCreationExpr) {
            Expression cur = e;
            while (cur instanceof MethodCallExpr m) {
                calls.add(m);
                Expression scope = m.getScope().map(AstShapes::unwrap).orElse(null);
                if (scope instanceof NameExpr n && !types.isTypeName(n)) {
                    calls.addAll(calls(n, at, depth + 1));
                    break;
                }
                cur = scope;
            }
            if (cur instanceof ObjectCreationExpr oce) {
                if (!oce.getArguments().isEmpty()) {
                    throw new Uncountable(); // LIMITATION: v1 request constructors with arguments are not read
                }
            } else if (cur != null && !(cur instanceof MethodCallExpr) && !types.isTypeName(cur)) {
                throw new Uncountable();
            }
        } else if (e instanceof NameExpr n) {
            Variable v = local(n);
            if (v.initializer() != null) {
                calls.addAll(calls(v.initializer(), at, depth + 1));
            }
            for (MethodCallExpr m : v.scope().findAll(MethodCallExpr.class)) {
                boolean statement = m.getParentNode().orElse(null) instanceof ExpressionStmt;
                if (statement && AstShapes.chainRoot(m).filter(v.name()::equals).isPresent()
                        && m.getBegin().map(p -> p.isBefore(at)).orElse(false)) {
                    if (conditional(m, v.scope())) {
                        throw new Uncountable();
                    }
                    for (Expression c = m; c instanceof MethodCallExpr chained; c = chained.getScope().orElse(null)) {
                        calls.add(chained);
                    }
                }
            }
        } else {
            throw new Uncountable();
        }
        calls.sort(Comparator.comparing(m -> m.getName().getBegin().orElseThrow()));
        return calls;
    }

    private static LambdaExpr innermostLambda(Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof LambdaExpr l) {
                return l;
            }
        }
        return null;
    }
}
