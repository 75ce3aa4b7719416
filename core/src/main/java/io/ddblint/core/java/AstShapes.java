package io.ddblint.core.java;

import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;

import java.util.Optional;

/** Shapes of expressions every extractor looks through the same way. */
public final class AstShapes {

    private AstShapes() {
    }

    /** The expression inside parentheses and casts: {@code ((Map) (m))} is {@code m}. */
    public static Expression unwrap(Expression e) {
        Expression cur = e;
        while (cur instanceof EnclosedExpr || cur instanceof CastExpr) {
            cur = cur instanceof EnclosedExpr en ? en.getInner() : ((CastExpr) cur).getExpression();
        }
        return cur;
    }

    /** The variable a call chain starts from: {@code b} in {@code b.tableName("t").limit(10)}. */
    public static Optional<String> chainRoot(MethodCallExpr call) {
        Expression cur = call;
        while (cur instanceof MethodCallExpr m && m.getScope().isPresent()) {
            cur = m.getScope().get();
        }
        return cur instanceof NameExpr n ? Optional.of(n.getNameAsString()) : Optional.empty();
    }
}
