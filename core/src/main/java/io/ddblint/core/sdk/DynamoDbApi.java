package io.ddblint.core.sdk;

import io.ddblint.core.facts.ApiFlavor;
import io.ddblint.core.facts.Operation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What ddb-lint knows about the DynamoDB SDKs without their jars: the API types call sites are matched on, the SDK
 * types that implement them, and, from the table of SDK methods ({@code dynamodb-api.txt}, see {@link ApiMethod}),
 * the operation, request, response and response accessors of each method, the factories that create clients and the
 * navigation that leads from one API object to another. The one place that knows SDK type and method names, so the
 * analysis works without the user's classpath.
 */
public final class DynamoDbApi {

    /**
     * Every DynamoDB API package contains this: {@code software.amazon.awssdk.services.dynamodb},
     * {@code software.amazon.awssdk.enhanced.dynamodb}, {@code com.amazonaws.services.dynamodbv2}. Source or class
     * bytes that never contain it cannot name a DynamoDB type.
     */
    // LIMITATION: the v2 DAX clients (software.amazon.dax) do not contain it; a file that names only them is skipped.
    public static final String PACKAGE_MARKER = "dynamodb";

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
    /** The v1 mapper's entity annotation, {@code @DynamoDBTable(tableName = "orders")}. */
    public static final String MAPPER_TABLE_ANNOTATION = MAPPER + "DynamoDBTable";

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

    /** API types that extend another API type: their methods include the supertype's rows. */
    private static final Map<String, String> API_SUPERTYPES = Map.of(
            V1_ASYNC_CLIENT, V1_CLIENT,
            MAPPER_CLASS, MAPPER_INTERFACE);

    /** What navigation leads to: a table object, or an index object of a table. */
    private static final Set<String> TABLE_TYPES = Set.of(ENHANCED_TABLE, ENHANCED_ASYNC_TABLE, DOCUMENT_TABLE);
    private static final Set<String> INDEX_TYPES = Set.of(ENHANCED_INDEX, ENHANCED_ASYNC_INDEX, DOCUMENT_INDEX);

    /** Rows by receiver type and method name. */
    private static final Map<String, Map<String, List<ApiMethod>>> BY_RECEIVER;

    /** Tracked operations by flavor and method name. */
    private static final Map<ApiFlavor, Map<String, Op>> OPERATIONS;

    /** A DynamoDB method: the operation it performs and whether it pages through all results itself. */
    public record Op(Operation operation, boolean paginated) {
    }

    static {
        Map<String, Map<String, List<ApiMethod>>> byReceiver = new HashMap<>();
        for (ApiMethod m : ApiTable.rows()) {
            byReceiver.computeIfAbsent(m.receiver(), k -> new HashMap<>())
                    .computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
        }
        byReceiver.replaceAll((receiver, byName) -> {
            byName.replaceAll((name, rows) -> List.copyOf(rows));
            return Map.copyOf(byName);
        });
        BY_RECEIVER = Map.copyOf(byReceiver);

        // A flavor's operations are those of all its API types. A name whose rows disagree (mapper count: Scan or
        // Query by its expression argument) has no operation by name alone; see operationByRequest.
        Map<ApiFlavor, Map<String, Set<Op>>> candidates = new EnumMap<>(ApiFlavor.class);
        for (ApiMethod m : ApiTable.rows()) {
            ApiFlavor flavor = API_TYPES.get(m.receiver());
            if (flavor != null && m.isTrackedOperation()) {
                candidates.computeIfAbsent(flavor, k -> new HashMap<>())
                        .computeIfAbsent(m.name(), k -> new HashSet<>()).add(op(m));
            }
        }
        Map<ApiFlavor, Map<String, Op>> operations = new EnumMap<>(ApiFlavor.class);
        candidates.forEach((flavor, byName) -> {
            Map<String, Op> ops = new HashMap<>();
            byName.forEach((name, set) -> {
                if (set.size() == 1) {
                    ops.put(name, set.iterator().next());
                }
            });
            operations.put(flavor, Map.copyOf(ops));
        });
        OPERATIONS = Map.copyOf(operations);
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
        Set<String> names = new HashSet<>();
        for (ApiMethod m : ApiTable.rows()) {
            if (m.isTrackedOperation() && API_TYPES.containsKey(m.receiver())) {
                names.add(m.name());
            }
        }
        CANDIDATE_NAMES = Set.copyOf(names);
    }

    /** Simple names of the SDK types the analysis may meet, by package, to resolve on-demand imports. */
    private static final Map<String, Set<String>> KNOWN_BY_PACKAGE;

    static {
        Map<String, Set<String>> byPackage = new HashMap<>();
        Set<String> all = new HashSet<>();
        all.addAll(API_TYPES.keySet());
        all.addAll(IMPLEMENTATIONS.keySet());
        ApiTable.rows().stream().filter(m -> m.kind() == ApiMethod.Kind.CLIENT_FACTORY
                || m.kind() == ApiMethod.Kind.CLIENT_BUILDER).forEach(m -> all.add(m.receiver()));
        all.addAll(RequestTypes.all());
        for (String fqn : all) {
            int dot = fqn.lastIndexOf('.');
            byPackage.computeIfAbsent(fqn.substring(0, dot), k -> new HashSet<>()).add(fqn.substring(dot + 1));
        }
        byPackage.replaceAll((k, v) -> Set.copyOf(v));
        KNOWN_BY_PACKAGE = Map.copyOf(byPackage);
    }

    private DynamoDbApi() {
    }

    private static Op op(ApiMethod m) {
        return new Op(m.operation().orElseThrow(), m.paginates());
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

    /** SDK classes that implement an API type, and the API type of each. */
    static Map<String, String> implementations() {
        return IMPLEMENTATIONS;
    }

    /** Every API type: the receiver types of RULES.md "DynamoDB API types". */
    public static Set<String> apiTypes() {
        return API_TYPES.keySet();
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

    /**
     * The operation of a method whose rows differ by request type (mapper {@code count} with a scan or a query
     * expression), given the type of the request argument.
     */
    public static Optional<Op> operationByRequest(String apiType, String method, String requestType) {
        return methods(apiType, method).stream()
                .filter(m -> m.isTrackedOperation() && m.requestType().filter(requestType::equals).isPresent())
                .map(DynamoDbApi::op).findFirst();
    }

    /** Every row of the SDK table. */
    public static List<ApiMethod> methods() {
        return ApiTable.rows();
    }

    /**
     * The rows of a method of a type (an API type, with the rows of the API type it extends, or a client factory),
     * any kind; empty when unknown.
     */
    public static List<ApiMethod> methods(String apiType, String method) {
        List<ApiMethod> own = BY_RECEIVER.getOrDefault(apiType, Map.of()).getOrDefault(method, List.of());
        String supertype = API_SUPERTYPES.get(apiType);
        if (supertype == null) {
            return own;
        }
        List<ApiMethod> all = new ArrayList<>(own);
        all.addAll(methods(supertype, method));
        return List.copyOf(all);
    }

    /** The accessors of a call's response that say whether more results follow ({@code lastEvaluatedKey()}...). */
    public static Set<String> continuationAccessors(String apiType, String method) {
        Set<String> accessors = new HashSet<>();
        methods(apiType, method).forEach(m -> accessors.addAll(m.continuationAccessors()));
        return Set.copyOf(accessors);
    }

    /** The accessors of a call's response that give what DynamoDB did not process ({@code unprocessedItems()}...). */
    public static Set<String> unprocessedAccessors(String apiType, String method) {
        Set<String> accessors = new HashSet<>();
        methods(apiType, method).forEach(m -> accessors.addAll(m.unprocessedAccessors()));
        return Set.copyOf(accessors);
    }

    /** The API type a navigation method leads to: {@code enhanced.table(..)} gives a DynamoDbTable. */
    public static Optional<String> navigate(String apiType, String method) {
        return responseOf(apiType, method, ApiMethod.Kind.NAVIGATION);
    }

    /** The client a static factory method returns: {@code DynamoDbClient.create()}. */
    public static Optional<String> clientCreatedBy(String type, String method) {
        return responseOf(type, method, ApiMethod.Kind.CLIENT_FACTORY);
    }

    /** The client built at the end of a builder chain this static method starts: {@code DynamoDbClient.builder()}. */
    public static Optional<String> clientBuilderStartedBy(String type, String method) {
        return responseOf(type, method, ApiMethod.Kind.CLIENT_BUILDER);
    }

    private static Optional<String> responseOf(String type, String method, ApiMethod.Kind kind) {
        return methods(type, method).stream().filter(m -> m.kind() == kind).map(ApiMethod::responseType)
                .findFirst();
    }

    /** Names of the methods that navigate to a table object ({@code table}, {@code getTable}). */
    public static Set<String> tableNavigations() {
        return navigationsTo(TABLE_TYPES);
    }

    /** Names of the methods that navigate from a table to one of its indexes ({@code index}, {@code getIndex}). */
    public static Set<String> indexNavigations() {
        return navigationsTo(INDEX_TYPES);
    }

    private static Set<String> navigationsTo(Set<String> targets) {
        return namesOf(m -> m.kind() == ApiMethod.Kind.NAVIGATION && targets.contains(m.responseType()));
    }

    /** Names of the enhanced {@code TableSchema} factories whose argument is the mapped class. */
    public static Set<String> schemaFactories() {
        return namesOf(m -> m.kind() == ApiMethod.Kind.SCHEMA_FACTORY);
    }

    private static Set<String> namesOf(Predicate<ApiMethod> filter) {
        Set<String> names = new HashSet<>();
        ApiTable.rows().stream().filter(filter).forEach(m -> names.add(m.name()));
        return Set.copyOf(names);
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
