package io.ddblint.core.report;

import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.AnalysisStats;
import io.ddblint.core.Finding;
import io.ddblint.core.Severity;
import io.ddblint.core.SourceRange;
import io.ddblint.core.ToolInfo;
import io.ddblint.core.model.IndexDefinition;
import io.ddblint.core.model.Inventory;
import io.ddblint.core.model.KeyAttribute;
import io.ddblint.core.model.ModelSource;
import io.ddblint.core.model.Table;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The human report: a summary, then one section per table of the model (key schema, indexes, where it is defined,
 * conflicts, its access patterns and its findings), then the call sites no table could be linked to and the findings
 * that belong to no table. One self-contained page (inline CSS, no script, no external resource) that works offline.
 *
 * <p>The page is rendered by a jte template ({@code src/main/jte/inventory.jte}) compiled to Java at build time; jte
 * escapes every value for the context it lands in (text, attribute), so no HTML is ever built from strings here.
 * This class only turns the result into the plain records the template reads.
 */
public final class HtmlReporter implements Reporter {

    private final String toolVersion;

    public HtmlReporter() {
        this(ToolInfo.VERSION);
    }

    /** For tests, whose expected output must not change with the build's version. */
    HtmlReporter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public String format() {
        return "html";
    }

    @Override
    public String defaultFileName() {
        return "ddb-lint.html";
    }

    @Override
    public void write(AnalysisResult result, OutputStream out) throws IOException {
        Page page = page(result, toolVersion);
        try (Writer w = ReportOutput.utf8(out)) {
            // The template engine is touched only here, so jte's classes load only when a page is written.
            HtmlTemplates.render(page, w);
        }
    }

    /** Everything the page shows, as the template reads it: strings already worded, lists already ordered. */
    record Page(String tool, String version, List<Figure> summary, List<TableView> tables,
                List<PatternRow> unlinked, List<FindingRow> otherFindings, List<ProblemRow> problems) {
    }

    /**
     * One number of the summary.
     *
     * @param tone a CSS class: {@code error}, {@code warning}, {@code info} for finding counts above zero, else
     *             {@code plain}
     */
    record Figure(String label, String value, String tone) {
    }

    /**
     * One table of the model.
     *
     * @param id a fragment id made from the table's position, never from its name
     */
    record TableView(String id, String name, String partitionKey, String sortKey, List<IndexRow> indexes,
                     List<SourceRow> sources, List<String> conflicts, List<PatternRow> patterns,
                     List<FindingRow> findings) {

        boolean conflicting() {
            return !conflicts.isEmpty();
        }

        /** {@code 2 access patterns, 1 finding, conflicting}: the table's line in the page's contents. */
        String overview() {
            String text = ReportText.count(patterns.size(), "access pattern", "access patterns");
            if (!findings.isEmpty()) {
                text += ", " + ReportText.count(findings.size(), "finding", "findings");
            }
            return conflicting() ? text + ", conflicting" : text;
        }
    }

    record IndexRow(String name, String kind, String partitionKey, String sortKey) {
    }

    record SourceRow(String kind, String where) {
    }

    /**
     * One access pattern; {@code table} is shown only in the unlinked list, where there is no section to say it.
     *
     * @param file      the file name and line, {@code OrderRepository.java:72}: what a reader scans for
     * @param directory the directory of the file, shown smaller beneath it; empty for a file at the root
     */
    record PatternRow(String operation, String method, String table, String index, String keyCondition,
                      String filter, String projection, String where, String file, String directory, String scope,
                      String member) {
    }

    /**
     * One finding; its message and fix hint are split into {@link Span}s so that the code they quote between
     * backticks shows as code.
     */
    record FindingRow(String severity, String ruleId, String ruleName, List<Span> message, String where,
                      List<Span> fixHint, String helpUri) {
    }

    /** A run of a message: plain text, or code it quoted between backticks. */
    record Span(String text, boolean code) {
    }

    record ProblemRow(String where, String message) {
    }

    static Page page(AnalysisResult result, String version) {
        Inventory inventory = result.inventory();
        Set<Finding> placed = new LinkedHashSet<>();
        List<TableView> tables = new ArrayList<>();
        for (Table table : inventory.tables()) {
            List<Inventory.AccessPattern> patterns = inventory.accessPatterns(table);
            List<Finding> findings = result.findings().stream()
                    .filter(f -> belongsTo(f, table, patterns)).toList();
            placed.addAll(findings);
            tables.add(new TableView("table-" + (tables.size() + 1), table.name(),
                    key(table.keys().partitionKey()), key(table.keys().sortKey()), indexes(table),
                    table.sources().stream().map(s -> new SourceRow(s.kind().label(), where(s))).toList(),
                    table.conflicts(), patterns.stream().map(p -> row(p, false)).toList(),
                    findings.stream().map(HtmlReporter::finding).toList()));
        }
        List<FindingRow> others = result.findings().stream().filter(f -> !placed.contains(f))
                .map(HtmlReporter::finding).toList();
        List<ProblemRow> problems = result.problems().stream()
                .map(p -> new ProblemRow(ReportText.location(p.path(), p.range()), p.message())).toList();
        return new Page(ToolInfo.NAME, version, summary(result, inventory),
                tables, inventory.unlinked().stream().map(p -> row(p, true)).toList(), others, problems);
    }

    private static List<Figure> summary(AnalysisResult result, Inventory inventory) {
        AnalysisStats stats = ReportStats.of(result);
        Map<Severity, Long> counts = result.countsBySeverity();
        long linked = inventory.linkedCount();
        List<Figure> figures = new ArrayList<>();
        figures.add(plain("files parsed", stats.filesParsed() + " of " + stats.filesDiscovered()));
        figures.add(plain("DynamoDB call sites", String.valueOf(stats.callSites())));
        figures.add(plain("linked to a table", linked + " of " + inventory.accessPatterns().size()));
        figures.add(plain("tables", String.valueOf(inventory.tables().size())));
        for (Severity s : Severity.values()) {
            long n = counts.get(s);
            figures.add(new Figure(s == Severity.INFO ? "info" : s.lowerCase() + "s", String.valueOf(n),
                    n == 0 ? "plain" : s.lowerCase()));
        }
        figures.add(plain("suppressed", String.valueOf(result.suppressed().size())));
        if (stats.unresolvedReceivers() > 0) {
            figures.add(plain("calls skipped (type unknown)", String.valueOf(stats.unresolvedReceivers())));
        }
        if (!result.problems().isEmpty()) {
            figures.add(plain("problems", String.valueOf(result.problems().size())));
        }
        return figures;
    }

    private static Figure plain(String label, String value) {
        return new Figure(label, value, "plain");
    }

    /**
     * Whether a finding is about this table: reported on one of its access patterns (same file, starting within the
     * call's lines) or at one of the places that define it (the model rules report there).
     */
    private static boolean belongsTo(Finding f, Table table, List<Inventory.AccessPattern> patterns) {
        SourceRange r = f.range();
        if (f.path() == null || r == null) {
            return false;
        }
        for (Inventory.AccessPattern p : patterns) {
            SourceRange at = p.location().range();
            if (p.path().equals(f.path()) && at != null && r.line() >= at.line() && r.line() <= at.endLine()) {
                return true;
            }
        }
        for (ModelSource s : table.sources()) {
            SourceRange at = s.location().range();
            if (s.location().path().equals(f.path()) && at != null && r.line() >= at.line()
                    && r.line() <= Math.max(at.line(), at.endLine())) {
                return true;
            }
        }
        return false;
    }

    private static List<IndexRow> indexes(Table table) {
        List<IndexRow> rows = new ArrayList<>();
        for (IndexDefinition i : table.indexes()) {
            rows.add(new IndexRow(i.name(), i.isGlobal() ? "GSI" : "LSI", key(i.keys().partitionKey()),
                    key(i.keys().sortKey())));
        }
        return rows;
    }

    /** {@code customerId (S)}, the name alone when the type is unknown; null for no key. */
    private static String key(KeyAttribute attribute) {
        return attribute == null ? null : attribute.toString();
    }

    private static String where(ModelSource s) {
        return s.location().path() + ":" + (s.location().range() == null ? 0 : s.location().range().line());
    }

    private static PatternRow row(Inventory.AccessPattern p, boolean withTable) {
        int slash = p.path().lastIndexOf('/');
        return new PatternRow(p.operationName() == null ? "?" : p.operationName(), p.method(),
                withTable ? p.table() : null, p.index(), p.keyCondition(), p.filter(), p.projection(), p.where(),
                p.where().substring(slash + 1), slash < 0 ? "" : p.path().substring(0, slash + 1),
                p.production() ? "main" : "test", p.member());
    }

    private static FindingRow finding(Finding f) {
        return new FindingRow(f.severity().lowerCase(), f.ruleId(), f.ruleName(), spans(f.message()),
                ReportText.location(f.path(), f.range()),
                f.fixHint() == null || f.fixHint().isBlank() ? List.of() : spans(f.fixHint()), f.helpUri());
    }

    /**
     * {@code `scan(r)` reads...} as code {@code scan(r)} then text {@code reads...}. Messages quote code between
     * backticks, as in Markdown; an unpaired backtick stays text.
     */
    static List<Span> spans(String text) {
        List<Span> spans = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf('`', at);
            int close = open < 0 ? -1 : text.indexOf('`', open + 1);
            if (close < 0) {
                spans.add(new Span(text.substring(at), false));
                break;
            }
            if (open > at) {
                spans.add(new Span(text.substring(at, open), false));
            }
            spans.add(new Span(text.substring(open + 1, close), true));
            at = close + 1;
        }
        return spans;
    }
}
