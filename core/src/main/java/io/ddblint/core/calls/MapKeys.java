package io.ddblint.core.calls;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.ddblint.core.facts.KeySet;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.fold.StringFolder;
import io.ddblint.core.java.ExpressionTypes;
import io.ddblint.core.java.Variable;
import io.ddblint.core.sdk.RequestTypes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The keys of an attribute name/value map expression, when they are statically known: {@code Map.of},
 * {@code Map.ofEntries}, {@code Collections.singletonMap}, {@code ImmutableMap.of}, a {@code HashMap} local filled
 * with constant keys in the same method, v1 {@code NameMap}/{@code ValueMap} chains.
 */
final class MapKeys {

    private final ExpressionTypes types;
    private final StringFolder folder;

    MapKeys(ExpressionTypes types, StringFolder folder) {
        this.types = types;
        this.folder = folder;
    }

    KeySet keysOf(Expression map) {
        List<Expression> keys = new ArrayList<>();
        if (!collect(map, keys, new HashSet<>())) {
            return KeySet.UNKNOWN;
        }
        Set<String> values = new HashSet<>();
        for (Expression k : keys) {
            Optional<String> v = literal(folder.fold(k));
            if (v.isEmpty()) {
                return new KeySet(values, false);
            }
            values.add(v.get());
        }
        return new KeySet(values, true);
    }

    /** A key as a constant, when it is a literal (cross-file constants are rare as map keys). */
    static Optional<String> literal(SymbolicString s) {
        return s instanceof SymbolicString.Literal l ? Optional.of(l.value()) : Optional.empty();
    }

    private boolean collect(Expression e, List<Expression> keys, Set<String> seen) {
        if (e instanceof MethodCallExpr call) {
            String name = call.getNameAsString();
            String scope = call.getScope().map(Object::toString).orElse("");
            if (name.equals("of") && (scope.equals("Map") || scope.endsWith("ImmutableMap"))) {
                for (int i = 0; i < call.getArguments().size(); i += 2) {
                    keys.add(call.getArgument(i));
                }
                return true;
            }
            if (name.equals("singletonMap") && call.getArguments().size() == 2) {
                keys.add(call.getArgument(0));
                return true;
            }
            if (name.equals("ofEntries")) {
                for (Expression entry : call.getArguments()) {
                    if (!(entry instanceof MethodCallExpr m && m.getNameAsString().equals("entry")
                            && m.getArguments().size() == 2)) {
                        return false;
                    }
                    keys.add(m.getArgument(0));
                }
                return true;
            }
            // new NameMap().with("#a", "a"), new ValueMap().withString(":v", x)
            if (name.startsWith("with") && call.getArguments().size() == 2 && call.getScope().isPresent()) {
                keys.add(call.getArgument(0));
                return collect(call.getScope().get(), keys, seen);
            }
            return false;
        }
        if (e instanceof ObjectCreationExpr oce) {
            String type = oce.getType().getNameAsString();
            return oce.getArguments().isEmpty() && oce.getAnonymousClassBody().isEmpty()
                    && (RequestTypes.isDocumentMapBuilder(type) || type.endsWith("HashMap")
                    || type.equals("TreeMap"));
        }
        if (e instanceof NameExpr n && seen.add(n.getNameAsString())) {
            return localMap(n, keys, seen);
        }
        return false;
    }

    /** A local map: its initializer plus {@code put} calls on it in the same body; anything else makes it unknown. */
    private boolean localMap(NameExpr n, List<Expression> keys, Set<String> seen) {
        Optional<Variable> v = types.scopes().find(n.getNameAsString(), n);
        if (v.isEmpty() || v.get().kind() != Variable.Kind.LOCAL || v.get().initializer() == null) {
            return false;
        }
        if (!collect(v.get().initializer(), keys, seen)) {
            return false;
        }
        for (MethodCallExpr call : v.get().scope().findAll(MethodCallExpr.class)) {
            if (call.getScope().filter(s -> s instanceof NameExpr sn
                    && sn.getNameAsString().equals(n.getNameAsString())).isEmpty()) {
                continue;
            }
            switch (call.getNameAsString()) {
                case "put", "putIfAbsent" -> keys.add(call.getArgument(0));
                case "putAll", "compute", "computeIfAbsent", "merge" -> {
                    return false;
                }
                default -> {
                    // reads (get, containsKey) and removals do not add keys
                }
            }
        }
        return true;
    }
}
