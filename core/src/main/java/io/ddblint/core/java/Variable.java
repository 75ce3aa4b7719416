package io.ddblint.core.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.type.Type;

/**
 * A variable a name refers to at some point of the code.
 *
 * @param declaredType the type as written; null for implicitly typed lambda parameters and fields known only from
 *                     the project index
 * @param resolvedType the type resolved from the index, for fields declared in other files; else null
 * @param initializer  the declaration's initializer, or null
 * @param scope        where assignments to it can be: the enclosing body of a local, the declaring class of a field
 * @param owner        fully qualified declaring type of a field, else null
 */
public record Variable(Kind kind, String name, Type declaredType, String resolvedType, Expression initializer,
                       Node scope, String owner, boolean isFinal) {

    public enum Kind { LOCAL, PARAMETER, LAMBDA_PARAMETER, FIELD }
}
