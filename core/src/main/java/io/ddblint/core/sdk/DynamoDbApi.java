package io.ddblint.core.sdk;

import io.ddblint.core.facts.ApiFlavor;
import io.ddblint.core.facts.Operation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What ddb-lint knows about the DynamoDB SDKs without their jars: the API types call sites are matched on, the SDK
 * types that implement them, the operations of each, and the factory methods that lead from one API object to
 * another. The one place that knows SDK type names, so the analysis works without the user's classpath.
 */
public final class DynamoDbApi {

    public static final String V2 = "software.amazon.awssdk.services.dynamodb.";
    public static final String V2_MODEL = V2 + "model.";
    public static final String ENHANCED = "software.amazon.awssdk.enhanced.dynamodb.";
    public static final String ENHANCED_MODEL = ENHANCED + "model.";
    public static final String V1 = "com.amazonaws.services.dynamodbv2.";
    public static final String V1_MODEL = V1 + "model.";
    public static final String DOCUMENT = V1 + "document.";
    public static final String DOCUMENT_SPEC = DOCUMENT + "spec.";
    public static final String MAPPER = V1 + "datamodeling.";

    public static final String V2_CLIENT = V2 + "DynamoDbClient";
    public static final String V2_ASYNC_CLIENT = V2 + "DynamoDbAsyncClient";
    public static final String ENHANCED_CLIENT = ENHANCED + "DynamoDbEnhancedClient";
    public static final String ENHANCED_ASYNC_CLIENT = ENHANCED + "DynamoDbEnhancedAsyncClient";
    public static final String ENHANCED_TABLE = ENHANCED + "DynamoDbTable";
    public static final String ENHANCED_ASYNC_TABLE = ENHANCED + "DynamoDbAsyncTable";
    public static final String ENHANCED_INDEX = ENHANCED + "DynamoDbIndex";
    public static final String ENHANCED_ASYNC_INDEX = ENHANCED + "DynamoDbAsyncIndex";
    public static final String V1_CLIENT = V1 + "AmazonDynamoDB";
    public static final String V1_ASYNC_CLIENT = V1 + "AmazonDynamoDBAsync";
    public static final String DOCUMENT_DYNAMODB = DOCUMENT + "DynamoDB";
    public static final String DOCUMENT_TABLE = DOCUMENT + "Table";
    public static final String DOCUMENT_INDEX = DOCUMENT + "Index";
    public static final String MAPPER_CLASS = MAPPER + "DynamoDBMapper";
    public static final String MAPPER_INTERFACE = MAPPER + "IDynamoDBMapper";
    public static final String SCAN_EXPRESSION = MAPPER + "DynamoDBScanExpression";
    public static final String QUERY_EXPRESSION = MAPPER + "DynamoDBQueryExpression";

    /** The receiver types of RULES.md "DynamoDB API types". */
    private static final Map<String, ApiFlavor> API_TYPES = Map.ofEntries(
            Map.entry(V2_CLIENT, ApiFlavor.V2_CLIENT),
            Map.entry(V2_ASYNC_CLIENT, ApiFlavor.V2_ASYNC_CLIENT),
            Map.entry(ENHANCED_CLIENT, ApiFlavor.V2_ENHANCED),
            Map.entry(ENHANCED_TABLE, ApiFlavor.V2_ENHANCED),
            Map.entry(ENHANCED_INDEX, ApiFlavor.V2_ENHANCED),
            Map.entry(ENHANCED_ASYNC_CLIENT, ApiFlavor.V2_ENHANCED_ASYNC),
            Map.entry(ENHANCED_ASYNC_TABLE, ApiFlavor.V2_ENHANCED_ASYNC),
            Map.entry(ENHANCED_ASYNC_INDEX, ApiFlavor.V2_ENHANCED_ASYNC),
            Map.entry(V1_CLIENT, ApiFlavor.V1_CLIENT),
            Map.entry(V1_ASYNC_CLIENT, ApiFlavor.V1_CLIENT),
            Map.entry(DOCUMENT_DYNAMODB, ApiFlavor.V1_DOCUMENT),
            Map.entry(DOCUMENT_TABLE, ApiFlavor.V1_DOCUMENT),
            Map.entry(DOCUMENT_INDEX, ApiFlavor.V1_DOCUMENT),
            Map.entry(MAPPER_CLASS, ApiFlavor.V1_MAPPER),
            Map.entry(MAPPER_INTERFACE, ApiFlavor.V1_MAPPER));

    /** SDK classes that implement an API type, so a receiver declared with them still matches. */
    private static final Map<String, String> IMPLEMENTATIONS = Map.ofEntries(
            Map.entry("software.amazon.dax.ClusterDaxClient", V2_CLIENT),
            Map.entry("software.amazon.dax.ClusterDaxAsyncClient", V2_ASYNC_CLIENT),
            Map.entry(ENHANCED + "internal.client.DefaultDynamoDbEnhancedClient", ENHANCED_CLIENT),
            Map.entry(ENHANCED + "internal.client.DefaultDynamoDbTable", ENHANCED_TABLE),
            Map.entry(ENHANCED + "internal.client.DefaultDynamoDbIndex", ENHANCED_INDEX),
            Map.entry(V1 + "AmazonDynamoDBClient", V1_CLIENT),
            Map.entry(V1 + "AbstractAmazonDynamoDB", V1_CLIENT),
            Map.entry(V1 + "AmazonDynamoDBAsyncClient", V1_ASYNC_CLIENT),
            Map.entry(V1 + "AbstractAmazonDynamoDBAsync", V1_ASYNC_CLIENT),
            Map.entry("com.amazon.dax.client.dynamodbv2.AmazonDaxClient", V1_CLIENT),
            Map.entry("com.amazon.dax.client.dynamodbv2.ClusterDaxClient", V1_CLIENT),
            Map.entry("com.amazon.dax.client.dynamodbv2.AmazonDaxAsyncClient", V1_ASYNC_CLIENT),
            Map.entry("com.amazon.dax.client.dynamodbv2.ClusterDaxAsyncClient", V1_ASYNC_CLIENT),
            Map.entry(MAPPER + "AbstractDynamoDBMapper", MAPPER_INTERFACE));

    /** Operations by flavor and method name. */
    private static final Map<ApiFlavor, Map<String, Op>> OPERATIONS = new HashMap<>();

    /** A DynamoDB method: the operation it performs and whether it pages through all results itself. */
    public record Op(Operation operation, boolean paginated) {
    }

    static {
        Map<String, Op> v2 = new HashMap<>();
        put(v2, Operation.GET_ITEM, false, "getItem");
        put(v2, Operation.PUT_ITEM, false, "putItem");
        put(v2, Operation.UPDATE_ITEM, false, "updateItem");
        put(v2, Operation.DELETE_ITEM, false, "deleteItem");
        put(v2, Operation.QUERY, false, "query");
        put(v2, Operation.QUERY, true, "queryPaginator");
        put(v2, Operation.SCAN, false, "scan");
        put(v2, Operation.SCAN, true, "scanPaginator");
        put(v2, Operation.BATCH_GET_ITEM, false, "batchGetItem");
        put(v2, Operation.BATCH_GET_ITEM, true, "batchGetItemPaginator");
        put(v2, Operation.BATCH_WRITE_ITEM, false, "batchWriteItem");
        put(v2, Operation.TRANSACT_GET_ITEMS, false, "transactGetItems");
        put(v2, Operation.TRANSACT_WRITE_ITEMS, false, "transactWriteItems");
        put(v2, Operation.EXECUTE_STATEMENT, false, "executeStatement");
        put(v2, Operation.BATCH_EXECUTE_STATEMENT, false, "batchExecuteStatement");
        put(v2, Operation.EXECUTE_TRANSACTION, false, "executeTransaction");
        put(v2, Operation.CREATE_TABLE, false, "createTable");
        put(v2, Operation.DELETE_TABLE, false, "deleteTable");
        put(v2, Operation.DESCRIBE_TABLE, false, "describeTable");
        put(v2, Operation.UPDATE_TABLE, false, "updateTable");
        OPERATIONS.put(ApiFlavor.V2_CLIENT, Map.copyOf(v2));
        OPERATIONS.put(ApiFlavor.V2_ASYNC_CLIENT, Map.copyOf(v2));

        // Enhanced tables and indexes return PageIterable / PagePublisher: they page by themselves.
        Map<String, Op> enhanced = new HashMap<>();
        put(enhanced, Operation.GET_ITEM, false, "getItem");
        put(enhanced, Operation.PUT_ITEM, false, "putItem");
        put(enhanced, Operation.UPDATE_ITEM, false, "updateItem");
        put(enhanced, Operation.DELETE_ITEM, false, "deleteItem");
        put(enhanced, Operation.QUERY, true, "query");
        put(enhanced, Operation.SCAN, true, "scan");
        put(enhanced, Operation.BATCH_GET_ITEM, true, "batchGetItem");
        put(enhanced, Operation.BATCH_WRITE_ITEM, false, "batchWriteItem");
        put(enhanced, Operation.TRANSACT_GET_ITEMS, false, "transactGetItems");
        put(enhanced, Operation.TRANSACT_WRITE_ITEMS, false, "transactWriteItems");
        put(enhanced, Operation.CREATE_TABLE, false, "createTable");
        put(enhanced, Operation.DELETE_TABLE, false, "deleteTable");
        put(enhanced, Operation.DESCRIBE_TABLE, false, "describeTable");
        OPERATIONS.put(ApiFlavor.V2_ENHANCED, Map.copyOf(enhanced));
        OPERATIONS.put(ApiFlavor.V2_ENHANCED_ASYNC, Map.copyOf(enhanced));

        // v1 low level: the async client adds xxxAsync variants of every operation.
        Map<String, Op> v1 = new HashMap<>();
        for (Map.Entry<String, Op> e : v2.entrySet()) {
            if (!e.getKey().endsWith("Paginator")) {
                v1.put(e.getKey(), e.getValue());
                v1.put(e.getKey() + "Async", e.getValue());
            }
        }
        OPERATIONS.put(ApiFlavor.V1_CLIENT, Map.copyOf(v1));

        // Document API: Table/Index query and scan return lazily paged ItemCollections.
        Map<String, Op> document = new HashMap<>();
        put(document, Operation.GET_ITEM, false, "getItem");
        put(document, Operation.PUT_ITEM, false, "putItem");
        put(document, Operation.UPDATE_ITEM, false, "updateItem");
        put(document, Operation.DELETE_ITEM, false, "deleteItem");
        put(document, Operation.QUERY, true, "query");
        put(document, Operation.SCAN, true, "scan");
        put(document, Operation.BATCH_GET_ITEM, false, "batchGetItem");
        put(document, Operation.BATCH_WRITE_ITEM, false, "batchWriteItem");
        put(document, Operation.CREATE_TABLE, false, "createTable");
        OPERATIONS.put(ApiFlavor.V1_DOCUMENT, Map.copyOf(document));

        // Mapper: query/scan/parallelScan return lazily loaded lists; xxxPage reads one page.
        Map<String, Op> mapper = new HashMap<>();
        put(mapper, Operation.GET_ITEM, false, "load");
        put(mapper, Operation.PUT_ITEM, false, "save");
        put(mapper, Operation.DELETE_ITEM, false, "delete");
        put(mapper, Operation.QUERY, true, "query");
        put(mapper, Operation.QUERY, false, "queryPage");
        put(mapper, Operation.SCAN, true, "scan", "parallelScan");
        put(mapper, Operation.SCAN, false, "scanPage");
        put(mapper, Operation.BATCH_GET_ITEM, false, "batchLoad");
        put(mapper, Operation.BATCH_WRITE_ITEM, false, "batchSave", "batchWrite", "batchDelete");
        put(mapper, Operation.TRANSACT_GET_ITEMS, false, "transactionLoad");
        put(mapper, Operation.TRANSACT_WRITE_ITEMS, false, "transactionWrite");
        // count(Class, DynamoDBScanExpression) is a Scan, count(Class, DynamoDBQueryExpression) a Query: decided
        // from the argument's type by the extractor (see MAPPER_COUNT).
        OPERATIONS.put(ApiFlavor.V1_MAPPER, Map.copyOf(mapper));
    }

    /** The mapper method whose operation depends on its expression argument. */
    public static final String MAPPER_COUNT = "count";

    /**
     * The type of a value obtained from an SDK type that is not an API type (a model builder, a response):
     * SDK code hands out API objects only through the factories and navigation methods known here, so such a value
     * is never a DynamoDB API object, although its exact type is not tracked.
     */
    public static final String SDK_VALUE = "software.amazon.awssdk.$value";

    /** Every method name that can be a DynamoDB operation: the cheap name filter applied before any resolution. */
    private static final Set<String> CANDIDATE_NAMES;

    static {
        Set<String> names = new java.util.HashSet<>();
        OPERATIONS.values().forEach(m -> names.addAll(m.keySet()));
        names.add(MAPPER_COUNT);
        CANDIDATE_NAMES = Set.copyOf(names);
    }

    /**
     * Methods that lead from one API object to another: {@code enhanced.table(..)} gives a table,
     * {@code table.index(..)} an index, {@code dynamoDB.getTable(..)} a document Table.
     */
    private static final Map<String, Map<String, String>> NAVIGATION = Map.of(
            ENHANCED_CLIENT, Map.of("table", ENHANCED_TABLE),
            ENHANCED_ASYNC_CLIENT, Map.of("table", ENHANCED_ASYNC_TABLE),
            ENHANCED_TABLE, Map.of("index", ENHANCED_INDEX),
            ENHANCED_ASYNC_TABLE, Map.of("index", ENHANCED_ASYNC_INDEX),
            DOCUMENT_DYNAMODB, Map.of("getTable", DOCUMENT_TABLE),
            DOCUMENT_TABLE, Map.of("getIndex", DOCUMENT_INDEX));

    /**
     * Types whose static {@code create()}, {@code defaultClient()} or {@code builder()/standard()...build()} gives a
     * client: the type on the left of the call, and the type of the client built.
     */
    private static final Map<String, String> CLIENT_FACTORIES = Map.ofEntries(
            Map.entry(V2_CLIENT, V2_CLIENT),
            Map.entry(V2_ASYNC_CLIENT, V2_ASYNC_CLIENT),
            Map.entry(ENHANCED_CLIENT, ENHANCED_CLIENT),
            Map.entry(ENHANCED_ASYNC_CLIENT, ENHANCED_ASYNC_CLIENT),
            Map.entry("software.amazon.dax.ClusterDaxClient", V2_CLIENT),
            Map.entry("software.amazon.dax.ClusterDaxAsyncClient", V2_ASYNC_CLIENT),
            Map.entry(V1 + "AmazonDynamoDBClientBuilder", V1_CLIENT),
            Map.entry(V1 + "AmazonDynamoDBAsyncClientBuilder", V1_ASYNC_CLIENT),
            Map.entry("com.amazon.dax.client.dynamodbv2.AmazonDaxClientBuilder", V1_CLIENT));

    /** Simple names of the SDK types the analysis may meet, by package, to resolve on-demand imports. */
    private static final Map<String, Set<String>> KNOWN_BY_PACKAGE;

    static {
        Map<String, Set<String>> byPackage = new HashMap<>();
        Set<String> all = new java.util.HashSet<>();
        all.addAll(API_TYPES.keySet());
        all.addAll(IMPLEMENTATIONS.keySet());
        all.addAll(CLIENT_FACTORIES.keySet());
        all.addAll(RequestTypes.all());
        for (String fqn : all) {
            int dot = fqn.lastIndexOf('.');
            byPackage.computeIfAbsent(fqn.substring(0, dot), k -> new java.util.HashSet<>()).add(fqn.substring(dot + 1));
        }
        byPackage.replaceAll((k, v) -> Set.copyOf(v));
        KNOWN_BY_PACKAGE = Map.copyOf(byPackage);
    }

    private DynamoDbApi() {
    }

    private static void put(Map<String, Op> map, Operation op, boolean paginated, String... names) {
        for (String name : names) {
            map.put(name, new Op(op, paginated));
        }
    }

    /** The cheap filter: can a call with this name and argument count be a DynamoDB operation? */
    public static boolean isCandidateMethod(String name, int arity) {
        // Mapper count always takes (Class, expression); stream.count() and friends are not candidates.
        return CANDIDATE_NAMES.contains(name) && (!name.equals(MAPPER_COUNT) || arity == 2);
    }

    /** The API type a known SDK type is or implements. */
    public static Optional<String> apiTypeOf(String fqn) {
        if (API_TYPES.containsKey(fqn)) {
            return Optional.of(fqn);
        }
        return Optional.ofNullable(IMPLEMENTATIONS.get(fqn));
    }

    public static boolean isApiType(String fqn) {
        return API_TYPES.containsKey(fqn);
    }

    public static ApiFlavor flavorOf(String apiType) {
        return API_TYPES.get(apiType);
    }

    public static Optional<Op> operation(ApiFlavor flavor, String method) {
        return Optional.ofNullable(OPERATIONS.getOrDefault(flavor, Map.of()).get(method));
    }

    public static Optional<String> navigate(String apiType, String method) {
        return Optional.ofNullable(NAVIGATION.getOrDefault(apiType, Map.of()).get(method));
    }

    public static Optional<String> clientBuiltBy(String factoryType) {
        return Optional.ofNullable(CLIENT_FACTORIES.get(factoryType));
    }

    /**
     * The type a method of an SDK request object returns: v1 requests, document API specs and mapper expressions
     * are fluent ({@code withLimit(..)} returns the same object).
     */
    public static Optional<String> fluentReturn(String type, String method) {
        boolean fluentType = RequestTypes.all().contains(type) && !type.startsWith(V2_MODEL)
                && !type.startsWith(ENHANCED);
        return fluentType && method.startsWith("with") ? Optional.of(type) : Optional.empty();
    }

    /** Whether {@code pkg.simpleName} is an SDK type ddb-lint knows, for on-demand ({@code *}) imports. */
    public static boolean isKnownSdkType(String pkg, String simpleName) {
        return KNOWN_BY_PACKAGE.getOrDefault(pkg, Set.of()).contains(simpleName);
    }

    /** Whether a package belongs to a DynamoDB SDK (types there are never project types). */
    public static boolean isSdkPackage(String pkg) {
        return pkg.startsWith("software.amazon.awssdk.") || pkg.startsWith("com.amazonaws.")
                || pkg.startsWith("software.amazon.dax") || pkg.startsWith("com.amazon.dax.");
    }
}
