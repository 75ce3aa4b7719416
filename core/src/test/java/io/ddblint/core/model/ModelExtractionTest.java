package io.ddblint.core.model;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.Analyzer;
import io.ddblint.core.SourceRoot;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.scan.ProjectScan;
import io.ddblint.core.source.ParserPool;
import io.ddblint.core.source.SourceDiscovery;
import io.ddblint.core.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model of the fixture project, every source proven: which tables exist, with which keys, types, indexes and
 * sources, and which call sites link to which table and index (and which stay unlinked).
 */
class ModelExtractionTest {

    private static ProjectScan.Facts facts;
    private static Model model;

    @BeforeAll
    static void analyze() {
        List<SourceRoot> roots = Fixtures.sourceDirectories().stream().map(SourceRoot::auto).toList();
        AnalysisRequest request = new AnalysisRequest(Fixtures.root(), roots, List.of(), true, List.of(),
                List.of(), 0);
        try (ParserPool pool = new ParserPool(request.threads(), request.configuration().fileBudget())) {
            facts = ProjectScan.run(request, SourceDiscovery.discover(request), pool);
        }
        model = Analyzer.link(facts, request.configuration());
    }

    /** {@code name: [pk (S), sk] gsi g[..] lsi l[..]}. */
    private static String keys(Table t) {
        StringBuilder s = new StringBuilder(t.name() + ": " + t.keys().attributes());
        for (IndexDefinition i : t.indexes()) {
            s.append(i.isGlobal() ? " gsi " : " lsi ").append(i.name()).append(i.keys().attributes());
        }
        return s.toString();
    }

    /** {@code kind File.java:line} for each source. */
    private static String sources(Table t) {
        return t.name() + ": " + t.sources().stream().map(s -> s.kind().label() + " "
                + Path.of(s.location().path()).getFileName() + ":" + s.location().range().line())
                .collect(Collectors.joining(", "));
    }

    @Test
    void everyTableWithItsKeysTypesAndIndexes() {
        assertThat(model.tables()).extracting(ModelExtractionTest::keys).containsExactly(
                "Carts: [id (S)]",
                "accounts: [email (S)]",
                "app: [PK (S), SK (S)] gsi GSI1[GSI1PK (S), GSI1SK (S)] gsi GSI2[GSI2PK (S)]",
                "app-customers: [id (S)] gsi byEmail[email (S)]",
                "c006-sessions: [sessionId (S)]",
                "c007-devices: [deviceId (S), ts (N)] lsi byKind[deviceId (S), kind (S)]",
                "carts: [cartId (S), line (S)] gsi byOwner[owner (S)]",
                "events: [streamId (S), seq (N)] gsi byKind[kind (S), seq (N)] lsi byAuthor[streamId (S), author (S)]",
                "ledger: [account (N), entry (S)]",
                "m001_app: [PK (S), SK (S)] gsi GSI1[GSI1PK (S), GSI1SK (S)] gsi GSI2[GSI2PK (S)]",
                "m001_daily: [day (S), id (S)] gsi byKind[kind (S), id (S)]",
                "m001_feed: [pk (S)]",
                "m001_flags: [enabled, name (S)]",
                "m001_sharded: [day (S), id (S)]",
                "m001_tickets: [ticketId (S)] gsi byState[state]",
                "m002_carts: [cartId (S)]",
                "m002_customers: [customerId (S)]",
                "m002_orders: [orderId (S)] gsi byCustomer[customerId (S)]",
                "m002_profiles: [userId (S)]",
                "m002_threads: [forumId (S), threadId (S)]",
                "m003_orders: [orderId (S), lineNo (N)] gsi byCustomer[customerId (S), createdAt (S)]",
                "m004-events: [deviceId (S), ts (N)] gsi byType[type (S)]",
                "m004-sessions: [sessionId (S)]",
                "orders: [customerId (S), orderId (S)] gsi byStore[storeId (S), createdAt (S)]",
                "prices: [sku (S), currency (S)]",
                "readings: [sensor_id (S), ts (N)] gsi bySite[site (S)] lsi byLevel[sensor_id (S), level (N)]",
                "sessions: [sessionId (S)] gsi byUser[userId (S)]",
                "user-sessions: [sessionId (S)]");
    }

    @Test
    void everySourceKindWithItsLocation() {
        assertThat(model.tables()).extracting(ModelExtractionTest::sources).containsExactly(
                "Carts: mapper-entity Cart.java:73",
                "accounts: mapper-entity AccountByEmail.java:9, mapper-entity AccountById.java:9",
                "app: enhanced-bean AppItem.java:15, create-table AppRepository.java:40",
                "app-customers: static-table-schema Customer.java:12",
                "c006-sessions: create-table KeyConditionsWithModel.java:32",
                "c007-devices: create-table ConsistentReadsWithModel.java:41",
                "carts: enhanced-bean Cart.java:25, create-table Cart.java:53",
                "events: cdk CdkStack.java:25, enhanced-bean LombokEvent.java:20",
                "ledger: enhanced-bean Ledger.java:18, create-table Ledger.java:46",
                "m001_app: create-table FeedTables.java:62",
                "m001_daily: create-table FeedTables.java:47",
                "m001_feed: create-table FeedTables.java:41",
                "m001_flags: enhanced-bean FeatureFlag.java:13",
                "m001_sharded: create-table FeedTables.java:57",
                "m001_tickets: mapper-entity Ticket.java:11",
                "m002_carts: create-table OrderTables.java:39",
                "m002_customers: enhanced-bean Customer.java:13",
                "m002_orders: create-table OrderTables.java:26",
                "m002_profiles: create-table OrderTables.java:45",
                "m002_threads: create-table OrderTables.java:51",
                "m003_orders: create-table CustomerOrders.java:41",
                "m004-events: create-table KeySchemas.java:52",
                "m004-sessions: create-table KeySchemas.java:46",
                "orders: enhanced-bean Order.java:15, mapper-entity OrderV1.java:14, create-table OrdersSchema.java:25",
                "prices: enhanced-bean Price.java:10",
                "readings: mapper-entity Reading.java:13, create-table ReadingsSchema.java:41",
                "sessions: cdk CdkStack.java:40",
                "user-sessions: enhanced-bean Session.java:11, create-table SessionSchema.java:14");
        ModelSource create = model.table("app").orElseThrow().sources().get(1);
        assertThat(create.member()).isEqualTo("io.ddblint.fixtures.model.AppRepository#createTable()");
        assertThat(create.enclosing().methodName()).isEqualTo("createTable");
        assertThat(model.table("app-customers").orElseThrow().primarySource().member())
                .isEqualTo("io.ddblint.fixtures.model.Customer#SCHEMA");
    }

    @Test
    void conflictsAreKeptInWords() {
        assertThat(model.tables()).filteredOn(Table::conflicting).extracting(Table::name)
                .containsExactly("accounts", "ledger", "user-sessions");
        assertThat(model.table("user-sessions").orElseThrow().conflicts()).containsExactly("sort key createdAt in "
                + "create-table src/main/java/io/ddblint/fixtures/m005/SessionSchema.java:14 but no sort key in "
                + "enhanced-bean src/main/java/io/ddblint/fixtures/m005/Session.java:11");
    }

    @Test
    void aCdkTableWithoutANameIsSkippedAndCounted() {
        assertThat(facts.schema().unnamed()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(ModelSource.Kind.CDK);
            assertThat(s.location().path()).endsWith("model/CdkStack.java");
            assertThat(s.location().range().line()).isEqualTo(49);
        });
    }

    /** {@code File.java:line method -> table/index}, {@code -} where unlinked. */
    private static String link(CallSite s) {
        String table = model.linkedTable(s).map(Table::name).orElse("-");
        String index = model.indexName(s).map(i -> "/" + i).orElse("");
        String keys = model.keys(s).map(k -> " " + k.attributes()).orElse("");
        return Path.of(s.path()).getFileName() + ":" + s.range().line() + " " + s.method() + " -> " + table + index
                + keys;
    }

    @Test
    void callSitesLinkToTheirTableAndIndex() {
        List<String> links = model.callSites().stream().filter(s -> s.path().contains("/fixtures/model/"))
                .map(ModelExtractionTest::link).toList();
        assertThat(links).containsExactly(
                "AppQueries.java:22 query -> app [PK (S), SK (S)]",
                "AppQueries.java:27 query -> -",
                "AppRepository.java:40 createTable -> app [PK (S), SK (S)]",
                "AppRepository.java:60 getItem -> app [PK (S), SK (S)]",
                "AppRepository.java:72 putItem -> app [PK (S), SK (S)]",
                "AppRepository.java:76 query -> app/GSI1 [GSI1PK (S), GSI1SK (S)]",
                "AppRepository.java:81 query -> app [PK (S), SK (S)]",
                "AppRepository.java:89 query -> app/GSI2 [GSI2PK (S)]",
                "CustomerRepository.java:21 getItem -> app-customers [id (S)]",
                "CustomerRepository.java:25 query -> app-customers/byEmail [email (S)]",
                "OrdersSchema.java:25 createTable -> orders [customerId (S), orderId (S)]",
                "PriceRepository.java:19 getItem -> prices [sku (S), currency (S)]",
                "ReadingsSchema.java:53 createTable -> readings [sensor_id (S), ts (N)]",
                "ReadingsSchema.java:57 query -> readings [sensor_id (S), ts (N)]",
                "ReadingsSchema.java:62 query -> readings/bySite [site (S)]",
                "ReadingsSchema.java:66 load -> readings [sensor_id (S), ts (N)]",
                "Unlinked.java:18 createTable -> -",
                "Unlinked.java:23 getItem -> -",
                "Unlinked.java:28 getItem -> -");
    }

    @Test
    void aConflictingTableIsLinkedButNotJudged() {
        CallSite load = model.callSites().stream().filter(s -> s.path().endsWith("m005/AccountByEmail.java"))
                .findFirst().orElseThrow();
        assertThat(model.linkedTable(load)).map(Table::name).contains("accounts");
        assertThat(model.table(load)).isEmpty();
        assertThat(model.keys(load)).isEmpty();
    }
}
