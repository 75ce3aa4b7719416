package io.ddblint.core.report;

import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.AnalysisStats;
import io.ddblint.core.Finding;
import io.ddblint.core.Severity;
import io.ddblint.core.SourceRange;
import io.ddblint.core.UnresolvedCall;
import io.ddblint.core.SuppressedFinding;
import io.ddblint.core.facts.ApiFlavor;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.KeySet;
import io.ddblint.core.facts.Location;
import io.ddblint.core.facts.LoopKind;
import io.ddblint.core.facts.Member;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.facts.Request;
import io.ddblint.core.facts.SourceKind;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.facts.Value;
import io.ddblint.core.model.IndexDefinition;
import io.ddblint.core.model.Inventory;
import io.ddblint.core.model.KeyAttribute;
import io.ddblint.core.model.KeySchema;
import io.ddblint.core.model.ModelSource;
import io.ddblint.core.model.Table;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.RuleDescriptor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hand-built analysis result for reporter tests: small, but with every case a reporter must get right (two files,
 * a fix hint and none, characters that need escaping, a problem, literal and non-literal table names, main and test
 * code). Built by hand so reporter tests do not depend on the analyzer.
 */
final class ReportFixtures {

    /** Not a directory on any test machine; reports must not depend on the file system. */
    static final Path PROJECT_ROOT = Path.of("/project");
    /** Stands in for {@code ToolInfo.VERSION}, which Maven filters into the build's version. */
    static final String VERSION = "1.0.0-test";

    static final String REPO = "src/main/java/com/acme/OrderRepo.java";
    static final String JOB = "src/main/java/com/acme/ReportJob.java";
    static final String REPO_TEST = "src/test/java/com/acme/OrderRepoTest.java";

    static final RuleDescriptor SCAN = new RuleDescriptor("DDB-P001", "ScanInProductionCode",
            "A Scan in production code reads the whole table.", Severity.WARNING, Category.PERFORMANCE,
            List.of("cost", "dynamodb"), true, """
            # DDB-P001 ScanInProductionCode

            A Scan in production code.

            ## Why

            A Scan reads every item of the table and bills for each item read,
            so its cost grows with the table, not with the result.

            ## Fix

            Query the table, or a GSI, by its partition key.
            """);

    static final RuleDescriptor RESERVED = new RuleDescriptor("DDB-C004", "ReservedWordInExpression",
            "An expression uses a DynamoDB reserved word as an attribute name.", Severity.ERROR,
            Category.CORRECTNESS, List.of("correctness"), true, """
            # DDB-C004 ReservedWordInExpression

            ## Why

            DynamoDB rejects the request: `Attribute name is a reserved keyword`.

            ## Fix

            Use a `#name` placeholder.
            """);

    private ReportFixtures() {
    }

    /** The result the golden files show. */
    static AnalysisResult sample() {
        return result(findings(), suppressed(), problems(), callSites(), tables(), accessPatterns());
    }

    /** The same result, built from its lists in reverse order: reporters must not care. */
    static AnalysisResult sampleReversed() {
        return result(reversed(findings()), reversed(suppressed()), reversed(problems()), reversed(callSites()),
                reversed(tables()), reversed(accessPatterns()));
    }

    static AnalysisResult empty() {
        return new AnalysisResult(PROJECT_ROOT, List.of(), List.of(), List.of(SCAN), List.of(),
                new AnalysisStats(3, 0, 0, 0, 17));
    }

    static AnalysisResult with(List<Finding> findings, List<AnalysisProblem> problems) {
        return new AnalysisResult(PROJECT_ROOT, findings, problems, List.of(RESERVED, SCAN), List.of(),
                new AnalysisStats(1, 1, 0, 0, 5));
    }

    static Finding finding(RuleDescriptor rule, String path, SourceRange range, String message, String fixHint) {
        return new Finding(rule.id(), rule.name(), rule.defaultSeverity(), message, path, range,
                "com.acme.X#m()", fixHint, null, rule.id() + ":" + path + ":fp");
    }

    private static AnalysisResult result(List<Finding> findings, List<SuppressedFinding> suppressed,
                                         List<AnalysisProblem> problems, List<CallSite> callSites,
                                         List<Table> tables, List<Inventory.AccessPattern> patterns) {
        return new AnalysisResult(PROJECT_ROOT, findings, suppressed, problems, List.of(SCAN, RESERVED), callSites,
                new AnalysisStats(42, 5, 3, 2, 1234), List.of(
                        new UnresolvedCall(REPO, new SourceRange(60, 20, 60, 41), "store.query(\"orders\")"),
                        new UnresolvedCall(REPO, new SourceRange(51, 16, 51, 30), "clients.get().scan(r)")),
                null, new Inventory(tables, patterns));
    }

    static final String TEMPLATE = "src/main/resources/template.yaml";

    /**
     * Two tables: {@code orders}, defined in a template and in ddb-lint.yml that agree, with a GSI and an LSI; and
     * {@code reports}, whose two sources disagree about its sort key.
     */
    static List<Table> tables() {
        ModelSource template = new ModelSource(ModelSource.Kind.CLOUDFORMATION,
                new Location(TEMPLATE, SourceRange.at(33, 5)), "OrdersTable", null, "OrdersTable");
        ModelSource config = new ModelSource(ModelSource.Kind.CONFIGURATION,
                new Location("ddb-lint.yml", SourceRange.at(1, 1)), "orders", null, "tables: orders");
        Table orders = new Table("orders",
                new KeySchema(new KeyAttribute("customerId", "S"), new KeyAttribute("orderId", "S")),
                List.of(new IndexDefinition("byStatus", IndexDefinition.Kind.GLOBAL,
                                new KeySchema(new KeyAttribute("status", "S"), new KeyAttribute("createdAt", null))),
                        new IndexDefinition("byCustomer", IndexDefinition.Kind.GLOBAL,
                                new KeySchema(new KeyAttribute("customerId", "S"), null))),
                List.of(new IndexDefinition("byTotal", IndexDefinition.Kind.LOCAL,
                        new KeySchema(new KeyAttribute("customerId", "S"), new KeyAttribute("total", "N")))),
                List.of(config, template), List.of());
        ModelSource java = new ModelSource(ModelSource.Kind.CREATE_TABLE,
                new Location(JOB, SourceRange.at(70, 9)), "com.acme.ReportJob#create()", null,
                "CreateTableRequest.builder()...");
        ModelSource reportsTemplate = new ModelSource(ModelSource.Kind.CLOUDFORMATION,
                new Location(TEMPLATE, SourceRange.at(48, 5)), "ReportsTable", null, "ReportsTable");
        Table reports = new Table("reports", new KeySchema(new KeyAttribute("day", null), null), List.of(),
                List.of(), List.of(java, reportsTemplate),
                List.of("sort key id in create-table src/main/java/com/acme/ReportJob.java:70 but no sort key in"
                        + " cloudformation src/main/resources/template.yaml:48"));
        return List.of(orders, reports);
    }

    /** The call sites as the worksheet lists them: two linked to {@code orders}, the test's unlinked. */
    static List<Inventory.AccessPattern> accessPatterns() {
        return List.of(
                new Inventory.AccessPattern(new Location(REPO, new SourceRange(21, 16, 21, 58)), "orders", null,
                        Operation.SCAN, "scan", null, "#s = :open", null, true, true, "com.acme.OrderRepo#findOpen()"),
                new Inventory.AccessPattern(new Location(REPO, new SourceRange(34, 9, 36, 30)), "orders",
                        "byCustomer", Operation.QUERY, "queryPaginator", "customerId = :c", "filter", null, true, true,
                        "com.acme.OrderRepo#byCustomer(String,String)"),
                new Inventory.AccessPattern(new Location(REPO_TEST, new SourceRange(18, 9, 18, 40)), "tableName",
                        null, Operation.GET_ITEM, "getItem", null, null, "id, #n", false, false,
                        "com.acme.OrderRepoTest#readsBack()"));
    }

    private static List<Finding> findings() {
        return List.of(
                new Finding(SCAN.id(), SCAN.name(), Severity.WARNING,
                        "`dynamoDb.scan(...)` reads every item of table 'orders' <all pages> & bills for each;"
                                + " use \"Query\" on a GSI \u2014 r\u00e9sum\u00e9 \u2713",
                        REPO, new SourceRange(21, 16, 21, 58), "com.acme.OrderRepo#findOpen()",
                        "Query the table or a GSI by its partition key instead of scanning.", null,
                        "3f2a9c0d1e4b5a6c"),
                new Finding(RESERVED.id(), RESERVED.name(), Severity.ERROR,
                        "Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: status",
                        REPO, new SourceRange(34, 9, 36, 30), "com.acme.OrderRepo#byCustomer(String,String)",
                        null, null, "7b8c9d0e1f2a3b4c"),
                new Finding(SCAN.id(), SCAN.name(), Severity.WARNING,
                        "`table.scan()` reads every item of table 'reports'",
                        JOB, new SourceRange(12, 5, 12, 17), "com.acme.ReportJob#run()",
                        "Query by report date instead.", null, "5d6e7f8a9b0c1d2e"));
    }

    /** One finding suppressed in the source with a reason, one accepted by the baseline. */
    private static List<SuppressedFinding> suppressed() {
        return List.of(
                new SuppressedFinding(new Finding(SCAN.id(), SCAN.name(), Severity.WARNING,
                        "`dynamoDb.scan(request)` scans table 'audit'", JOB, new SourceRange(40, 9, 40, 30),
                        "com.acme.ReportJob#export()", null, null, "0a1b2c3d4e5f6a7b"),
                        SuppressedFinding.Kind.IN_SOURCE, "nightly export reads everything by design"),
                new SuppressedFinding(new Finding(SCAN.id(), SCAN.name(), Severity.WARNING,
                        "`dynamoDb.scan(request)` scans table 'orders'", REPO, new SourceRange(50, 9, 50, 30),
                        "com.acme.OrderRepo#all()", null, null, "1b2c3d4e5f6a7b8c"),
                        SuppressedFinding.Kind.EXTERNAL, "accepted in the baseline"));
    }

    private static List<AnalysisProblem> problems() {
        return List.of(new AnalysisProblem(AnalysisProblem.Kind.PARSE_ERROR,
                "src/main/java/com/acme/Broken.java", SourceRange.at(7, 3),
                "Parse error: unexpected token '}'"));
    }

    private static List<CallSite> callSites() {
        Request scan = new Request(
                new Request.Target(Value.known(new SymbolicString.Literal("orders", "\"orders\"")), Value.absent(),
                        Value.absent()),
                new Request.Expressions(Map.of(ExpressionKind.FILTER,
                        Value.known(new SymbolicString.Literal("#s = :open", "\"#s = :open\""))),
                        Value.known(new KeySet(Set.of("#s"), true)), Value.known(new KeySet(Set.of(":open"), true))),
                new Request.ReadOptions(Value.absent(), Value.absent()), Value.absent());
        Request query = new Request(
                new Request.Target(
                        Value.known(new SymbolicString.FieldRef(List.of("com.acme.Tables"), "ORDERS", "Tables.ORDERS")),
                        Value.known(new SymbolicString.Literal("byCustomer", "\"byCustomer\"")), Value.absent()),
                new Request.Expressions(Map.of(ExpressionKind.KEY_CONDITION,
                        Value.known(new SymbolicString.Literal("customerId = :c", "\"customerId = :c\"")),
                        ExpressionKind.FILTER, Value.unknown(Value.Reason.PARAMETER, "filter")),
                        Value.absent(), Value.known(KeySet.UNKNOWN)),
                new Request.ReadOptions(Value.known(new SymbolicString.Literal("50", "50")), Value.known(false)),
                Value.absent());
        Request get = new Request(
                new Request.Target(Value.unknown(Value.Reason.PARAMETER, "tableName"), Value.notFollowed(),
                        Value.absent()),
                new Request.Expressions(Map.of(), Value.notFollowed(), Value.notFollowed()),
                new Request.ReadOptions(Value.notFollowed(), Value.notFollowed()), Value.notFollowed());
        return List.of(
                new CallSite(new Location(REPO, new SourceRange(21, 16, 21, 58)),
                        v2Client("scan", Operation.SCAN, false), scan,
                        new CallSite.Context(SourceKind.MAIN, "com.acme.OrderRepo", "findOpen()",
                                new Member("com.acme.OrderRepo", Member.Kind.METHOD, "findOpen", List.of()),
                                LoopKind.NONE, false),
                        "dynamoDb.scan(request)"),
                new CallSite(new Location(REPO, new SourceRange(34, 9, 36, 30)),
                        v2Client("queryPaginator", Operation.QUERY, true), query,
                        new CallSite.Context(SourceKind.MAIN, "com.acme.OrderRepo", "byCustomer(String,String)",
                                new Member("com.acme.OrderRepo", Member.Kind.METHOD, "byCustomer",
                                        List.of("java.lang.String", "java.lang.String")),
                                LoopKind.NONE, false),
                        "dynamoDb.queryPaginator(r -> r.tableName(Tables.ORDERS)...)"),
                new CallSite(new Location(REPO_TEST, new SourceRange(18, 9, 18, 40)),
                        v2Client("getItem", Operation.GET_ITEM, false), get,
                        new CallSite.Context(SourceKind.TEST, "com.acme.OrderRepoTest", "readsBack()",
                                new Member("com.acme.OrderRepoTest", Member.Kind.METHOD, "readsBack", List.of()),
                                LoopKind.NONE, false),
                        "dynamoDb.getItem(request)"));
    }

    private static CallSite.Api v2Client(String method, Operation operation, boolean paginated) {
        return new CallSite.Api(ApiFlavor.V2_CLIENT, "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
                method, operation, paginated);
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
