package io.ddblint.core.calls;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.facts.ApiFlavor;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.LoopKind;
import io.ddblint.core.facts.Member;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.facts.SourceKind;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.facts.Value;
import io.ddblint.core.java.ProjectIndex;
import io.ddblint.core.model.Model;
import io.ddblint.core.rule.RuleRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The facts extracted for each request shape, checked without any rule. */
class CallSiteExtractionTest {

    @TempDir
    Path dir;

    private AnalysisResult analyze(Map<String, String> sources) throws IOException {
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
        }
        return new Analyzer(RuleRegistry.of(List.of())).analyze(AnalysisRequest.of(dir, List.of(dir), true));
    }

    private static CallSite only(AnalysisResult result, String method) {
        List<CallSite> sites = result.callSites().stream().filter(s -> s.method().equals(method)).toList();
        assertThat(sites).as("call sites named %s in %s", method, result.callSites()).hasSize(1);
        return sites.get(0);
    }

    private static Model model(AnalysisResult result) {
        return new Model(new ProjectIndex(), result.callSites());
    }

    @Test
    void v2InlineBuilderRecordsTableFilterAndLimit() throws IOException {
        AnalysisResult r = analyze(Map.of("src/main/java/a/Repo.java", """
                package a;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
                class Repo {
                    private final DynamoDbClient ddb;
                    Repo(DynamoDbClient ddb) { this.ddb = ddb; }
                    void all() {
                        ddb.scan(ScanRequest.builder().tableName("orders").filterExpression("a = :a").limit(25)
                                .consistentRead(true).build());
                    }
                }
                """));
        CallSite s = only(r, "scan");
        assertThat(s.flavor()).isEqualTo(ApiFlavor.V2_CLIENT);
        assertThat(s.operation()).isEqualTo(Operation.SCAN);
        assertThat(s.kind()).isEqualTo(SourceKind.MAIN);
        assertThat(s.range().line()).isEqualTo(8);
        assertThat(model(r).constant(s.request().tableName())).contains("orders");
        assertThat(s.request().has(ExpressionKind.FILTER)).isTrue();
        assertThat(s.request().limitValue()).contains(25);
        assertThat(s.request().consistentRead()).isEqualTo(Value.known(true));
        assertThat(s.enclosingType()).isEqualTo("a.Repo");
        assertThat(s.enclosingMember()).isEqualTo("all()");
        // Seen whole: what it does not set is absent, not merely unseen.
        assertThat(s.request().indexName()).isEqualTo(Value.absent());
    }

    @Test
    void requestVariableBuilderVariableAndConsumerLambda() throws IOException {
        AnalysisResult r = analyze(Map.of("src/main/java/a/Repo.java", """
                package a;
                import software.amazon.awssdk.services.dynamodb.*;
                import software.amazon.awssdk.services.dynamodb.model.*;
                class Repo {
                    void run(DynamoDbClient ddb, int n) {
                        QueryRequest q = QueryRequest.builder().tableName("t1").keyConditionExpression("pk = :p").build();
                        ddb.query(q);
                        ScanRequest.Builder b = ScanRequest.builder();
                        b.tableName("t2");
                        if (n > 0) { b.limit(n); }
                        ddb.scanPaginator(b.build());
                        ddb.getItem(g -> g.tableName("t3").consistentRead(false));
                    }
                }
                """));
        CallSite query = only(r, "query");
        assertThat(model(r).constant(query.request().tableName())).contains("t1");
        assertThat(query.request().has(ExpressionKind.KEY_CONDITION)).isTrue();
        CallSite scan = only(r, "scanPaginator");
        assertThat(scan.paginated()).isTrue();
        assertThat(model(r).constant(scan.request().tableName())).contains("t2");
        assertThat(scan.request().limit().isSet()).isTrue();
        assertThat(scan.request().limitValue()).isEmpty();
        CallSite get = only(r, "getItem");
        assertThat(model(r).constant(get.request().tableName())).contains("t3");
        assertThat(get.request().consistentRead()).isEqualTo(Value.known(false));
    }

    @Test
    void crossFileConstantsAreFoldedFromFilesThatNeverMentionDynamoDb() throws IOException {
        AnalysisResult r = analyze(Map.of(
                "src/main/java/a/Tables.java", """
                        package a;
                        public final class Tables {
                            public static final String PREFIX = "app-";
                            public static final String ORDERS = PREFIX + "orders";
                        }
                        """,
                "src/main/java/a/Repo.java", """
                        package a;
                        import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                        class Repo {
                            DynamoDbClient ddb = DynamoDbClient.create();
                            void all() { ddb.scan(b -> b.tableName(Tables.ORDERS)); }
                        }
                        """));
        CallSite s = only(r, "scan");
        assertThat(s.request().tableName().known().orElseThrow().text()).isEqualTo("Tables.ORDERS");
        assertThat(r.stats().filesParsed()).isEqualTo(2);
    }

    @Test
    void aLimitConstantIsReadFromItsFileLikeEveryOtherFoldableString() throws IOException {
        AnalysisResult r = analyze(Map.of(
                "src/main/java/a/Paging.java", """
                        package a;
                        public final class Paging {
                            public static final int PAGE = 50;
                        }
                        """,
                "src/main/java/a/Repo.java", """
                        package a;
                        import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                        class Repo {
                            DynamoDbClient ddb = DynamoDbClient.create();
                            void all() { ddb.scan(b -> b.tableName("t").limit(Paging.PAGE)); }
                        }
                        """));
        assertThat(only(r, "scan").request().limitValue()).contains(50);
        assertThat(r.stats().filesParsed()).isEqualTo(2);
    }

    @Test
    void v1ChainsSettersAndStringOverloads() throws IOException {
        AnalysisResult r = analyze(Map.of("src/main/java/a/V1.java", """
                package a;
                import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
                import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;
                import com.amazonaws.services.dynamodbv2.model.*;
                class V1 {
                    private final AmazonDynamoDB client = AmazonDynamoDBClientBuilder.standard().build();
                    void run() {
                        client.query(new QueryRequest().withTableName("q").withLimit(5).withFilterExpression("x = :x"));
                        ScanRequest s = new ScanRequest();
                        s.setTableName("s");
                        client.scan(s);
                        client.getItem("g", java.util.Map.of());
                    }
                }
                """));
        CallSite q = only(r, "query");
        assertThat(q.flavor()).isEqualTo(ApiFlavor.V1_CLIENT);
        assertThat(model(r).constant(q.request().tableName())).contains("q");
        assertThat(q.request().limitValue()).contains(5);
        assertThat(q.request().has(ExpressionKind.FILTER)).isTrue();
        assertThat(model(r).constant(only(r, "scan").request().tableName())).contains("s");
        assertThat(model(r).constant(only(r, "getItem").request().tableName())).contains("g");
    }

    @Test
    void enhancedAndDocumentApiTakeTableAndIndexFromWhereTheObjectWasMade() throws IOException {
        AnalysisResult r = analyze(Map.of("src/main/java/a/E.java", """
                package a;
                import software.amazon.awssdk.enhanced.dynamodb.*;
                import com.amazonaws.services.dynamodbv2.document.DynamoDB;
                import com.amazonaws.services.dynamodbv2.document.Table;
                class E {
                    private final DynamoDbTable<Order> table;
                    E(DynamoDbEnhancedClient enhanced) {
                        this.table = enhanced.table("orders", TableSchema.fromBean(Order.class));
                    }
                    void run(DynamoDB db) {
                        table.index("byCustomer").scan();
                        Table t = db.getTable("legacy");
                        t.query("pk", "v");
                    }
                    static class Order {}
                }
                """));
        CallSite scan = only(r, "scan");
        assertThat(scan.flavor()).isEqualTo(ApiFlavor.V2_ENHANCED);
        assertThat(scan.paginated()).isTrue();
        assertThat(model(r).constant(scan.request().tableName())).contains("orders");
        assertThat(model(r).constant(scan.request().indexName())).contains("byCustomer");
        assertThat(scan.request().entityType()).isEqualTo(Value.known("a.E.Order"));
        CallSite query = only(r, "query");
        assertThat(query.flavor()).isEqualTo(ApiFlavor.V1_DOCUMENT);
        assertThat(model(r).constant(query.request().tableName())).contains("legacy");
    }

    @Test
    void propertiesAreKnownUnknownOrAbsentAndOnlyUnseenWhenTheRequestIsNotFollowedWhole() throws IOException {
        AnalysisResult r = analyze(Map.of("src/main/java/a/V.java", """
                package a;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
                class V {
                    void run(DynamoDbClient ddb, String table, boolean strong) {
                        ddb.query(QueryRequest.builder().tableName(table).consistentRead(strong)
                                .keyConditionExpression("pk = :p").build());
                        ddb.scan(helper().limit(5).build());
                        java.util.List.of(QueryRequest.builder().build()).forEach(ddb::query);
                    }
                    static software.amazon.awssdk.services.dynamodb.model.ScanRequest.Builder helper() { return null; }
                }
                """));
        CallSite query = r.callSites().stream().filter(s -> s.method().equals("query") && s.code().contains("("))
                .findFirst().orElseThrow();
        assertThat(query.request().tableName()).isEqualTo(Value.unknown(Value.Reason.PARAMETER, "table"));
        assertThat(query.request().consistentRead()).isEqualTo(Value.unknown(Value.Reason.OTHER, "strong"));
        assertThat(query.request().has(ExpressionKind.KEY_CONDITION)).isTrue();
        assertThat(query.request().expression(ExpressionKind.FILTER)).isEqualTo(Value.absent());
        assertThat(query.request().limit().isSet()).isFalse();

        CallSite scan = only(r, "scan");
        assertThat(scan.request().limitValue()).contains(5);
        assertThat(scan.request().tableName()).isEqualTo(Value.notFollowed());
        assertThat(scan.request().tableName().isSet()).isFalse();
        assertThat(scan.request().has(ExpressionKind.FILTER)).isFalse();

        CallSite reference = r.callSites().stream().filter(s -> s.code().contains("::")).findFirst().orElseThrow();
        assertThat(reference.request().tableName()).isEqualTo(Value.notFollowed());
        assertThat(reference.request().entityType()).isEqualTo(Value.notFollowed());
        // Calls and method references are made in one place: the reference has its enclosing member too.
        assertThat(reference.member()).isEqualTo(new Member("a.V", Member.Kind.METHOD, "run",
                List.of("software.amazon.awssdk.services.dynamodb.DynamoDbClient", "java.lang.String", "boolean")));
        assertThat(reference.qualifiedMember()).isEqualTo("a.V#run(DynamoDbClient,String,boolean)");
    }

    @Test
    void unrelatedReceiversAreIgnoredAndUnknownOnesCounted() throws IOException {
        AnalysisResult r = analyze(Map.of("src/main/java/a/N.java", """
                package a;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import com.example.missing.Store;
                class N {
                    static void scan() {}
                    void run(java.util.Scanner sc, Store store, DynamoDbClient unused) {
                        sc.findInLine("x");
                        N.scan();
                        scan();
                        store.scan("x");
                        new Object() { void query() {} }.query();
                    }
                }
                """));
        assertThat(r.callSites()).isEmpty();
        assertThat(r.stats().unresolvedReceivers()).isEqualTo(1);
        assertThat(r.unresolved()).extracting(u -> u.code(), u -> u.range().line())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("store.scan(\"x\")", 10));
    }

    @Test
    void clientReachedThroughAProjectTypeInAFileWithoutDynamoDbImports() throws IOException {
        AnalysisResult r = analyze(Map.of(
                "src/main/java/a/Clients.java", """
                        package a;
                        import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                        public class Clients {
                            public DynamoDbClient ddb() { return DynamoDbClient.create(); }
                        }
                        """,
                "src/main/java/b/Service.java", """
                        package b;
                        import a.Clients;
                        class Service {
                            void run(Clients clients) {
                                for (String t : java.util.List.of("a", "b")) {
                                    clients.ddb().scan(r -> r.tableName(t));
                                }
                            }
                        }
                        """,
                "src/test/java/b/ServiceTest.java", """
                        package b;
                        class ServiceTest {
                            void run(a.Clients clients) { clients.ddb().scan(r -> r.tableName("x")); }
                        }
                        """));
        List<CallSite> scans = r.callSites().stream().filter(s -> s.method().equals("scan")).toList();
        assertThat(scans).hasSize(2);
        CallSite main = scans.stream().filter(CallSite::isProduction).findFirst().orElseThrow();
        assertThat(main.path()).isEqualTo("src/main/java/b/Service.java");
        assertThat(main.loop()).isEqualTo(LoopKind.FOR_EACH);
        assertThat(scans).extracting(CallSite::kind).containsExactlyInAnyOrder(SourceKind.MAIN, SourceKind.TEST);
    }

    @Test
    void mapperCountIsAScanOnlyWithAScanExpression() throws IOException {
        AnalysisResult r = analyze(Map.of("src/main/java/a/M.java", """
                package a;
                import com.amazonaws.services.dynamodbv2.datamodeling.*;
                class M {
                    void run(DynamoDBMapper mapper, DynamoDBQueryExpression<M> q) {
                        mapper.count(M.class, new DynamoDBScanExpression().withLimit(3));
                        mapper.count(M.class, q);
                    }
                }
                """));
        assertThat(r.callSites()).extracting(CallSite::operation)
                .containsExactly(Operation.SCAN, Operation.QUERY);
        assertThat(r.callSites().get(0).request().limitValue()).contains(3);
    }

    @Test
    void sdkModelBuildersOuterThisAndStreamCountAreNeitherCallSitesNorUnresolved() throws IOException {
        AnalysisResult r = analyze(Map.of("src/main/java/a/Outer.java", """
                package a;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.*;
                class Outer {
                    private final DynamoDbClient ddb = DynamoDbClient.create();
                    class Inner {
                        Object run(java.util.List<String> list) {
                            TransactWriteItem.builder().delete(Delete.builder().tableName("t").build());
                            list.stream().count();
                            return Outer.this.ddb.scan(b -> b.tableName("t"));
                        }
                    }
                }
                """));
        assertThat(r.callSites()).extracting(CallSite::method).containsExactly("scan");
        assertThat(r.stats().unresolvedReceivers()).isZero();
    }

    @Test
    void builderVariableThenRequestVariableInTheSameBlock() throws IOException {
        AnalysisResult r = analyze(Map.of("src/main/java/a/B.java", """
                package a;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
                class B {
                    Object run(DynamoDbClient ddb) {
                        QueryRequest.Builder builder = QueryRequest.builder().tableName("t");
                        builder.limit(10);
                        QueryRequest request = builder.filterExpression("a = :a").build();
                        return ddb.query(request);
                    }
                }
                """));
        CallSite q = only(r, "query");
        assertThat(model(r).constant(q.request().tableName())).contains("t");
        assertThat(q.request().limitValue()).contains(10);
        assertThat(q.request().has(ExpressionKind.FILTER)).isTrue();
    }

    @Test
    void formatsAndBuilderChainsFoldLikeConcatenations() throws IOException {
        AnalysisResult r = analyze(Map.of("src/main/java/a/Repo.java", """
                package a;
                import java.util.Locale;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                class Repo {
                    static final String PK = "pk";
                    void run(DynamoDbClient c, String id, int n) {
                        c.query(b -> b.tableName(String.format("%s-%d", "orders", 7))
                                .keyConditionExpression(String.format(Locale.ROOT, "%s = :v", PK))
                                .filterExpression("a = '%s' AND n = %d%%".formatted(id, n))
                                .projectionExpression(new StringBuilder("a, ").append(PK).append(", b").toString()));
                        c.scan(b -> b.tableName(new StringBuilder(16).append("t").toString())
                                .filterExpression(String.format("%5s", id)));
                    }
                }
                """));
        Model model = model(r);
        CallSite query = only(r, "query");
        assertThat(model.constant(query.request().tableName())).contains("orders-7");
        // Formats and builders of constants fold to constants, across the constant PK.
        assertThat(model.constant(query.request().expression(ExpressionKind.KEY_CONDITION))).contains("pk = :v");
        assertThat(model.constant(query.request().expression(ExpressionKind.PROJECTION))).contains("a, pk, b");
        SymbolicString filter = query.request().expression(ExpressionKind.FILTER).known().orElseThrow();
        assertThat(((SymbolicString.Concat) filter).parts()).extracting(SymbolicString::text)
                .containsExactly("a = '", "id", "' AND n = ", "n", "%");
        CallSite scan = only(r, "scan");
        assertThat(model.constant(scan.request().tableName())).contains("t");
        // %5s is more than a concatenation: left a call, unknown.
        assertThat(scan.request().expression(ExpressionKind.FILTER)).isInstanceOf(Value.Unknown.class);
    }
}
