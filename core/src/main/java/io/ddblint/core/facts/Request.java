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
 * method, say), a property not seen is {@link Value.Reason#NOT_FOLLOWED}, not {@link Value.Absent}. The accessors
 * below the components reach into the parts ({@code request.tableName()}, {@code request.limit()}).
 *
 * @param target      what the request works on
 * @param expressions its expressions and their placeholders
 * @param read        how it reads
 * @param statement   the PartiQL statement
 */
public record Request(Target target, Expressions expressions, ReadOptions read, Value<SymbolicString> statement,
                      Contents contents) {

    /** A request whose contents (values, key, item, transaction actions) were not read. */
    public Request(Target target, Expressions expressions, ReadOptions read, Value<SymbolicString> statement) {
        this(target, expressions, read, statement, Contents.NOT_FOLLOWED);
    }

    /**
     * The constant data a request carries, read as DynamoDB sees it.
     *
     * @param attributeValues the ExpressionAttributeValues with their values, merged over every map the request sets
     *                        (its keys are {@link Expressions#attributeValues()}'s)
     * @param key             the key of a GetItem, DeleteItem or UpdateItem ({@code key(Map)}, {@code withKey(Map)})
     * @param item            the item of a PutItem
     * @param transactItems   the actions of a TransactWriteItems request that could be seen, in the code's order
     * @param positionalKey   the key of an enhanced client GetItem/DeleteItem/UpdateItem ({@code Key.builder()})
     */
    public record Contents(Value<AttributeMap> attributeValues, Value<AttributeMap> key, Value<AttributeMap> item,
                           Value<List<TransactAction>> transactItems, Value<PositionalKey> positionalKey) {

        public static final Contents NOT_FOLLOWED = new Contents(Value.notFollowed(), Value.notFollowed(),
                Value.notFollowed(), Value.notFollowed(), Value.notFollowed());
    }

    /**
     * What the request works on.
     *
     * @param tableName  the table the request names
     * @param indexName  the index the request uses
     * @param entityType the mapped class of mapper and enhanced calls, fully qualified; absent for other calls
     */
    public record Target(Value<SymbolicString> tableName, Value<SymbolicString> indexName, Value<String> entityType) {
    }

    /**
     * The request's expressions and their placeholders.
     *
     * @param byKind          every expression kind, each known, unknown or absent (kinds left out are absent)
     * @param attributeNames  the keys of the expression attribute name maps; a known set may be incomplete
     *                        ({@link KeySet#complete()})
     * @param attributeValues the keys of the expression attribute value maps
     */
    public record Expressions(Map<ExpressionKind, Value<SymbolicString>> byKind, Value<KeySet> attributeNames,
                              Value<KeySet> attributeValues) {

        public Expressions {
            // An unmodifiable EnumMap keeps the kinds in declaration order, so reports list them stably.
            Map<ExpressionKind, Value<SymbolicString>> all = every(Value.absent());
            all.putAll(byKind);
            byKind = Collections.unmodifiableMap(all);
        }

        private static Map<ExpressionKind, Value<SymbolicString>> every(Value<SymbolicString> value) {
            Map<ExpressionKind, Value<SymbolicString>> all = new EnumMap<>(ExpressionKind.class);
            for (ExpressionKind kind : ExpressionKind.values()) {
                all.put(kind, value);
            }
            return all;
        }
    }

    /**
     * How the request reads.
     *
     * @param limit          the page limit (v2 {@code limit}, v1 {@code withLimit}, document API
     *                       {@code withMaxPageSize}/{@code withMaxResultSize}) as written, folded at link time like
     *                       any constant
     * @param consistentRead whether the read is strongly consistent
     */
    public record ReadOptions(Value<SymbolicString> limit, Value<Boolean> consistentRead) {
    }

    /** A request of which nothing could be seen: a method reference's, which the stream supplies. */
    public static final Request NOT_FOLLOWED = new Request(
            new Target(Value.notFollowed(), Value.notFollowed(), Value.notFollowed()),
            new Expressions(Expressions.every(Value.notFollowed()), Value.notFollowed(), Value.notFollowed()),
            new ReadOptions(Value.notFollowed(), Value.notFollowed()), Value.notFollowed());

    public Value<SymbolicString> tableName() {
        return target.tableName();
    }

    public Value<SymbolicString> indexName() {
        return target.indexName();
    }

    public Value<String> entityType() {
        return target.entityType();
    }

    public Value<SymbolicString> expression(ExpressionKind kind) {
        return expressions.byKind().get(kind);
    }

    /** Whether the request is seen to set an expression of this kind. */
    public boolean has(ExpressionKind kind) {
        return expression(kind).isSet();
    }

    public Value<KeySet> attributeNames() {
        return expressions.attributeNames();
    }

    public Value<KeySet> attributeValues() {
        return expressions.attributeValues();
    }

    /** The ExpressionAttributeValues with their values. */
    public Value<AttributeMap> attributeValueContents() {
        return contents.attributeValues();
    }

    public Value<AttributeMap> key() {
        return contents.key();
    }

    public Value<AttributeMap> item() {
        return contents.item();
    }

    public Value<List<TransactAction>> transactItems() {
        return contents.transactItems();
    }

    public Value<PositionalKey> positionalKey() {
        return contents.positionalKey();
    }

    public Value<SymbolicString> limit() {
        return read.limit();
    }

    public Value<Boolean> consistentRead() {
        return read.consistentRead();
    }

    /** The limit when it is an integer literal (after linking: any integer constant). */
    public Optional<Integer> limitValue() {
        if (limit().known().orElse(null) instanceof SymbolicString.Literal l) {
            try {
                return Optional.of(Integer.parseInt(l.value()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The request with each string that constants can fold replaced by {@code fold}'s result. This is the one list
     * of a request's foldable strings: {@link #foldableStrings()} reads it too, so the link step folds exactly the
     * strings whose constants the scan reads.
     */
    public Request withFoldedStrings(UnaryOperator<SymbolicString> fold) {
        Map<ExpressionKind, Value<SymbolicString>> folded = new EnumMap<>(ExpressionKind.class);
        expressions.byKind().forEach((kind, text) -> folded.put(kind, text.map(fold)));
        return new Request(
                new Target(tableName().map(fold), indexName().map(fold), entityType()),
                new Expressions(folded, attributeNames(), attributeValues()),
                new ReadOptions(limit().map(fold), consistentRead()),
                statement.map(fold), contents);
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
        return new Request(new Target(table, indexName(), entityType()), expressions, read, statement, contents);
    }
}
