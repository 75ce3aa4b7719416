package io.ddblint.core.facts;

import java.util.EnumMap;
import java.util.Map;

/**
 * The statically known properties of one call site's request, whichever way it was written (inline builder, request
 * variable, Consumer lambda, v1 {@code withX} chain or setters, QuerySpec/ScanSpec, mapper expression, enhanced
 * request).
 *
 * @param tableName      null when the request names no table; {@link SymbolicString.Unknown} when it names one that
 *                       is not statically known
 * @param indexName      null when no index is used
 * @param expressions    the expressions the request sets
 * @param hasLimit       whether a page limit is set (v2 {@code limit}, v1 {@code withLimit}, document API
 *                       {@code withMaxPageSize}/{@code withMaxResultSize})
 * @param limit          the limit's value as written (folded at link time like any constant), or null when no
 *                       limit is set
 * @param entityType     the mapped class of mapper and enhanced calls, fully qualified, else null
 * @param statement      the PartiQL statement, else null
 * @param traced         false when part of the request could not be followed (built in another method, say), so
 *                       "not set" is only "not seen"
 */
public record Request(
        SymbolicString tableName,
        SymbolicString indexName,
        Map<ExpressionKind, SymbolicString> expressions,
        KeySet attributeNames,
        KeySet attributeValues,
        boolean hasLimit,
        SymbolicString limit,
        Flag consistentRead,
        String entityType,
        SymbolicString statement,
        boolean traced) {

    public Request {
        // An unmodifiable EnumMap keeps the kinds in declaration order, so reports list them stably.
        expressions = expressions.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new EnumMap<>(expressions));
    }

    /** The limit when it is an integer literal (after linking: any integer constant). */
    public java.util.Optional<Integer> limitValue() {
        if (limit instanceof SymbolicString.Literal l) {
            try {
                return java.util.Optional.of(Integer.parseInt(l.value()));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    public boolean has(ExpressionKind kind) {
        return expressions.containsKey(kind);
    }

    public SymbolicString expression(ExpressionKind kind) {
        return expressions.get(kind);
    }
}
