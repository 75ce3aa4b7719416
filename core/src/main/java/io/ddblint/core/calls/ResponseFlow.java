package io.ddblint.core.calls;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import io.ddblint.core.facts.ApiFlavor;
import io.ddblint.core.facts.Response;
import io.ddblint.core.facts.Response.End;
import io.ddblint.core.facts.Response.Path;
import io.ddblint.core.facts.Response.Use;
import io.ddblint.core.facts.Value;
import io.ddblint.core.java.ExpressionTypes;
import io.ddblint.core.java.Variable;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows a call's result through the method around it (see {@link Response}): purely syntactic, inside one member,
 * and conservative: a local that is assigned twice, aliased, or read inside a lambda or an inner class is not
 * followed ({@link Use#UNKNOWN}), so rules that need to know stay silent.
 */
final class ResponseFlow {

    private static final Set<String> CONTINUATION_READS =
            Set.of("lastEvaluatedKey", "hasLastEvaluatedKey", "getLastEvaluatedKey");
    private static final Set<String> START_KEY_WRITES =
            Set.of("exclusiveStartKey", "withExclusiveStartKey", "setExclusiveStartKey");
    /** Future methods that wait for the value. */
    private static final Set<String> AWAITS = Set.of("join", "get");
    /** Future methods whose lambda receives the value. */
    private static final Set<String> CALLBACKS = Set.of("thenApply", "thenAccept", "thenCompose", "thenApplyAsync",
            "thenAcceptAsync", "thenComposeAsync");
    private static final Set<String> NULL_CHECKS = Set.of("isNull", "nonNull", "requireNonNull",
            "requireNonNullElse", "requireNonNullElseGet", "ofNullable");
    private static final Set<String> COLLECTION_COPIES = Set.of("ArrayList", "LinkedList", "HashSet",
            "LinkedHashSet", "TreeSet", "ArrayDeque", "Vector", "CopyOnWriteArrayList");
    private static final Set<String> COPY_METHODS = Set.of("addAll");
    /** The mapper methods that return a lazy list, and how many arguments they take before an optional config. */
    private static final Map<String, Integer> LAZY_LIST_ARITY = Map.of("query", 2, "scan", 2, "parallelScan", 3);
    private static final Set<String> STRATEGIES = Set.of("ITERATION_ONLY", "LAZY_LOADING", "EAGER_LOADING");
    /** How many derived locals ({@code Map item = response.item();}) a path follows. */
    private static final int DERIVED_DEPTH = 2;

    private final ExpressionTypes types;
    private final Map<Node, boolean[]> memberReads = new IdentityHashMap<>();
    private Boolean fileNamesStrategy;

    ResponseFlow(ExpressionTypes types) {
        this.types = types;
    }

    Response of(MethodCallExpr call, ApiFlavor flavor, boolean paginated) {
        boolean[] reads = memberReads(call);
        Flow flow = returnsFuture(call, flavor, paginated) ? future(call) : flow(call);
        return new Response(flow.use(), flow.paths(), reads[0], reads[1], loadingStrategy(call, flavor));
    }

    private record Flow(Use use, List<Path> paths) {
        static final Flow UNKNOWN = new Flow(Use.UNKNOWN, List.of());
    }

    private static boolean returnsFuture(MethodCallExpr call, ApiFlavor flavor, boolean paginated) {
        if (paginated) {
            return false; // paginators and publishers are not futures
        }
        return flavor == ApiFlavor.V2_ASYNC_CLIENT || flavor == ApiFlavor.V2_ENHANCED_ASYNC
                || flavor.isV1() && call.getNameAsString().endsWith("Async");
    }

    /** A future: its value is followed from where the method waits for it. */
    private Flow future(MethodCallExpr call) {
        if (call.getNameAsString().endsWith("Async") && call.getArguments().size() > 1) {
            return new Flow(Use.PASSED, List.of()); // v1 xxxAsync(request, asyncHandler): the handler gets it
        }
        Expression future = outermost(call);
        if (future.getParentNode().orElse(null) instanceof MethodCallExpr m && isScopeOf(m, future)) {
            if (AWAITS.contains(m.getNameAsString())) {
                return flow(m);
            }
            if (CALLBACKS.contains(m.getNameAsString()) && m.getArguments().size() == 1
                    && m.getArgument(0) instanceof LambdaExpr lambda && lambda.getParameters().size() == 1) {
                return lambdaParameter(lambda);
            }
            return Flow.UNKNOWN;
        }
        Flow flow = flow(call);
        return switch (flow.use()) {
            case DISCARDED -> new Flow(Use.NOT_AWAITED, List.of());
            case RETURNED, PASSED, STORED -> flow;
            default -> Flow.UNKNOWN; // LIMITATION: a future held in a local is not followed to its join()
        };
    }

    /** The value given to a {@code thenApply(r -> ...)} lambda: its parameter read like a local. */
    private Flow lambdaParameter(LambdaExpr lambda) {
        String name = lambda.getParameters().get(0).getNameAsString();
        List<NameExpr> reads = new ArrayList<>();
        for (NameExpr n : lambda.getBody().findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
            Optional<Variable> v = types.scopes().find(name, n);
            if (v.isEmpty() || v.get().scope() != lambda) {
                continue;
            }
            if (insideNestedCode(n, lambda) || isAssigned(n)) {
                return Flow.UNKNOWN;
            }
            reads.add(n);
        }
        return readPaths(reads, 0).map(p -> new Flow(Use.LOCAL, p)).orElse(Flow.UNKNOWN);
    }

    /** What happens to a (non-future) value. */
    private Flow flow(Expression value) {
        Expression at = outermost(value);
        Node parent = at.getParentNode().orElse(null);
        if (parent instanceof ExpressionStmt stmt) {
            return isLambdaBody(stmt) ? new Flow(Use.RETURNED, List.of()) : new Flow(Use.DISCARDED, List.of());
        }
        if (parent instanceof MethodCallExpr m && isScopeOf(m, at)) {
            return new Flow(Use.CHAINED, pathsFrom(at, 0));
        }
        if (parent instanceof VariableDeclarator d && d.getInitializer().filter(i -> i == at).isPresent()) {
            if (d.getParentNode().orElse(null) instanceof FieldDeclaration) {
                return new Flow(Use.STORED, List.of());
            }
            return local(d.getNameAsString(), scopeOf(d), 1);
        }
        if (parent instanceof AssignExpr a && a.getValue() == at) {
            if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
                return Flow.UNKNOWN;
            }
            Optional<Variable> target = assignedLocal(a);
            if (target.isPresent()) {
                return local(target.get().name(), target.get().scope(), 0);
            }
            return isFieldTarget(a) ? new Flow(Use.STORED, List.of()) : Flow.UNKNOWN;
        }
        End end = end(at, parent);
        return switch (end) {
            case RETURNED -> new Flow(Use.RETURNED, List.of());
            case PASSED -> new Flow(Use.PASSED, List.of());
            case STORED -> new Flow(Use.STORED, List.of());
            case UNKNOWN -> Flow.UNKNOWN;
            default -> new Flow(Use.OTHER, List.of(new Path(List.of(), end)));
        };
    }

    /** The local an assignment writes, when it writes one. */
    private Optional<Variable> assignedLocal(AssignExpr a) {
        if (a.getTarget() instanceof NameExpr n) {
            return types.scopes().find(n.getNameAsString(), a).filter(v -> v.kind() == Variable.Kind.LOCAL);
        }
        return Optional.empty();
    }

    /** Whether an assignment writes a field ({@code this.x = }, or a name that is no local or parameter). */
    private boolean isFieldTarget(AssignExpr a) {
        if (a.getTarget() instanceof FieldAccessExpr) {
            return true;
        }
        if (a.getTarget() instanceof NameExpr n) {
            Optional<Variable> v = types.scopes().find(n.getNameAsString(), a);
            return v.isEmpty() || v.get().kind() == Variable.Kind.FIELD;
        }
        return false;
    }

    /**
     * A local holding the value: every read of it. Unknown when assigned more than once, read inside a lambda or an
     * inner class, or aliased ({@code var b = a;}).
     */
    private Flow local(String name, Node scope, int initialized) {
        return localReads(name, scope, initialized).flatMap(reads -> readPaths(reads, 0))
                .map(p -> new Flow(Use.LOCAL, p)).orElse(Flow.UNKNOWN);
    }

    /**
     * The reads of a local of {@code scope} ({@link io.ddblint.core.java.Scopes}' scope node of locals); empty when it
     * cannot be followed: assigned more than once, or read in a lambda or an inner class.
     */
    private Optional<List<NameExpr>> localReads(String name, Node scope, int initialized) {
        if (scope == null) {
            return Optional.empty();
        }
        int assignments = initialized;
        List<NameExpr> reads = new ArrayList<>();
        for (NameExpr n : scope.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
            Optional<Variable> v = types.scopes().find(name, n);
            if (v.isEmpty() || v.get().kind() != Variable.Kind.LOCAL || v.get().scope() != scope) {
                continue;
            }
            if (insideNestedCode(n, scope)) {
                return Optional.empty();
            }
            if (isAssigned(n)) {
                if (++assignments > 1) {
                    return Optional.empty();
                }
                continue;
            }
            reads.add(n);
        }
        return Optional.of(reads);
    }

    private static boolean isAssigned(NameExpr n) {
        return n.getParentNode().orElse(null) instanceof AssignExpr a && a.getTarget() == n;
    }

    /** The node {@link io.ddblint.core.java.Scopes} gives as the scope of a local declared by {@code d}. */
    private static Node scopeOf(VariableDeclarator d) {
        Node declaration = d.getParentNode().orElse(null);
        Node holder = declaration == null ? null : declaration.getParentNode().orElse(null);
        if (holder instanceof ExpressionStmt stmt) {
            Node block = stmt.getParentNode().orElse(null);
            return block instanceof BlockStmt || block instanceof SwitchEntry ? block : null;
        }
        return holder instanceof ForStmt || holder instanceof TryStmt ? holder : null;
    }

    /** The paths of every read of a local; empty when one of them aliases it. */
    private Optional<List<Path>> readPaths(List<NameExpr> reads, int depth) {
        List<Path> paths = new ArrayList<>();
        for (NameExpr read : reads) {
            for (Path p : pathsFrom(read, depth)) {
                if (p.calls().isEmpty() && p.end() == End.UNKNOWN) {
                    return Optional.empty(); // aliased
                }
                paths.add(p);
            }
        }
        return Optional.of(List.copyOf(paths));
    }

    /**
     * The chain of calls on a value and where it ends. A value read from it and held in a local
     * ({@code Map item = response.item();}) continues in one path per read of that local.
     */
    private List<Path> pathsFrom(Expression value, int depth) {
        List<String> calls = new ArrayList<>();
        Expression at = outermost(value);
        while (at.getParentNode().orElse(null) instanceof MethodCallExpr m && isScopeOf(m, at)) {
            calls.add(m.getNameAsString());
            at = outermost(m);
        }
        Node parent = at.getParentNode().orElse(null);
        if (parent instanceof VariableDeclarator d && d.getInitializer().isPresent()
                && d.getInitializer().get() == at) {
            if (d.getParentNode().orElse(null) instanceof FieldDeclaration) {
                return List.of(new Path(calls, End.STORED));
            }
            return derived(calls, d.getNameAsString(), scopeOf(d), 1, depth);
        }
        if (parent instanceof AssignExpr a && a.getValue() == at) {
            if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
                return List.of(new Path(calls, End.USED)); // count += page.getCount(): combined into the target
            }
            Optional<Variable> target = assignedLocal(a);
            if (target.isPresent()) {
                return derived(calls, target.get().name(), target.get().scope(), 0, depth);
            }
            return List.of(new Path(calls, isFieldTarget(a) ? End.STORED : End.UNKNOWN));
        }
        return List.of(new Path(calls, end(at, parent)));
    }

    /** A value read from the result and held in a local: its reads continue the path. An alias is not followed. */
    private List<Path> derived(List<String> calls, String name, Node scope, int initialized, int depth) {
        if (calls.isEmpty() || depth >= DERIVED_DEPTH) {
            return List.of(new Path(calls, End.UNKNOWN));
        }
        Optional<List<Path>> more = localReads(name, scope, initialized).flatMap(r -> readPaths(r, depth + 1));
        if (more.isEmpty()) {
            return List.of(new Path(calls, End.UNKNOWN));
        }
        List<Path> joined = new ArrayList<>();
        for (Path p : more.get()) {
            List<String> all = new ArrayList<>(calls);
            all.addAll(p.calls());
            joined.add(new Path(all, p.end()));
        }
        return joined.isEmpty() ? List.of(new Path(calls, End.USED)) : joined;
    }

    /**
     * JavaParser wraps an expression lambda's body in a statement: {@code () -> client.scan(r)} returns the value
     * (to a {@code Supplier}; a {@code Runnable} drops it, which the lambda alone does not tell).
     */
    private static boolean isLambdaBody(ExpressionStmt stmt) {
        return stmt.getParentNode().orElse(null) instanceof LambdaExpr;
    }

    private static boolean isScopeOf(MethodCallExpr m, Expression e) {
        return m.getScope().isPresent() && m.getScope().get() == e;
    }

    /** Where a value that no call is made on ends up. */
    private static End end(Expression at, Node parent) {
        if (parent instanceof ExpressionStmt stmt) {
            return isLambdaBody(stmt) ? End.RETURNED : End.USED;
        }
        if (parent instanceof ReturnStmt) {
            return End.RETURNED;
        }
        if (parent instanceof MethodCallExpr m && m.getArguments().contains(at)) {
            if (NULL_CHECKS.contains(m.getNameAsString())) {
                return End.NULL_CHECKED;
            }
            return COPY_METHODS.contains(m.getNameAsString()) ? End.COPIED : End.PASSED;
        }
        if (parent instanceof ObjectCreationExpr o && o.getArguments().contains(at)) {
            return COLLECTION_COPIES.contains(o.getType().getNameAsString()) && o.getArguments().size() == 1
                    ? End.COPIED : End.PASSED;
        }
        if (parent instanceof BinaryExpr b && (b.getOperator() == BinaryExpr.Operator.EQUALS
                || b.getOperator() == BinaryExpr.Operator.NOT_EQUALS)
                && (b.getLeft() instanceof NullLiteralExpr || b.getRight() instanceof NullLiteralExpr)) {
            return End.NULL_CHECKED;
        }
        if (parent instanceof ForEachStmt fe && fe.getIterable() == at) {
            return End.ITERATED;
        }
        return End.USED;
    }

    /** The value with the parentheses, casts and conditional branches around it, whose parent uses it. */
    private static Expression outermost(Expression value) {
        Expression at = value;
        for (Node p = at.getParentNode().orElse(null); ; p = at.getParentNode().orElse(null)) {
            if (p instanceof EnclosedExpr || p instanceof CastExpr) {
                at = (Expression) p;
            } else if (p instanceof ConditionalExpr c && c.getCondition() != at) {
                at = c;
            } else {
                return at;
            }
        }
    }

    /** Whether a read sits in a lambda or an inner class inside the scope: it may run later, or many times. */
    private static boolean insideNestedCode(Node read, Node scope) {
        for (Node n = read.getParentNode().orElse(null); n != null && n != scope; n = n.getParentNode().orElse(null)) {
            if (n instanceof LambdaExpr || n instanceof ClassOrInterfaceDeclaration
                    || n instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the member around a call reads a continuation ([0]) or sets a start key ([1]) anywhere. */
    private boolean[] memberReads(Node at) {
        Node member = at;
        while (member != null && !(member instanceof CallableDeclaration<?> || member instanceof InitializerDeclaration
                || member instanceof FieldDeclaration)) {
            member = member.getParentNode().orElse(null);
        }
        if (member == null) {
            return new boolean[2];
        }
        return memberReads.computeIfAbsent(member, m -> {
            boolean[] reads = new boolean[2];
            for (MethodCallExpr c : m.findAll(MethodCallExpr.class)) {
                reads[0] |= CONTINUATION_READS.contains(c.getNameAsString());
                reads[1] |= START_KEY_WRITES.contains(c.getNameAsString());
            }
            return reads;
        });
    }

    /**
     * The {@code PaginationLoadingStrategy} a mapper query/scan passes. Without a config argument the mapper's own
     * default applies; when the file names a strategy anywhere (a mapper built with one), that default is unknown.
     */
    private Value<String> loadingStrategy(MethodCallExpr call, ApiFlavor flavor) {
        Integer arity = LAZY_LIST_ARITY.get(call.getNameAsString());
        if (flavor != ApiFlavor.V1_MAPPER || arity == null) {
            return Value.absent();
        }
        if (call.getArguments().size() <= arity) {
            return fileNamesStrategy(call) ? Value.unknown(Value.Reason.OTHER, "the mapper's default config")
                    : Value.absent();
        }
        Expression config = call.getArgument(arity);
        Optional<String> named = strategyNamed(config);
        if (named.isEmpty() && config instanceof NameExpr n) {
            named = types.scopes().find(n.getNameAsString(), n).map(Variable::initializer).flatMap(this::strategyNamed);
        }
        return named.map(Value::known).orElseGet(() -> Value.unknown(Value.Reason.OTHER, config.toString()));
    }

    private Optional<String> strategyNamed(Expression e) {
        if (e == null) {
            return Optional.empty();
        }
        List<String> found = new ArrayList<>();
        e.walk(Node.TreeTraversal.PREORDER, n -> {
            if (n instanceof NameExpr ne && STRATEGIES.contains(ne.getNameAsString())) {
                found.add(ne.getNameAsString());
            } else if (n instanceof FieldAccessExpr fa && STRATEGIES.contains(fa.getNameAsString())) {
                found.add(fa.getNameAsString());
            }
        });
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private boolean fileNamesStrategy(Node any) {
        if (fileNamesStrategy == null) {
            Node root = any.findRootNode();
            fileNamesStrategy = root.findFirst(FieldAccessExpr.class,
                    f -> STRATEGIES.contains(f.getNameAsString())).isPresent()
                    || root.findFirst(NameExpr.class, n -> STRATEGIES.contains(n.getNameAsString())).isPresent();
        }
        return fileNamesStrategy;
    }
}
