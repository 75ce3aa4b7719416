package io.ddblint.core.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The statically known properties of one call site's request, whichever way it was written (inline builder, request
 * variable, Consumer lambda, v1 {@code withX} chain or setters, QuerySpec/ScanSpec, mapper expression, enhanced
 * request). Each property is a {@link Value}: when part of the request could not be followed (built in another
 * method, say), a property not seen is {@link Value.Reason#NOT_FOLLOWED}, not {@link Value.Absent}.
 *
 * @param tableName       the table the request names
 * @param indexName       the index the request uses
 * @param expressions     every expression kind, each known, unknown or absent
 * @param attributeNames  the keys of the expression attribute name maps; a known set may be incomplete
 *                        ({@link KeySet#complete()})
 * @param attributeValues the keys of the expression attribute value maps
 * @param limit           the page limit (v2 {@code limit}, v1 {@code withLimit}, document API
 *                        {@code withMaxPageSize}/{@code withMaxResultSize}) as written, folded at link time like any
 *                        constant
 * @param consistentRead  whether the read is strongly consistent
 * @param entityType      the mapped class of mapper and enhanced calls, fully qualified; absent for other calls
 * @param statement       the PartiQL statement
 */
public record Request(
        Value<SymbolicString> tableName,
        Value<SymbolicString> indexName,
        Map<ExpressionKind, Value<SymbolicString>> expressions,
        Value<KeySet> attributeNames,
        Value<KeySet> attributeValues,
        Value<SymbolicString> limit,
        Value<Boolean> consistentRead,
        Value<String> entityType,
        Value<SymbolicString> statement) {

    /** A request of which nothing could be seen: a method reference's, which the stream supplies. */
    public static final Request NOT_FOLLOWED = new Request(Value.notFollowed(), Value.notFollowed(),
            every(Value.notFollowed()), Value.notFollowed(), Value.notFollowed(), Value.notFollowed(),
            Value.notFollowed(), Value.notFollowed(), Value.notFollowed());

    /** Kinds missing from {@code expressions} are absent. */
    public Request {
        // An unmodifiable EnumMap keeps the kinds in declaration order, so reports list them stably.
        Map<ExpressionKind, Value<SymbolicString>> all = every(Value.absent());
        all.putAll(expressions);
        expressions = Collections.unmodifiableMap(all);
    }

    private static Map<ExpressionKind, Value<SymbolicString>> every(Value<SymbolicString> value) {
        Map<ExpressionKind, Value<SymbolicString>> all = new EnumMap<>(ExpressionKind.class);
        for (ExpressionKind kind : ExpressionKind.values()) {
            all.put(kind, value);
        }
        return all;
    }

    /**
     * The request with each string that constants can fold replaced by {@code fold}'s result. This is the one list
     * of a request's foldable strings: {@link #foldableStrings()} reads it too, so the link step folds exactly the
     * strings whose constants the scan reads.
     */
    public Request withFoldedStrings(UnaryOperator<SymbolicString> fold) {
        Map<ExpressionKind, Value<SymbolicString>> folded = new EnumMap<>(ExpressionKind.class);
        expressions.forEach((kind, text) -> folded.put(kind, text.map(fold)));
        return new Request(tableName.map(fold), indexName.map(fold), folded, attributeNames, attributeValues,
                limit.map(fold), consistentRead, entityType, statement.map(fold));
    }

    /** The known strings that constants can fold, in the order {@link #withFoldedStrings} visits them. */
    public List<SymbolicString> foldableStrings() {
        List<SymbolicString> strings = new ArrayList<>();
        withFoldedStrings(s -> {
            strings.add(s);
            return s;
        });
        return strings;
    }

    /** The same request naming another table. */
    public Request withTableName(Value<SymbolicString> table) {
        return new Request(table, indexName, expressions, attributeNames, attributeValues, limit, consistentRead,
                entityType, statement);
    }

    /** The limit when it is an integer literal (after linking: any integer constant). */
    public Optional<Integer> limitValue() {
        if (limit.known().orElse(null) instanceof SymbolicString.Literal l) {
            try {
                return Optional.of(Integer.parseInt(l.value()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Whether the request is seen to set an expression of this kind. */
    public boolean has(ExpressionKind kind) {
        return expression(kind).isSet();
    }

    public Value<SymbolicString> expression(ExpressionKind kind) {
        return expressions.get(kind);
    }
}
