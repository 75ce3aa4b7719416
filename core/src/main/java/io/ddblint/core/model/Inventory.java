package io.ddblint.core.model;

import io.ddblint.core.SourceRange;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.Location;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.facts.Request;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.facts.Value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The access-pattern inventory, the data modeler's worksheet: every table of the model and every access pattern,
 * each linked to its table or listed as unlinked. What the json, html and {@code --inventory} outputs print.
 *
 * <p>An inventory of a model is built on first use: a run whose reports do not show it (text, sarif, checkstyle,
 * the SpotBugs and Checkstyle front ends) never pays for it. Until then it keeps the model alive, which the run holds
 * anyway until its reports are written; once built it holds small records only.
 */
public final class Inventory {

    /** No tables and no call sites: for results built without a model. */
    public static final Inventory EMPTY = new Inventory(List.of(), List.of());

    private Supplier<Contents> source;
    private volatile Contents contents;

    private record Contents(List<Table> tables, List<AccessPattern> accessPatterns) {

        Contents {
            tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
            accessPatterns = accessPatterns.stream().sorted(AccessPattern.ORDER).toList();
        }
    }

    /**
     * One call site as the worksheet shows it.
     *
     * @param table        the linked table's name; for an unlinked site, the table name when it is one constant, else
     *                     the code that names it, or null when the request names none
     * @param index        the index name when it is one constant, else the code that names it; null when none
     * @param operation    the DynamoDB operation, null when unknown
     * @param method       the called method, e.g. {@code queryPaginator}
     * @param keyCondition the key condition expression (its value when constant, else its code), or null
     * @param filter       the filter expression, or null
     * @param projection   the projection expression, or null
     * @param production   main code (true) or test code
     * @param linked       whether the site is linked to a table of the model (conflicting tables included)
     * @param member       the member around the call, {@code com.acme.Repo#find(String)}
     */
    public record AccessPattern(Location location, String table, String index, Operation operation, String method,
                                String keyCondition, String filter, String projection, boolean production,
                                boolean linked, String member) {

        public static final Comparator<AccessPattern> ORDER = Comparator
                .comparing((AccessPattern p) -> p.location().path())
                .thenComparing(p -> p.location().range() == null ? SourceRange.UNKNOWN : p.location().range())
                .thenComparing(p -> Objects.requireNonNullElse(p.method(), ""));

        public AccessPattern {
            Objects.requireNonNull(location, "location");
        }

        public String path() {
            return location.path();
        }

        /** The start line, 0 when unknown. */
        public int line() {
            return location.range() == null ? 0 : location.range().line();
        }

        /** {@code src/main/java/com/acme/Repo.java:42}: where the worksheet says the call is. */
        public String where() {
            return path() + ":" + line();
        }

        /** The operation's name as reports print it ({@code QUERY}), or null. */
        public String operationName() {
            return operation == null ? null : operation.name();
        }
    }

    /**
     * An inventory of these tables and access patterns, in any order.
     *
     * @param tables         every table of the model, conflicting ones included
     * @param accessPatterns every call site, linked or not
     */
    public Inventory(List<Table> tables, List<AccessPattern> accessPatterns) {
        this.contents = new Contents(tables, accessPatterns);
    }

    private Inventory(Supplier<Contents> source) {
        this.source = source;
    }

    /** The worksheet of a linked model, built when first read. */
    public static Inventory of(Model model) {
        return new Inventory(() -> {
            List<AccessPattern> patterns = new ArrayList<>(model.callSites().size());
            for (CallSite site : model.callSites()) {
                patterns.add(accessPattern(model, site));
            }
            return new Contents(model.tables(), patterns);
        });
    }

    private Contents contents() {
        Contents c = contents;
        if (c == null) {
            synchronized (this) {
                if (contents == null) {
                    contents = source.get();
                    source = null;
                }
                c = contents;
            }
        }
        return c;
    }

    /** Every table of the model, conflicting ones included, ordered by name. */
    public List<Table> tables() {
        return contents().tables();
    }

    /** Every call site, in path and position order. */
    public List<AccessPattern> accessPatterns() {
        return contents().accessPatterns();
    }

    /** The access patterns linked to this table. */
    public List<AccessPattern> accessPatterns(Table table) {
        return accessPatterns().stream().filter(p -> p.linked() && table.name().equals(p.table())).toList();
    }

    /** The access patterns no table of the model could be linked to. */
    public List<AccessPattern> unlinked() {
        return accessPatterns().stream().filter(p -> !p.linked()).toList();
    }

    public long linkedCount() {
        return accessPatterns().stream().filter(AccessPattern::linked).count();
    }

    private static AccessPattern accessPattern(Model model, CallSite site) {
        Request request = site.request();
        Table table = model.linkedTable(site).orElse(null);
        String tableName = table != null ? table.name()
                : request == null ? null : model.tableName(site).orElseGet(() -> display(request.tableName()));
        String indexName = request == null ? null
                : model.indexName(site).orElseGet(() -> display(request.indexName()));
        return new AccessPattern(site.location(), tableName, indexName, site.operation(), site.method(),
                expression(request, ExpressionKind.KEY_CONDITION), expression(request, ExpressionKind.FILTER),
                expression(request, ExpressionKind.PROJECTION), site.isProduction(), table != null,
                site.qualifiedMember());
    }

    private static String expression(Request request, ExpressionKind kind) {
        return request == null ? null : display(request.expression(kind));
    }

    /** A literal's value (what DynamoDB receives), else the code as written; null when absent. */
    private static String display(Value<SymbolicString> value) {
        if (value instanceof Value.Known<SymbolicString> known) {
            return known.value() instanceof SymbolicString.Literal literal ? literal.value() : known.value().text();
        }
        return value instanceof Value.Unknown<SymbolicString> u ? u.text() : null;
    }
}
