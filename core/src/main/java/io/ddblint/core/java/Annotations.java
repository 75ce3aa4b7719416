package io.ddblint.core.java;

import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;

import java.util.Optional;

/** Reading annotation members as written, whichever annotation form was used. */
public final class Annotations {

    private Annotations() {
    }

    /**
     * The expression given for a member: {@code @A(name = x)}, or {@code @A(x)} for the member {@code value}.
     * Empty when the member is not given (its default applies).
     */
    public static Optional<Expression> member(AnnotationExpr annotation, String name) {
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            return name.equals("value") ? Optional.of(single.getMemberValue()) : Optional.empty();
        }
        if (annotation instanceof NormalAnnotationExpr normal) {
            return normal.getPairs().stream().filter(p -> p.getNameAsString().equals(name))
                    .map(p -> p.getValue()).findFirst();
        }
        return Optional.empty();
    }
}
