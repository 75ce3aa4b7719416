package io.ddblint.core.tables;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import io.ddblint.core.java.AstShapes;
import io.ddblint.core.java.ExpressionTypes;
import io.ddblint.core.java.Variable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The properties an object is given where it is built: a v2 builder chain ({@code X.builder().a(v).build()}), a
 * consumer lambda ({@code b -> b.a(v)}), a v1 {@code new X().withA(v)} chain or {@code x.setA(v)} calls, through
 * locals and fields of the file that hold the builder or the object. {@code withA}, {@code setA} and {@code a} are
 * one property {@code a}. Positional constructor arguments are kept apart.
 */
final class Props {

    private static final int MAX_DEPTH = 24;

    private final Map<String, List<Expression>> values = new LinkedHashMap<>();
    private final Map<String, List<List<Expression>>> calls = new LinkedHashMap<>();
    private List<Expression> constructorArguments = List.of();

    private Props() {
    }

    /** Every argument given to the property, in source order of discovery (later settings last). */
    List<Expression> all(String property) {
        return values.getOrDefault(property, List.of());
    }

    /** The last value given to a single-valued property. */
    Optional<Expression> last(String property) {
        List<Expression> v = all(property);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    /** The argument lists of each call that set the property, one list per call. */
    List<List<Expression>> calls(String property) {
        return calls.getOrDefault(property, List.of());
    }

    List<Expression> constructorArguments() {
        return constructorArguments;
    }

    /** Reads the properties of an object expression. */
    static Props of(Expression e, ExpressionTypes types) {
        Props p = new Props();
        new Reader(types, p).read(e, 0);
        return p;
    }

    /**
     * Reads an object expression and, when it initializes a local or field, the setter and builder calls made on
     * that variable afterwards ({@code req.setTableName(...)}, {@code b.keySchema(...)}).
     */
    static Props ofHeld(Expression e, ExpressionTypes types) {
        Props p = new Props();
        Reader reader = new Reader(types, p);
        reader.read(e, 0);
        if (e.getParentNode().orElse(null) instanceof VariableDeclarator d) {
            Node scope = d;
            while (scope != null && !(scope instanceof BlockStmt) && !(scope instanceof TypeDeclaration<?>)) {
                scope = scope.getParentNode().orElse(null);
            }
            if (scope != null) {
                reader.callsOn(d.getNameAsString(), scope, 0);
            }
        }
        return p;
    }

    /** {@code withTableName}, {@code setTableName}, {@code tableName} → {@code tableName}. */
    static String property(String method) {
        for (String prefix : List.of("with", "set")) {
            if (method.length() > prefix.length() && method.startsWith(prefix)
                    && Character.isUpperCase(method.charAt(prefix.length()))) {
                String rest = method.substring(prefix.length());
                return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
            }
        }
        return method;
    }

    /**
     * The elements of a list-valued argument: {@code List.of(a, b)}, {@code Arrays.asList}, a local list filled with
     * {@code add}, or the argument itself (one element, as a varargs argument is).
     */
    static List<Expression> elements(Expression argument, ExpressionTypes types) {
        List<Expression> out = new ArrayList<>();
        elements(argument, types, out, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
        return out;
    }

    private static void elements(Expression argument, ExpressionTypes types, List<Expression> out,
                                 Set<Object> seen, int depth) {
        Expression e = AstShapes.unwrap(argument);
        if (depth > MAX_DEPTH || !seen.add(e)) {
            return;
        }
        if (e instanceof MethodCallExpr m && isListFactory(m)) {
            m.getArguments().forEach(a -> elements(a, types, out, seen, depth + 1));
            return;
        }
        if (e instanceof ObjectCreationExpr o && o.getType().getNameAsString().endsWith("List")) {
            o.getArguments().forEach(a -> elements(a, types, out, seen, depth + 1));
            return;
        }
        if (e instanceof NameExpr n) {
            Optional<Variable> v = types.scopes().find(n.getNameAsString(), n);
            if (v.isPresent() && v.get().kind() == Variable.Kind.LOCAL && isListType(v.get())) {
                if (v.get().initializer() != null) {
                    elements(v.get().initializer(), types, out, seen, depth + 1);
                }
                for (MethodCallExpr add : v.get().scope().findAll(MethodCallExpr.class)) {
                    if (add.getNameAsString().equals("add") && add.getArguments().size() == 1
                            && add.getScope().filter(s -> s instanceof NameExpr sn
                            && sn.getNameAsString().equals(n.getNameAsString())).isPresent()) {
                        elements(add.getArgument(0), types, out, seen, depth + 1);
                    }
                }
                return;
            }
            if (v.isPresent() && v.get().initializer() != null && isListType(v.get())) {
                elements(v.get().initializer(), types, out, seen, depth + 1);
                return;
            }
        }
        out.add(e);
    }

    private static boolean isListType(Variable v) {
        if (v.declaredType() == null) {
            return false;
        }
        String t = v.declaredType().asString();
        return t.startsWith("List") || t.startsWith("java.util.List") || t.startsWith("Collection")
                || t.startsWith("ArrayList") || t.startsWith("var") || t.endsWith("[]");
    }

    private static boolean isListFactory(MethodCallExpr m) {
        String name = m.getNameAsString();
        String scope = m.getScope().map(Node::toString).orElse("");
        return (name.equals("of") || name.equals("copyOf")) && (scope.endsWith("List") || scope.endsWith("Set")
                || scope.endsWith("Stream"))
                || name.equals("asList") && scope.endsWith("Arrays")
                || name.equals("singletonList") && scope.endsWith("Collections")
                || name.equals("newArrayList") && scope.endsWith("Lists");
    }

    /** A word given by an enum constant ({@code KeyType.HASH}, a static import), a string, or its toString(). */
    static Optional<String> word(Expression argument) {
        Expression e = AstShapes.unwrap(argument);
        if (e instanceof MethodCallExpr m && (m.getNameAsString().equals("toString")
                || m.getNameAsString().equals("name")) && m.getArguments().isEmpty() && m.getScope().isPresent()) {
            return word(m.getScope().get());
        }
        if (e instanceof FieldAccessExpr fa) {
            return Optional.of(fa.getNameAsString());
        }
        if (e instanceof NameExpr n) {
            return Optional.of(n.getNameAsString());
        }
        if (e instanceof StringLiteralExpr s) {
            return Optional.of(s.asString());
        }
        return Optional.empty();
    }

    /** The outermost call of the chain a node starts: {@code X.builder()} → {@code X.builder().a(v).build()}. */
    static Expression outermost(Expression start) {
        Expression cur = start;
        while (cur.getParentNode().orElse(null) instanceof MethodCallExpr parent
                && parent.getScope().isPresent() && parent.getScope().get() == cur) {
            cur = parent;
        }
        return cur;
    }

    /** Reads one object's properties, following locals and fields that hold it or its builder. */
    private static final class Reader {

        private final ExpressionTypes types;
        private final Props props;
        private final Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());

        Reader(ExpressionTypes types, Props props) {
            this.types = types;
            this.props = props;
        }

        void read(Expression expression, int depth) {
            Expression e = AstShapes.unwrap(expression);
            if (depth > MAX_DEPTH || !visited.add(e)) {
                return;
            }
            if (e instanceof MethodCallExpr m) {
                m.getScope().ifPresent(s -> read(s, depth + 1));
                String name = m.getNameAsString();
                if (!name.equals("build") && !name.equals("builder") && !(name.equals("create")
                        && m.getScope().filter(types::isTypeName).isPresent())) {
                    props.values.computeIfAbsent(property(name), k -> new ArrayList<>()).addAll(m.getArguments());
                    props.calls.computeIfAbsent(property(name), k -> new ArrayList<>()).add(List.copyOf(
                            m.getArguments()));
                }
            } else if (e instanceof ObjectCreationExpr o) {
                if (props.constructorArguments.isEmpty()) {
                    props.constructorArguments = List.copyOf(o.getArguments());
                }
            } else if (e instanceof LambdaExpr lambda && lambda.getParameters().size() == 1) {
                String parameter = lambda.getParameter(0).getNameAsString();
                if (lambda.getExpressionBody().isPresent()) {
                    read(lambda.getExpressionBody().get(), depth + 1);
                } else {
                    callsOn(parameter, lambda.getBody(), depth);
                }
            } else if (e instanceof NameExpr n) {
                variable(types.scopes().find(n.getNameAsString(), n), depth);
            } else if (e instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr) {
                variable(ExpressionTypes.enclosingType(fa).flatMap(td -> types.scopes().field(td,
                        fa.getNameAsString())), depth);
            }
        }

        private void variable(Optional<Variable> found, int depth) {
            if (found.isEmpty() || !visited.add(found.get().name() + "@" + System.identityHashCode(
                    found.get().scope()))) {
                return;
            }
            Variable v = found.get();
            if (v.kind() == Variable.Kind.PARAMETER || v.kind() == Variable.Kind.LAMBDA_PARAMETER
                    || v.scope() == null) {
                return;
            }
            if (v.initializer() != null) {
                read(v.initializer(), depth + 1);
            }
            for (AssignExpr a : v.scope().findAll(AssignExpr.class)) {
                if (assigns(a.getTarget(), v.name())) {
                    read(a.getValue(), depth + 1);
                }
            }
            callsOn(v.name(), v.scope(), depth);
        }

        /** {@code x.setA(v);} and {@code builder.a(v).b(w);} statements on a variable. */
        private void callsOn(String name, Node scope, int depth) {
            for (ExpressionStmt stmt : scope.findAll(ExpressionStmt.class)) {
                if (stmt.getExpression() instanceof MethodCallExpr m && rootIs(m, name)) {
                    read(m, depth + 1);
                }
            }
        }

        private static boolean assigns(Expression target, String name) {
            return target instanceof NameExpr n && n.getNameAsString().equals(name)
                    || target instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr
                    && f.getNameAsString().equals(name);
        }

        private static boolean rootIs(MethodCallExpr m, String name) {
            Expression cur = m;
            while (cur instanceof MethodCallExpr c && c.getScope().isPresent()) {
                cur = c.getScope().get();
            }
            return assigns(cur, name);
        }
    }
}
