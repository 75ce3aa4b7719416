package io.ddblint.core.sdk;

import io.ddblint.core.facts.Operation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SDK table ({@code dynamodb-api.txt}) against the real SDK v1 and v2 jars: every row names a real method with the
 * stated request and response, and every public method of every API type is a row or a deliberate exclusion, so a
 * data-plane method added by a new SDK version fails here until it is in the table.
 */
class SdkTableTest {

    /**
     * Methods that manage tables, backups, streams, exports, tags, policies and settings: no item is read or written.
     * createTable, deleteTable, describeTable and updateTable are rows (the model reads table definitions from them).
     */
    private static final Set<String> CONTROL_PLANE = Set.of(
            "createBackup", "deleteBackup", "describeBackup", "listBackups", "restoreTableFromBackup",
            "describeContinuousBackups", "updateContinuousBackups", "restoreTableToPointInTime",
            "createGlobalTable", "describeGlobalTable", "describeGlobalTableSettings", "listGlobalTables",
            "updateGlobalTable", "updateGlobalTableSettings",
            "describeContributorInsights", "listContributorInsights", "listContributorInsightsPaginator",
            "updateContributorInsights",
            "describeExport", "exportTableToPointInTime", "listExports", "listExportsPaginator",
            "describeImport", "importTable", "listImports", "listImportsPaginator",
            "describeKinesisStreamingDestination", "enableKinesisStreamingDestination",
            "disableKinesisStreamingDestination", "updateKinesisStreamingDestination",
            "describeEndpoints", "describeLimits", "describeTableReplicaAutoScaling", "updateTableReplicaAutoScaling",
            "describeTimeToLive", "updateTimeToLive",
            "listTables", "listTablesPaginator", "listTagsOfResource", "tagResource", "untagResource",
            "getResourcePolicy", "putResourcePolicy", "deleteResourcePolicy",
            // document API Table/Index: table and index management
            "delete", "describe", "getDescription", "updateTable", "createGSI", "deleteGSI", "updateGSI",
            "waitForActive", "waitForActiveOrDelete", "waitForAllActiveOrDelete", "waitForDelete",
            // mapper: request generators for table management
            "generateCreateTableRequest", "generateDeleteTableRequest");

    /** Lifecycle, configuration, accessors and helpers of the API objects: no request reaches DynamoDB. */
    private static final Set<String> NOT_OPERATIONS = Set.of(
            "close", "shutdown", "serviceName", "serviceClientConfiguration", "serviceMetadata", "waiter", "waiters",
            "getCachedResponseMetadata", "setEndpoint", "setRegion",
            "dynamoDbClient", "dynamoDbAsyncClient", "mapperExtension", "tableName", "tableSchema", "indexName",
            "keyFrom", "getTableName", "getIndexName", "getTable",
            "getTableModel", "marshallIntoObject", "marshallIntoObjects", "createS3Link", "getS3ClientCache");

    /**
     * Data-plane methods no {@link Operation} models yet.
     */
    // LIMITATION: vector search (DynamoDbClient.searchVectors, DynamoDbTable.vectorIndex to a DynamoDbVectorIndex)
    // is not in the table: there is no Operation for it, and the vector index is not an API type.
    // LIMITATION: DynamoDBMapper.newTableMapper gives a DynamoDBTableMapper, whose load/save/query/scan are not
    // analysed: it is not an API type yet.
    private static final Set<String> NOT_MODELED = Set.of("searchVectors", "vectorIndex", "newTableMapper");

    /** The DAX clients are not a test dependency: their rows cannot be checked here. */
    private static final List<String> UNAVAILABLE = List.of("software.amazon.dax.", "com.amazon.dax.");

    private static final Predicate<String> EXCLUDED = SdkTableTest::excluded;

    @Test
    void everyRowNamesAPublicMethodWithItsRequestResponseAndAccessors() {
        List<String> problems = new ArrayList<>();
        for (ApiMethod row : checkable()) {
            problems.addAll(SdkTableCheck.rowProblems(row));
        }
        assertThat(problems).isEmpty();
        assertThat(checkable()).hasSizeGreaterThan(150);
    }

    @Test
    void everyPublicMethodOfEveryApiTypeIsInTheTableOrExcluded() {
        List<String> problems = new ArrayList<>();
        for (String apiType : DynamoDbApi.apiTypes()) {
            Optional<Class<?>> type = SdkTableCheck.load(apiType);
            assertThat(type).as(apiType).isPresent();
            SdkTableCheck.uncovered(type.get(), DynamoDbApi.methods(), EXCLUDED)
                    .forEach(name -> problems.add(apiType + "." + name));
        }
        assertThat(problems).as("public methods neither in dynamodb-api.txt nor excluded in SdkTableTest").isEmpty();
    }

    @Test
    void everyContinuationAndUnprocessedAccessorOfAResponseIsListed() {
        List<String> problems = new ArrayList<>();
        for (ApiMethod row : checkable()) {
            problems.addAll(SdkTableCheck.unlistedAccessors(row));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRowReceiverIsAnApiTypeOrAFactory() {
        for (ApiMethod row : DynamoDbApi.methods()) {
            boolean isStatic = row.kind() == ApiMethod.Kind.CLIENT_FACTORY
                    || row.kind() == ApiMethod.Kind.CLIENT_BUILDER || row.kind() == ApiMethod.Kind.SCHEMA_FACTORY;
            assertThat(isStatic || DynamoDbApi.isApiType(row.receiver())).as(row.toString()).isTrue();
        }
    }

    /** An API type that extends another sees the other's rows through DynamoDbApi.methods(type, name). */
    @Test
    void apiSubtypesInheritTheRowsOfTheirApiSupertypes() {
        for (String sub : DynamoDbApi.apiTypes()) {
            for (String sup : DynamoDbApi.apiTypes()) {
                Class<?> subType = SdkTableCheck.load(sub).orElseThrow();
                Class<?> superType = SdkTableCheck.load(sup).orElseThrow();
                if (sub.equals(sup) || !superType.isAssignableFrom(subType)) {
                    continue;
                }
                for (ApiMethod row : DynamoDbApi.methods()) {
                    if (row.receiver().equals(sup)) {
                        assertThat(DynamoDbApi.methods(sub, row.name())).as(sub + "." + row.name()).contains(row);
                    }
                }
            }
        }
    }

    /** A receiver declared with an SDK implementation class still matches: each is a real subtype of its API type. */
    @Test
    void everyImplementationImplementsItsApiType() {
        DynamoDbApi.implementations().forEach((implementation, apiType) -> {
            if (UNAVAILABLE.stream().noneMatch(implementation::startsWith)) {
                Class<?> api = SdkTableCheck.load(apiType).orElseThrow();
                assertThat(SdkTableCheck.load(implementation)).as(implementation)
                        .hasValueSatisfying(c -> assertThat(api.isAssignableFrom(c)).isTrue());
            }
        });
    }

    @Test
    void theDocumentMapBuildersExist() {
        RequestTypes.DOCUMENT_MAP_BUILDERS.forEach(t -> assertThat(SdkTableCheck.load(t)).as(t).isPresent());
    }

    @Test
    void theMapperTableAnnotationIsAnAnnotation() {
        assertThat(SdkTableCheck.load(DynamoDbApi.MAPPER_TABLE_ANNOTATION))
                .hasValueSatisfying(c -> assertThat(c.isAnnotation()).isTrue());
    }

    /** The prefilter skips files without the marker: every API type and factory must contain it. */
    @Test
    void everyReceiverPackageContainsThePrefilterMarker() {
        for (ApiMethod row : checkable()) {
            assertThat(row.receiver()).contains(DynamoDbApi.PACKAGE_MARKER);
        }
    }

    @Test
    void theLookupsReadTheTable() {
        assertThat(DynamoDbApi.continuationAccessors(DynamoDbApi.V2_CLIENT, "query"))
                .containsExactlyInAnyOrder("lastEvaluatedKey", "hasLastEvaluatedKey");
        assertThat(DynamoDbApi.unprocessedAccessors(DynamoDbApi.V1_ASYNC_CLIENT, "batchWriteItem"))
                .containsExactly("getUnprocessedItems");
        assertThat(DynamoDbApi.unprocessedAccessors(DynamoDbApi.ENHANCED_CLIENT, "batchWriteItem"))
                .containsExactlyInAnyOrder("unprocessedPutItemsForTable", "unprocessedDeleteItemsForTable");
        assertThat(DynamoDbApi.operation(io.ddblint.core.facts.ApiFlavor.V1_MAPPER, "count")).isEmpty();
        assertThat(DynamoDbApi.operationByRequest(DynamoDbApi.MAPPER_CLASS, "count", DynamoDbApi.QUERY_EXPRESSION))
                .contains(new DynamoDbApi.Op(Operation.QUERY, false));
        assertThat(DynamoDbApi.operation(io.ddblint.core.facts.ApiFlavor.V2_ENHANCED, "getItemWithResponse"))
                .as("untracked rows are not operations of the extractor").isEmpty();
        assertThat(DynamoDbApi.clientBuilderStartedBy(DynamoDbApi.V1 + "AmazonDynamoDBClientBuilder", "standard"))
                .contains(DynamoDbApi.V1_CLIENT);
        assertThat(DynamoDbApi.tableNavigations()).containsExactlyInAnyOrder("table", "getTable");
        assertThat(DynamoDbApi.indexNavigations()).containsExactlyInAnyOrder("index", "getIndex");
    }

    // The checks above must be able to fail: deliberately wrong rows and tables are caught.

    @Test
    void aRowNamingNoRealMethodIsCaught() {
        ApiMethod typo = operation(DynamoDbApi.V2_CLIENT, "scna", Operation.SCAN, "ScanRequest", "ScanResponse",
                List.of());
        assertThat(SdkTableCheck.rowProblems(typo)).singleElement().asString().contains("no public method");
    }

    @Test
    void aRowWithTheWrongRequestOrResponseIsCaught() {
        ApiMethod wrongRequest = operation(DynamoDbApi.V2_CLIENT, "query", Operation.QUERY, "ScanRequest",
                "QueryResponse", List.of());
        ApiMethod wrongResponse = operation(DynamoDbApi.V2_ASYNC_CLIENT, "query", Operation.QUERY, "QueryRequest",
                "ScanResponse", List.of());
        assertThat(SdkTableCheck.rowProblems(wrongRequest)).singleElement().asString().contains("no overload takes");
        assertThat(SdkTableCheck.rowProblems(wrongResponse)).singleElement().asString()
                .contains("yields " + DynamoDbApi.V2_MODEL + "ScanResponse", DynamoDbApi.V2_MODEL + "QueryResponse");
    }

    @Test
    void aWrongOrMissingAccessorIsCaught() {
        ApiMethod wrong = operation(DynamoDbApi.V2_CLIENT, "query", Operation.QUERY, "QueryRequest", "QueryResponse",
                List.of("lastEvaluatedKey", "hasLastEvaluatedKey", "nextToken"));
        ApiMethod missing = operation(DynamoDbApi.V2_CLIENT, "query", Operation.QUERY, "QueryRequest",
                "QueryResponse", List.of("lastEvaluatedKey"));
        assertThat(SdkTableCheck.rowProblems(wrong)).singleElement().asString().contains("has no method nextToken");
        assertThat(SdkTableCheck.unlistedAccessors(missing)).singleElement().asString()
                .contains("hasLastEvaluatedKey is not listed");
    }

    @Test
    void aForgottenMethodIsCaught() {
        List<ApiMethod> withoutQuery = DynamoDbApi.methods().stream()
                .filter(m -> !(m.receiver().equals(DynamoDbApi.V2_CLIENT) && m.name().equals("query"))).toList();
        Class<?> client = SdkTableCheck.load(DynamoDbApi.V2_CLIENT).orElseThrow();
        assertThat(SdkTableCheck.uncovered(client, withoutQuery, EXCLUDED)).containsExactly("query");
        Class<?> asyncV1 = SdkTableCheck.load(DynamoDbApi.V1_ASYNC_CLIENT).orElseThrow();
        assertThat(SdkTableCheck.uncovered(asyncV1, DynamoDbApi.methods(), name -> false))
                .as("without the exclusions, control-plane methods are reported").contains("listTablesAsync");
    }

    @Test
    void aMalformedTableFailsWithItsLine() {
        assertThatThrownBy(() -> ApiTable.parse(List.of("[Foo]", "query QUERY - - x - -  extra")))
                .hasMessageContaining("dynamodb-api.txt:2").hasMessageContaining("7 columns expected");
        assertThatThrownBy(() -> ApiTable.parse(List.of("[Foo]", "query QURY - - x - -")))
                .hasMessageContaining("dynamodb-api.txt:2");
        assertThatThrownBy(() -> ApiTable.parse(List.of("[Foo]", "query QUERY paged - x - -")))
                .hasMessageContaining("unknown flag paged");
        assertThatThrownBy(() -> ApiTable.parse(List.of("[nope:Foo]")))
                .hasMessageContaining("dynamodb-api.txt:1").hasMessageContaining("unknown package alias");
        assertThatThrownBy(() -> ApiTable.parse(List.of("query QUERY - - x - -")))
                .hasMessageContaining("before the first [receiver]");
    }

    private static List<ApiMethod> checkable() {
        return DynamoDbApi.methods().stream()
                .filter(m -> UNAVAILABLE.stream().noneMatch(m.receiver()::startsWith)).toList();
    }

    private static boolean excluded(String name) {
        // v1 async clients add an xxxAsync variant of every method.
        String base = name.endsWith("Async") ? name.substring(0, name.length() - "Async".length()) : name;
        return CONTROL_PLANE.contains(base) || NOT_OPERATIONS.contains(base) || NOT_MODELED.contains(base);
    }

    private static ApiMethod operation(String receiver, String name, Operation operation, String request,
                                       String response, List<String> continuation) {
        return new ApiMethod(receiver, name, ApiMethod.Kind.OPERATION, Optional.of(operation), false, true,
                Optional.of(DynamoDbApi.V2_MODEL + request), DynamoDbApi.V2_MODEL + response, continuation,
                List.of());
    }
}
