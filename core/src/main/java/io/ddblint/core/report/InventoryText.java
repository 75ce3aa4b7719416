package io.ddblint.core.report;

import io.ddblint.core.AnalysisResult;
import io.ddblint.core.model.IndexDefinition;
import io.ddblint.core.model.Inventory;
import io.ddblint.core.model.ModelSource;
import io.ddblint.core.model.Table;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The access-pattern inventory as plain text, for the console ({@code --inventory}): each table with its keys,
 * indexes, sources and conflicts, the access patterns linked to it, then the unlinked call sites. The same worksheet
 * as the json {@code model} section and the html report; deterministic, like every report.
 */
public final class InventoryText {

    private InventoryText() {
    }

    /** Writes the worksheet as UTF-8; does not close the stream. */
    public static void write(AnalysisResult result, OutputStream out) throws IOException {
        try (Writer w = ReportOutput.utf8(out)) {
            for (String line : lines(result.inventory())) {
                w.write(line);
                w.write('\n');
            }
        }
    }

    static List<String> lines(Inventory inventory) {
        List<String> lines = new ArrayList<>();
        int patterns = inventory.accessPatterns().size();
        lines.add("Access-pattern inventory: " + ReportText.count(inventory.tables().size(), "table", "tables") + ", "
                + ReportText.count(patterns, "call site", "call sites") + " (" + inventory.linkedCount()
                + " linked, " + inventory.unlinked().size() + " unlinked)");
        for (Table table : inventory.tables()) {
            lines.add("");
            table(lines, table, inventory.accessPatterns(table));
        }
        lines.add("");
        List<Inventory.AccessPattern> unlinked = inventory.unlinked();
        lines.add("Unlinked call sites" + (unlinked.isEmpty() ? ": none" : " (" + unlinked.size() + "):"));
        for (Inventory.AccessPattern p : unlinked) {
            lines.add("  " + pattern(p, true));
        }
        return lines;
    }

    private static void table(List<String> lines, Table table, List<Inventory.AccessPattern> patterns) {
        lines.add("Table " + table.name() + (table.conflicting() ? " (conflicting)" : ""));
        lines.add("  partition key: " + table.keys().partitionKey());
        lines.add("  sort key:      " + (table.keys().sortKey() == null ? "none" : table.keys().sortKey()));
        for (IndexDefinition index : table.indexes()) {
            lines.add("  " + (index.isGlobal() ? "GSI " : "LSI ") + index.name() + ": " + index.keys().partitionKey()
                    + (index.keys().sortKey() == null ? "" : ", " + index.keys().sortKey()));
        }
        for (ModelSource source : table.sources()) {
            lines.add("  defined in:    " + source.describe());
        }
        for (String conflict : table.conflicts()) {
            lines.add("  conflict:      " + ReportText.oneLine(conflict));
        }
        if (patterns.isEmpty()) {
            lines.add("  access patterns: none");
            return;
        }
        lines.add("  access patterns (" + patterns.size() + "):");
        for (Inventory.AccessPattern p : patterns) {
            lines.add("    " + pattern(p, false));
        }
    }

    /**
     * {@code QUERY index byStatus  key: status = :s  filter: ...  src/.../Repo.java:40 (main)}: what is done first,
     * then where.
     */
    private static String pattern(Inventory.AccessPattern p, boolean withTable) {
        StringBuilder b = new StringBuilder(p.operationName() == null ? "?" : p.operationName());
        if (p.method() != null) {
            b.append(" (").append(p.method()).append(')');
        }
        if (withTable) {
            b.append("  table: ").append(p.table() == null ? "unknown" : ReportText.oneLine(p.table()));
        }
        if (p.index() != null) {
            b.append("  index: ").append(ReportText.oneLine(p.index()));
        }
        if (p.keyCondition() != null) {
            b.append("  key: ").append(ReportText.oneLine(p.keyCondition()));
        }
        if (p.filter() != null) {
            b.append("  filter: ").append(ReportText.oneLine(p.filter()));
        }
        if (p.projection() != null) {
            b.append("  projection: ").append(ReportText.oneLine(p.projection()));
        }
        return b.append("  ").append(p.where()).append(p.production() ? " (main)" : " (test)").toString();
    }
}
