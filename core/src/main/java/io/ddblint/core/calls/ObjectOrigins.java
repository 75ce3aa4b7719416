package io.ddblint.core.calls;

import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.fold.StringFolder;
import io.ddblint.core.java.AstShapes;
import io.ddblint.core.java.ExpressionTypes;
import io.ddblint.core.java.Variable;
import io.ddblint.core.sdk.DynamoDbApi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where an enhanced-client or document API table/index object was created, so that calls on it know their table,
 * index and mapped class: {@code enhanced.table("orders", TableSchema.fromBean(Order.class))},
 * {@code table.index("byStore")}, {@code dynamoDB.getTable("orders").getIndex("gsi")}, followed through a local or a
 * field assigned exactly once (a constructor, an initializer), and the entity of a declared
 * {@code DynamoDbTable<Order>}.
 */
final class ObjectOrigins {

    private static final int MAX_DEPTH = 12;
    private static final Set<String> TABLE_FACTORIES = DynamoDbApi.tableNavigations();
    private static final Set<String> INDEX_FACTORIES = DynamoDbApi.indexNavigations();
    private static final Set<String> SCHEMA_FACTORIES = DynamoDbApi.schemaFactories();

    private final ExpressionTypes types;
    private final StringFolder folder;

    ObjectOrigins(ExpressionTypes types, StringFolder folder) {
        this.types = types;
        this.folder = folder;
    }

    /** Where a table or index object came from: its table, index and mapped class (each may be null). */
    record Origin(SymbolicString table, SymbolicString index, String entity) {
        static final Origin NONE = new Origin(null, null, null);
    }

    Origin of(Expression receiver) {
        return originOf(receiver, 0);
    }

    private Origin originOf(Expression expression, int depth) {
        Expression e = AstShapes.unwrap(expression);
        if (depth > MAX_DEPTH) {
            return Origin.NONE;
        }
        if (e instanceof MethodCallExpr m && !m.getArguments().isEmpty()) {
            String name = m.getNameAsString();
            if (TABLE_FACTORIES.contains(name)) {
                String entity = m.getArguments().size() > 1 ? schemaEntity(m.getArgument(1)) : null;
                return new Origin(folder.fold(m.getArgument(0)), null, entity);
            }
            if (INDEX_FACTORIES.contains(name)) {
                Origin table = m.getScope().map(s -> originOf(s, depth + 1)).orElse(Origin.NONE);
                return new Origin(table.table(), folder.fold(m.getArgument(0)), table.entity());
            }
            return Origin.NONE;
        }
        Optional<Variable> v = Optional.empty();
        if (e instanceof NameExpr n) {
            v = types.scopes().find(n.getNameAsString(), n);
        } else if (e instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr) {
            v = ExpressionTypes.enclosingType(fa).flatMap(td -> types.scopes().field(td, fa.getNameAsString()));
        }
        return v.map(variable -> variableOrigin(variable, depth)).orElse(Origin.NONE);
    }

    /** A local or field holding a table/index: its single assigned value, plus the entity from its generic type. */
    private Origin variableOrigin(Variable v, int depth) {
        String declaredEntity = null;
        if (v.declaredType() instanceof ClassOrInterfaceType cit && cit.getTypeArguments().isPresent()
                && cit.getTypeArguments().get().size() == 1) {
            declaredEntity = types.file().resolve(cit.getTypeArguments().get().get(0), cit).orElse(null);
        }
        List<Expression> assigned = new ArrayList<>();
        if (v.initializer() != null) {
            assigned.add(v.initializer());
        }
        if (v.scope() != null && v.kind() != Variable.Kind.PARAMETER && v.kind() != Variable.Kind.LAMBDA_PARAMETER) {
            for (AssignExpr a : v.scope().findAll(AssignExpr.class)) {
                Expression t = a.getTarget();
                boolean same = t instanceof NameExpr tn && tn.getNameAsString().equals(v.name())
                        || t instanceof FieldAccessExpr tf && tf.getScope() instanceof ThisExpr
                        && tf.getNameAsString().equals(v.name());
                if (same) {
                    assigned.add(a.getValue());
                }
            }
        }
        Origin origin = assigned.size() == 1 ? originOf(assigned.get(0), depth + 1) : Origin.NONE;
        String entity = origin.entity() != null ? origin.entity() : declaredEntity;
        return new Origin(origin.table(), origin.index(), entity);
    }

    /** {@code TableSchema.fromBean(Order.class)}: the mapped class. */
    private String schemaEntity(Expression schema) {
        if (AstShapes.unwrap(schema) instanceof MethodCallExpr m && SCHEMA_FACTORIES.contains(m.getNameAsString())
                && m.getArguments().size() == 1 && AstShapes.unwrap(m.getArgument(0)) instanceof ClassExpr ce) {
            return types.file().resolve(ce.getType(), ce).orElse(null);
        }
        return null;
    }
}
