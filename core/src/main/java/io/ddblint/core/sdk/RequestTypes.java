package io.ddblint.core.sdk;

import io.ddblint.core.facts.ExpressionKind;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The request objects of the SDKs and how their properties map onto {@code Request} facts, whichever way they are set:
 * v2 builder methods ({@code tableName(..)}), v1 {@code withTableName(..)} chains and {@code setTableName(..)}
 * setters, document API specs and mapper expressions.
 */
public final class RequestTypes {

    /** What a request property means for the analysis. */
    public enum Property {
        TABLE_NAME, INDEX_NAME, KEY_CONDITION, FILTER, PROJECTION, CONDITION, UPDATE,
        ATTRIBUTE_NAMES, ATTRIBUTE_VALUES, LIMIT, CONSISTENT_READ, STATEMENT, EXPRESSION,
        /** The key map of GetItem/DeleteItem/UpdateItem and of transaction actions. */
        KEY,
        /** The item map of PutItem and of a transaction's put. */
        ITEM,
        /** The actions of TransactWriteItems (any number of arguments: a list or varargs). */
        TRANSACT_ITEMS;

        public Optional<ExpressionKind> expressionKind() {
            return switch (this) {
                case KEY_CONDITION -> Optional.of(ExpressionKind.KEY_CONDITION);
                case FILTER -> Optional.of(ExpressionKind.FILTER);
                case PROJECTION -> Optional.of(ExpressionKind.PROJECTION);
                case CONDITION -> Optional.of(ExpressionKind.CONDITION);
                case UPDATE -> Optional.of(ExpressionKind.UPDATE);
                default -> Optional.empty();
            };
        }
    }

    /** Property names after removing a {@code with}/{@code set} prefix. */
    private static final Map<String, Property> PROPERTIES = Map.ofEntries(
            Map.entry("tableName", Property.TABLE_NAME),
            Map.entry("indexName", Property.INDEX_NAME),
            Map.entry("keyConditionExpression", Property.KEY_CONDITION),
            Map.entry("filterExpression", Property.FILTER),
            Map.entry("projectionExpression", Property.PROJECTION),
            Map.entry("conditionExpression", Property.CONDITION),
            Map.entry("updateExpression", Property.UPDATE),
            Map.entry("expressionAttributeNames", Property.ATTRIBUTE_NAMES),
            Map.entry("expressionAttributeValues", Property.ATTRIBUTE_VALUES),
            Map.entry("nameMap", Property.ATTRIBUTE_NAMES),
            Map.entry("valueMap", Property.ATTRIBUTE_VALUES),
            Map.entry("limit", Property.LIMIT),
            // Document API: MaxPageSize is the request's Limit; MaxResultSize caps the pages' Limit too.
            Map.entry("maxPageSize", Property.LIMIT),
            Map.entry("maxResultSize", Property.LIMIT),
            Map.entry("consistentRead", Property.CONSISTENT_READ),
            Map.entry("statement", Property.STATEMENT),
            // Enhanced client Expression objects.
            Map.entry("expression", Property.EXPRESSION),
            Map.entry("expressionNames", Property.ATTRIBUTE_NAMES),
            Map.entry("expressionValues", Property.ATTRIBUTE_VALUES),
            Map.entry("key", Property.KEY),
            Map.entry("item", Property.ITEM),
            Map.entry("transactItems", Property.TRANSACT_ITEMS));

    private RequestTypes() {
    }

    /** The meaning of a setter/builder/wither method name, or empty when it is not one we track. */
    public static Optional<Property> property(String methodName) {
        String name = methodName;
        if ((name.startsWith("with") || name.startsWith("set")) && name.length() > 4) {
            int cut = name.startsWith("with") ? 4 : 3;
            if (Character.isUpperCase(name.charAt(cut))) {
                name = Character.toLowerCase(name.charAt(cut)) + name.substring(cut + 1);
            }
        }
        return Optional.ofNullable(PROPERTIES.get(name));
    }

    /**
     * Methods that add one entry to a name or value map: v1 {@code addExpressionAttributeNamesEntry}, enhanced
     * {@code putExpressionName}/{@code putExpressionValue}, document API spec {@code with(Name|Value)Map} on
     * NameMap/ValueMap builders.
     */
    public static Optional<Property> mapEntryAdder(String methodName) {
        return switch (methodName) {
            case "addExpressionAttributeNamesEntry", "putExpressionName" -> Optional.of(Property.ATTRIBUTE_NAMES);
            case "addExpressionAttributeValuesEntry", "putExpressionValue" -> Optional.of(Property.ATTRIBUTE_VALUES);
            default -> Optional.empty();
        };
    }

    /**
     * The document API's fluent name and value maps ({@code new NameMap().with("#a", "a")}), matched by simple name
     * where a request's map is built.
     */
    static final Set<String> DOCUMENT_MAP_BUILDERS = Set.of(DynamoDbApi.DOCUMENT + "utils.NameMap",
            DynamoDbApi.DOCUMENT + "utils.ValueMap");

    private static final Set<String> DOCUMENT_MAP_BUILDER_NAMES = DOCUMENT_MAP_BUILDERS.stream()
            .map(t -> t.substring(t.lastIndexOf('.') + 1)).collect(Collectors.toUnmodifiableSet());

    /** Whether a type, written as its simple name, is one of the document API's fluent name and value maps. */
    public static boolean isDocumentMapBuilder(String simpleName) {
        return DOCUMENT_MAP_BUILDER_NAMES.contains(simpleName);
    }

    private static final Set<String> ALL = collectAll();

    /** Fully qualified names of every request type, for import resolution. */
    static Set<String> all() {
        return ALL;
    }

    /**
     * The request types of the SDK table, plus the enhanced {@code Expression} objects requests are assembled from.
     */
    private static Set<String> collectAll() {
        Set<String> all = new HashSet<>();
        ApiTable.rows().forEach(m -> m.requestType().ifPresent(all::add));
        all.add(DynamoDbApi.ENHANCED + "Expression");
        return Set.copyOf(all);
    }
}
