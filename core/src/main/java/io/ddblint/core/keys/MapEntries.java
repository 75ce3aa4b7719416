package io.ddblint.core.keys;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.ddblint.core.java.AstShapes;
import io.ddblint.core.java.ExpressionTypes;
import io.ddblint.core.java.Variable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The entries (key and value expressions) of a map expression: {@code Map.of}, {@code Map.ofEntries},
 * {@code Collections.singletonMap}, {@code ImmutableMap.of}, v1 {@code NameMap}/{@code ValueMap} chains, and a local
 * map filled with {@code put} in its method. Unlike the request's key sets, values are kept: they are what is written.
 */
final class MapEntries {

    record Entry(Expression key, Expression value) {
    }

    /** @param complete false when entries may exist that were not seen (a {@code putAll}, a map handed elsewhere) */
    record Read(List<Entry> entries, boolean complete) {
    }

    private final ExpressionTypes types;

    MapEntries(ExpressionTypes types) {
        this.types = types;
    }

    Optional<Read> entries(Expression map) {
        List<Entry> out = new ArrayList<>();
        boolean[] complete = {true};
        return collect(AstShapes.unwrap(map), out, complete, new HashSet<>())
                ? Optional.of(new Read(out, complete[0])) : Optional.empty();
    }

    private boolean collect(Expression e, List<Entry> out, boolean[] complete, Set<String> seen) {
        if (e instanceof MethodCallExpr call) {
            String name = call.getNameAsString();
            String scope = call.getScope().map(Object::toString).orElse("");
            List<Expression> args = call.getArguments();
            if (name.equals("of") && (scope.equals("Map") || scope.endsWith("ImmutableMap")) && args.size() % 2 == 0) {
                for (int i = 0; i < args.size(); i += 2) {
                    out.add(new Entry(args.get(i), args.get(i + 1)));
                }
                return true;
            }
            if (name.equals("singletonMap") && args.size() == 2) {
                out.add(new Entry(args.get(0), args.get(1)));
                return true;
            }
            if (name.equals("ofEntries")) {
                for (Expression entry : args) {
                    if (!(entry instanceof MethodCallExpr m && m.getNameAsString().equals("entry")
                            && m.getArguments().size() == 2)) {
                        return false;
                    }
                    out.add(new Entry(m.getArgument(0), m.getArgument(1)));
                }
                return true;
            }
            if (name.startsWith("with") && args.size() == 2 && call.getScope().isPresent()) {
                out.add(new Entry(args.get(0), args.get(1)));
                return collect(AstShapes.unwrap(call.getScope().get()), out, complete, seen);
            }
            return false;
        }
        if (e instanceof ObjectCreationExpr oce) {
            String type = oce.getType().getNameAsString();
            return oce.getArguments().isEmpty() && oce.getAnonymousClassBody().isEmpty()
                    && (type.endsWith("HashMap") || type.equals("TreeMap") || type.equals("NameMap")
                    || type.equals("ValueMap"));
        }
        if (e instanceof NameExpr n && seen.add(n.getNameAsString())) {
            return local(n, out, complete, seen);
        }
        return false;
    }

    /** A local map: its initializer plus {@code put} calls on it in the same body. */
    private boolean local(NameExpr n, List<Entry> out, boolean[] complete, Set<String> seen) {
        Optional<Variable> v = types.scopes().find(n.getNameAsString(), n);
        if (v.isEmpty() || v.get().kind() != Variable.Kind.LOCAL || v.get().initializer() == null) {
            return false;
        }
        if (!collect(AstShapes.unwrap(v.get().initializer()), out, complete, seen)) {
            return false;
        }
        String name = n.getNameAsString();
        for (NameExpr use : v.get().scope().findAll(NameExpr.class)) {
            if (!use.getNameAsString().equals(name) || use == n) {
                continue;
            }
            Node parent = use.getParentNode().orElse(null);
            if (parent instanceof MethodCallExpr call && call.getScope().orElse(null) == use) {
                switch (call.getNameAsString()) {
                    case "put", "putIfAbsent" -> out.add(new Entry(call.getArgument(0), call.getArgument(1)));
                    case "putAll", "compute", "computeIfAbsent", "computeIfPresent", "merge", "replace",
                         "replaceAll" -> complete[0] = false;
                    default -> {
                        // reads (get, containsKey) and removals write nothing
                    }
                }
            } else if (parent instanceof MethodCallExpr call && !isRequestSetter(call.getNameAsString())) {
                complete[0] = false; // handed to a helper that may add entries
            } else if (parent instanceof AssignExpr a && a.getTarget() == use) {
                return false;
            }
        }
        return true;
    }

    private static boolean isRequestSetter(String method) {
        return method.equals("item") || method.equals("withItem") || method.equals("setItem")
                || method.equals("key") || method.equals("withKey") || method.equals("setKey")
                || method.equals("putItem") || method.equals("updateItem");
    }
}
