package io.ddblint.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.AnalysisStats;
import io.ddblint.core.Finding;
import io.ddblint.core.Severity;
import io.ddblint.core.SourceRange;
import io.ddblint.core.SuppressedFinding;
import io.ddblint.core.ToolInfo;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.Request;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.facts.Value;
import io.ddblint.core.model.IndexDefinition;
import io.ddblint.core.model.Inventory;
import io.ddblint.core.model.KeyAttribute;
import io.ddblint.core.model.KeySchema;
import io.ddblint.core.model.ModelSource;
import io.ddblint.core.model.Table;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable format: findings, problems, counters and the access-pattern inventory (one entry per DynamoDB
 * call site) with the model's tables and the access patterns linked to each, for scripts and dashboards. Every key is always present (null when unknown), so consumers need not
 * guess which keys may be missing; property order follows the records below, so the output is stable. Durations are
 * left out so that the same code gives the same bytes.
 */
public final class JsonReporter implements Reporter {

    private static final ObjectWriter JSON = ReportOutput.jsonWriter(JsonInclude.Include.ALWAYS);

    private final String toolVersion;

    public JsonReporter() {
        this(ToolInfo.VERSION);
    }

    /** For golden-file tests, whose expected output must not change with the build's version. */
    JsonReporter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public String format() {
        return "json";
    }

    @Override
    public String defaultFileName() {
        return "ddb-lint.json";
    }

    @Override
    public void write(AnalysisResult result, OutputStream out) throws IOException {
        Report report = new Report(
                new Tool(ToolInfo.NAME, toolVersion),
                summary(result),
                result.findings().stream().map(JsonReporter::finding).toList(),
                result.suppressed().stream().map(JsonReporter::suppressed).toList(),
                result.problems().stream().map(JsonReporter::problem).toList(),
                result.callSites().stream().map(JsonReporter::accessPattern).toList(),
                result.unresolved().stream()
                        .map(u -> new UnresolvedEntry(u.path(), u.range().line(), u.range().column(), u.code()))
                        .toList(),
                model(result.inventory()));
        ReportOutput.writeJson(JSON, report, out);
    }

    record Report(Tool tool, Summary summary, List<FindingEntry> findings, List<SuppressedEntry> suppressed,
                  List<ProblemEntry> problems, List<AccessPattern> accessPatterns, List<UnresolvedEntry> unresolved,
                  ModelEntry model) {
    }

    /**
     * The data modeler's worksheet: every table of the model with the access patterns linked to it, then the call
     * sites no table could be linked to.
     */
    record ModelEntry(List<TableEntry> tables, List<InventoryPattern> unlinked) {
    }

    /**
     * A table of the model.
     *
     * @param sortKey   null for a hash-only table
     * @param conflicts the disagreements between its sources, in words (DDB-M005); empty when they agree
     */
    record TableEntry(String name, KeyEntry partitionKey, KeyEntry sortKey, List<IndexEntry> globalSecondaryIndexes,
                      List<IndexEntry> localSecondaryIndexes, List<SourceEntry> sources, List<String> conflicts,
                      List<InventoryPattern> accessPatterns) {
    }

    /** A key attribute; {@code type} is {@code S}, {@code N}, {@code B} or null when no source says. */
    record KeyEntry(String name, String type) {
    }

    record IndexEntry(String name, KeyEntry partitionKey, KeyEntry sortKey) {
    }

    /** Where a table is defined; {@code kind} is the source's label ({@code cloudformation}, {@code cdk}...). */
    record SourceEntry(String kind, String path, int line) {
    }

    /**
     * One access pattern of the worksheet.
     *
     * @param table the table's name; for an unlinked site the name or the code that names it, or null
     */
    record InventoryPattern(String table, String index, String operation, String method, String keyCondition,
                            String filter, String projection, String path, int line, int column, boolean production,
                            String member) {
    }

    /** A call skipped because its receiver type was unknown: what a quiet report did not look at. */
    record UnresolvedEntry(String path, int line, int column, String code) {
    }

    record Tool(String name, String version) {
    }

    /**
     * Counts of one run.
     *
     * @param bySeverity lower-case severity name to count, most severe first, zeros included
     * @param byRule     rule id to count, sorted, only rules with findings
     * @param suppressed findings found but not reported (in source or by the baseline)
     */
    record Summary(int findings, int suppressed, Map<String, Long> bySeverity, Map<String, Long> byRule, int problems, Stats stats) {
    }

    /** {@link AnalysisStats} without the duration, which would make every report differ. */
    record Stats(int filesDiscovered, int filesParsed, int callSites, int unresolvedReceivers) {
    }

    record FindingEntry(String ruleId, String ruleName, String severity, String message, String path, int line,
                        int column, int endLine, int endColumn, String member, String fixHint, String helpUri,
                        String fingerprint) {
    }

    /**
     * A finding that was suppressed, and how.
     *
     * @param kind          {@code inSource} (annotation or comment) or {@code external} (baseline), as in SARIF
     * @param justification the reason given, or null
     */
    record SuppressedEntry(String kind, String justification, FindingEntry finding) {
    }

    record ProblemEntry(String kind, String path, int line, int column, String message) {
    }

    /**
     * One access pattern of the inventory.
     *
     * @param table       the table name when it is a literal, else the code that names it; null when none
     * @param expressions expression parameter name (as DynamoDB spells it) to expression, in a fixed order
     */
    record AccessPattern(String path, int line, int column, String flavor, String operation, String method,
                         String table, String index, boolean paginated, boolean production, String member,
                         Map<String, String> expressions) {
    }

    private static ModelEntry model(Inventory inventory) {
        List<TableEntry> tables = inventory.tables().stream().map(t -> table(t, inventory)).toList();
        return new ModelEntry(tables, inventory.unlinked().stream().map(JsonReporter::pattern).toList());
    }

    private static TableEntry table(Table t, Inventory inventory) {
        return new TableEntry(t.name(), key(t.keys().partitionKey()), key(t.keys().sortKey()),
                indexes(t.globalSecondaryIndexes()), indexes(t.localSecondaryIndexes()),
                t.sources().stream().map(JsonReporter::source).toList(), t.conflicts(),
                inventory.accessPatterns(t).stream().map(JsonReporter::pattern).toList());
    }

    private static List<IndexEntry> indexes(List<IndexDefinition> indexes) {
        return indexes.stream().map(i -> {
            KeySchema keys = i.keys();
            return new IndexEntry(i.name(), key(keys.partitionKey()), key(keys.sortKey()));
        }).toList();
    }

    private static KeyEntry key(KeyAttribute attribute) {
        return attribute == null ? null : new KeyEntry(attribute.name(), attribute.type());
    }

    private static SourceEntry source(ModelSource s) {
        return new SourceEntry(s.kind().label(), s.location().path(), range(s.location().range()).line());
    }

    private static InventoryPattern pattern(Inventory.AccessPattern p) {
        SourceRange r = range(p.location().range());
        return new InventoryPattern(p.table(), p.index(), p.operationName(), p.method(), p.keyCondition(),
                p.filter(), p.projection(), p.path(), r.line(), r.column(), p.production(), p.member());
    }

    private static Summary summary(AnalysisResult result) {
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        result.countsBySeverity().forEach((severity, count) -> bySeverity.put(severity.lowerCase(), count));
        Map<String, Long> byRule = new TreeMap<>();
        for (Finding f : result.findings()) {
            byRule.merge(f.ruleId(), 1L, Long::sum);
        }
        AnalysisStats s = ReportStats.of(result);
        return new Summary(result.findings().size(), result.suppressed().size(), bySeverity, byRule, result.problems().size(),
                new Stats(s.filesDiscovered(), s.filesParsed(), s.callSites(), s.unresolvedReceivers()));
    }

    private static FindingEntry finding(Finding f) {
        SourceRange r = range(f.range());
        return new FindingEntry(f.ruleId(), f.ruleName(), severity(f.severity()), f.message(), f.path(), r.line(),
                r.column(), r.endLine(), r.endColumn(), f.member(), f.fixHint(), f.helpUri(), f.fingerprint());
    }

    private static SuppressedEntry suppressed(SuppressedFinding s) {
        return new SuppressedEntry(s.kind().sarifName(), s.justification(), finding(s.finding()));
    }

    private static ProblemEntry problem(AnalysisProblem p) {
        SourceRange r = range(p.range());
        return new ProblemEntry(p.kind() == null ? null : p.kind().name(), p.path(), r.line(), r.column(),
                p.message());
    }

    private static AccessPattern accessPattern(CallSite site) {
        SourceRange r = range(site.range());
        Request request = site.request();
        Map<String, String> expressions = new LinkedHashMap<>();
        if (request != null) {
            // Request keeps its expressions in an unordered map; walk the enum for a stable order.
            for (ExpressionKind kind : ExpressionKind.values()) {
                if (request.has(kind)) {
                    expressions.put(kind.wireName(), display(request.expression(kind)));
                }
            }
        }
        return new AccessPattern(site.path(), r.line(), r.column(),
                site.flavor() == null ? null : site.flavor().name(),
                site.operation() == null ? null : site.operation().name(),
                site.method(),
                request == null ? null : display(request.tableName()),
                request == null ? null : display(request.indexName()),
                site.paginated(), site.isProduction(), site.qualifiedMember(), expressions);
    }

    /** A literal's value (what DynamoDB receives), else the code as written: the best a static tool knows. */
    static String display(Value<SymbolicString> value) {
        if (value instanceof Value.Known<SymbolicString> known) {
            return known.value() instanceof SymbolicString.Literal literal ? literal.value() : known.value().text();
        }
        return value instanceof Value.Unknown<SymbolicString> u ? u.text() : null;
    }

    private static String severity(Severity severity) {
        return severity == null ? null : severity.lowerCase();
    }

    private static SourceRange range(SourceRange range) {
        return range == null ? SourceRange.UNKNOWN : range;
    }
}
