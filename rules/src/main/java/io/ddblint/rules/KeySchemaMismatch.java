package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.expr.Node;
import io.ddblint.core.expr.ParsedExpression;
import io.ddblint.core.facts.AttributeMap;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ConstantValue;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.PositionalKey;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.facts.Value;
import io.ddblint.core.model.IndexDefinition;
import io.ddblint.core.model.KeyAttribute;
import io.ddblint.core.model.KeySchema;
import io.ddblint.core.model.ModelSource;
import io.ddblint.core.model.Table;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DDB-M004: a key, an item or an index name that does not fit the linked table's key schema. DynamoDB rejects the
 * request every time it runs; the model knows the schema before it does.
 *
 * <p>Only constant attribute names are judged. A key attribute is reported missing only when the whole map is known
 * (no entry put on some paths only, none with a non-constant name); a present attribute is judged whatever the rest of
 * the map is. The first problem of a request is reported.
 */
@RuleInfo(
        id = "DDB-M004",
        name = "KeySchemaMismatch",
        summary = "A key, item or index name that does not match the table's key schema",
        severity = Severity.ERROR,
        category = Category.DATA_MODEL,
        tags = {"model", "key"})
public final class KeySchemaMismatch implements Rule {

    private static final String SCHEMA = "The provided key element does not match the schema";
    private static final String INVALID = "One or more parameter values were invalid: ";
    /** Sources that list every index of a table; entity classes name only the indexes they map. */
    private static final Set<ModelSource.Kind> INDEX_COMPLETE = Set.of(ModelSource.Kind.CREATE_TABLE,
            ModelSource.Kind.CDK, ModelSource.Kind.CLOUDFORMATION, ModelSource.Kind.CONFIGURATION);

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        Optional<Table> linked = context.model().table(site);
        if (linked.isEmpty()) {
            return;
        }
        Table table = linked.get();
        Optional<String> problem = switch (site.operation()) {
            case GET_ITEM, DELETE_ITEM, UPDATE_ITEM -> site.request().key().known().flatMap(k -> key(table, k))
                    .or(() -> site.request().positionalKey().known().flatMap(k -> positional(table, k)));
            case PUT_ITEM -> site.request().item().known().flatMap(i -> item(table, i));
            case QUERY -> index(site, context, table).or(() -> emptyKeyCondition(site, context));
            case SCAN -> index(site, context, table);
            default -> Optional.empty();
        };
        problem.ifPresent(p -> context.report(site, p, hint(table)));
    }

    private static String hint(Table table) {
        return "Table " + table.name() + " has the key " + describe(table.keys()) + " ("
                + table.primarySource().describe() + ").";
    }

    private static String describe(KeySchema keys) {
        return keys.attributes().stream().map(a -> a.name() + (a.type() == null ? "" : " (" + a.type() + ")"))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** A GetItem/DeleteItem/UpdateItem key: exactly the table's key attributes, of the table's types. */
    private static Optional<String> key(Table table, AttributeMap key) {
        KeySchema schema = table.keys();
        for (Map.Entry<String, ConstantValue> e : key.entries().entrySet()) {
            Optional<KeyAttribute> attribute = schema.attribute(e.getKey());
            if (attribute.isEmpty()) {
                String why = !schema.hasSortKey() && key.entries().containsKey(schema.partitionKey().name())
                        ? "a value for " + e.getKey() + " as a sort key, but there is no sort key"
                        : e.getKey() + " is not a key attribute";
                return Optional.of(SCHEMA + ": " + why + " of " + table.name());
            }
            Optional<ConstantValue.Type> actual = e.getValue().dataType();
            String expected = attribute.get().type();
            if (expected != null && actual.isPresent() && !actual.get().name().equals(expected)) {
                return Optional.of(SCHEMA + ": key " + e.getKey() + " expected: " + expected + " actual: "
                        + actual.get());
            }
            Optional<String> empty = empty(e.getKey(), e.getValue());
            if (empty.isPresent()) {
                return empty;
            }
        }
        if (key.complete()) {
            for (KeyAttribute a : schema.attributes()) {
                if (!key.entries().containsKey(a.name())) {
                    return Optional.of(SCHEMA + ": the key of " + table.name() + " lacks " + a.name());
                }
            }
        }
        return Optional.empty();
    }

    /** An enhanced {@code Key}: a partition value, a sort value exactly when the table has a sort key. */
    private static Optional<String> positional(Table table, PositionalKey key) {
        KeySchema schema = table.keys();
        if (key.sort() != null && !schema.hasSortKey()) {
            return Optional.of(SCHEMA + ": a sort value, but " + table.name() + " has no sort key");
        }
        if (key.sort() == null && schema.hasSortKey()) {
            return Optional.of(SCHEMA + ": the key of " + table.name() + " lacks a sort value for "
                    + schema.sortKey().name());
        }
        for (KeyAttribute a : schema.attributes()) {
            ConstantValue value = a == schema.partitionKey() ? key.partition() : key.sort();
            Optional<ConstantValue.Type> actual = value.dataType();
            if (a.type() != null && actual.isPresent() && !actual.get().name().equals(a.type())) {
                return Optional.of(SCHEMA + ": key " + a.name() + " expected: " + a.type() + " actual: "
                        + actual.get());
            }
            Optional<String> empty = empty(a.name(), value);
            if (empty.isPresent()) {
                return empty;
            }
        }
        return Optional.empty();
    }

    /** A PutItem item: every table key attribute, and table and index key attributes of their types. */
    private static Optional<String> item(Table table, AttributeMap item) {
        KeySchema schema = table.keys();
        for (KeyAttribute a : schema.attributes()) {
            Optional<ConstantValue> value = item.get(a.name());
            if (value.isEmpty()) {
                if (item.complete()) {
                    return Optional.of(INVALID + "Missing the key " + a.name() + " in the item");
                }
                continue;
            }
            Optional<ConstantValue.Type> actual = value.get().dataType();
            if (a.type() != null && actual.isPresent() && !actual.get().name().equals(a.type())) {
                return Optional.of(INVALID + "Type mismatch for key " + a.name() + " expected: " + a.type()
                        + " actual: " + actual.get());
            }
            Optional<String> empty = empty(a.name(), value.get());
            if (empty.isPresent()) {
                return empty;
            }
        }
        for (IndexDefinition index : table.indexes()) {
            for (KeyAttribute a : index.keys().attributes()) {
                Optional<ConstantValue.Type> actual = item.get(a.name()).flatMap(ConstantValue::dataType);
                if (a.type() != null && actual.isPresent() && !actual.get().name().equals(a.type())) {
                    return Optional.of(INVALID + "Type mismatch for Index Key " + a.name() + " Expected: " + a.type()
                            + " Actual: " + actual.get() + " IndexName: " + index.name());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> empty(String attribute, ConstantValue value) {
        if (value instanceof ConstantValue.Scalar s && "".equals(s.text())
                && (s.type() == ConstantValue.Type.S || s.type() == ConstantValue.Type.B)) {
            return Optional.of(INVALID + "The AttributeValue for a key attribute cannot contain an empty "
                    + (s.type() == ConstantValue.Type.S ? "string" : "binary") + " value. Key: " + attribute);
        }
        return Optional.empty();
    }

    /** An index name the table does not have, when a source that lists every index defines the table. */
    private static Optional<String> index(CallSite site, RuleContext context, Table table) {
        if (site.request().indexName() instanceof Value.Absent<SymbolicString>) {
            return Optional.empty();
        }
        Optional<String> name = context.model().indexName(site);
        boolean complete = table.sources().stream().anyMatch(s -> INDEX_COMPLETE.contains(s.kind()));
        if (name.isEmpty() || !complete || table.index(name.get()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("The table does not have the specified index: " + name.get());
    }

    /** {@code pk = :v} in a key condition, with {@code :v} the constant empty string. */
    private static Optional<String> emptyKeyCondition(CallSite site, RuleContext context) {
        Optional<String> text = context.model().constant(site.request().expression(ExpressionKind.KEY_CONDITION));
        Optional<AttributeMap> values = site.request().attributeValueContents().known();
        if (text.isEmpty() || values.isEmpty()) {
            return Optional.empty();
        }
        ParsedExpression parsed = context.expression(ExpressionKind.KEY_CONDITION, text.get());
        if (parsed.root() == null) {
            return Optional.empty();
        }
        return equalities(parsed.root()).flatMap(c -> {
            Node.Path path = (Node.Path) (c.left() instanceof Node.Path ? c.left() : c.right());
            Node.Value value = (Node.Value) (c.left() instanceof Node.Value ? c.left() : c.right());
            return values.get().get(value.name()).flatMap(v -> empty(path.elements().get(0) instanceof Node.Name n
                    ? n.text() : value.name(), v)).stream();
        }).findFirst();
    }

    /** The {@code path = :value} comparisons of a key condition. */
    private static java.util.stream.Stream<Node.Comparison> equalities(Node node) {
        if (node instanceof Node.Comparison c && c.operator().equals("=")
                && (c.left() instanceof Node.Path && c.right() instanceof Node.Value
                || c.left() instanceof Node.Value && c.right() instanceof Node.Path)) {
            return java.util.stream.Stream.of(c);
        }
        return ParsedExpression.children(node).stream().flatMap(KeySchemaMismatch::equalities);
    }
}
