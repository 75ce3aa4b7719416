package io.ddblint.core.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;

import io.ddblint.core.SourceRange;

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

    /** Where a node is, begin to end; {@link SourceRange#UNKNOWN} for a node without a position. */
    public static SourceRange range(Node n) {
        var begin = n.getBegin().orElse(null);
        var end = n.getEnd().orElse(null);
        return begin == null || end == null ? SourceRange.UNKNOWN
                : new SourceRange(begin.line, begin.column, end.line, end.column);
    }

    /**
     * Where a call is as findings and facts locate it: from the method name to the end of the call, where a reader
     * looks for it. Every extractor that finds a call site again by its range must use this one.
     */
    public static SourceRange callRange(MethodCallExpr call) {
        var begin = call.getName().getBegin().orElse(null);
        var end = call.getEnd().orElse(null);
        return begin == null || end == null ? SourceRange.UNKNOWN
                : new SourceRange(begin.line, begin.column, end.line, end.column);
    }
}
