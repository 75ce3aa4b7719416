package io.ddblint.core.report;

import io.ddblint.core.AnalysisResult;
import io.ddblint.core.AnalysisStats;
import io.ddblint.core.Finding;
import io.ddblint.core.Severity;
import io.ddblint.core.SourceRange;
import io.ddblint.core.facts.Location;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.model.Inventory;
import io.ddblint.core.model.KeyAttribute;
import io.ddblint.core.model.KeySchema;
import io.ddblint.core.model.ModelSource;
import io.ddblint.core.model.Table;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The html report read back as a browser would: by parsing it, never by matching its text. */
class HtmlReporterTest {

    private static final String HOSTILE_TABLE = "<script>alert(1)</script>";
    private static final String HOSTILE_EXPRESSION = "#a = :v AND b <> :w & \"x\" = 'y'";

    @Test
    void showsASummaryThenOneSectionPerTableThenTheUnlinkedCallSites() throws IOException {
        Document page = parse(ReportFixtures.sample());

        assertThat(page.select("#summary .figures li")).extracting(e -> e.selectFirst(".label").text())
                .contains("files parsed", "DynamoDB call sites", "linked to a table", "tables", "errors",
                        "warnings", "info");
        assertThat(figure(page, "files parsed")).isEqualTo("5 of 42");
        assertThat(figure(page, "linked to a table")).isEqualTo("2 of 3");
        assertThat(figure(page, "tables")).isEqualTo("2");
        assertThat(figure(page, "errors")).isEqualTo("1");
        assertThat(figure(page, "warnings")).isEqualTo("2");

        Elements tables = page.select("section.table");
        assertThat(tables).extracting(t -> t.selectFirst("h2").ownText()).containsExactly("orders", "reports");
        List<String> order = page.select("main > section").eachAttr("id");
        assertThat(order.get(0)).isEqualTo("summary");
        assertThat(order.indexOf("unlinked")).isGreaterThan(order.indexOf(tables.last().id()));
    }

    @Test
    void describesATableWithItsKeysIndexesSourcesAndAccessPatterns() throws IOException {
        Element orders = parse(ReportFixtures.sample()).select("section.table").first();

        assertThat(orders.select(".keys dd").eachText())
                .startsWith("customerId (S)", "orderId (S)");
        assertThat(orders.select(".keys dd").get(2).text())
                .contains("ddb-lint.yml", "cloudformation src/main/resources/template.yaml:33");
        assertThat(orders.select("table.indexes tbody tr")).extracting(r -> r.child(0).text() + " " + r.child(1).text())
                .containsExactly("byStatus GSI", "byCustomer GSI", "byTotal LSI");
        Elements rows = orders.select("table.patterns tbody tr");
        assertThat(rows).hasSize(2);
        Element query = rows.get(1);
        assertThat(query.child(0).text()).isEqualTo("QUERY queryPaginator");
        assertThat(query.child(1).text()).isEqualTo("byCustomer");
        assertThat(query.child(2).text()).isEqualTo("customerId = :c");
        assertThat(query.child(3).text()).isEqualTo("filter");
        assertThat(query.child(4).selectFirst(".file").text()).isEqualTo("OrderRepo.java:34");
        assertThat(query.child(4).selectFirst(".dir").text()).isEqualTo("src/main/java/com/acme/");
        assertThat(query.child(4).attr("title")).isEqualTo("src/main/java/com/acme/OrderRepo.java:34");
        assertThat(query.child(5).text()).isEqualTo("main");
        assertThat(orders.select(".conflicts")).isEmpty();
    }

    @Test
    void putsEachFindingUnderItsTableAndSaysWhenATableIsConflicting() throws IOException {
        Document page = parse(ReportFixtures.sample());
        Element orders = page.select("section.table").get(0);
        Element reports = page.select("section.table").get(1);

        // The scan at OrderRepo:21 and the query at 34..36 are orders' access patterns; ReportJob:12 is no one's.
        assertThat(orders.select(".finding .head")).extracting(Element::text)
                .anySatisfy(t -> assertThat(t).contains("DDB-P001", "OrderRepo.java:21:16"))
                .anySatisfy(t -> assertThat(t).contains("DDB-C004", "OrderRepo.java:34:9"));
        assertThat(reports.select(".conflicts li")).hasSize(1);
        assertThat(reports.select(".finding")).isEmpty();
        assertThat(page.select("#other-findings .finding .head").text()).contains("ReportJob.java:12:5");
        assertThat(page.select("#unlinked tbody tr")).hasSize(1);
        assertThat(page.select("#unlinked tbody tr td").get(1).text()).isEqualTo("tableName");
        assertThat(page.select("#unlinked tbody tr td").last().text()).isEqualTo("test");
    }

    @Test
    void escapesHostileNamesAndExpressions() throws IOException {
        String html = GoldenReportTest.render(new HtmlReporter(ReportFixtures.VERSION), hostile());
        Document page = Jsoup.parse(html);

        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("section.table h2").first().ownText()).isEqualTo(HOSTILE_TABLE);
        assertThat(page.select("nav a").first().text()).isEqualTo(HOSTILE_TABLE);
        assertThat(page.select("table.patterns tbody tr td").get(2).text()).isEqualTo(HOSTILE_EXPRESSION);
        assertThat(page.select(".finding .message").text()).isEqualTo("table " + HOSTILE_TABLE + " & " + HOSTILE_EXPRESSION);
        // An attribute value keeps its quotes: the hostile method name cannot open a new attribute.
        assertThat(page.select(".keys dd").first().text()).isEqualTo("pk\" onmouseover=\"alert(2) (S)");
        assertThat(page.select("[onmouseover]")).isEmpty();
        assertThat(html).doesNotContain(HOSTILE_TABLE);
    }

    @Test
    void needsNothingFromTheNetwork() throws IOException {
        Document page = parse(ReportFixtures.sample());
        assertThat(page.select("link, script, img, iframe, object, embed")).isEmpty();
        assertThat(page.select("style")).hasSize(1);
        assertThat(page.select("style").html()).doesNotContain("url(", "@import");
    }

    @Test
    void saysSoWhenThereIsNoTableAndNoCallSite() throws IOException {
        Document page = parse(ReportFixtures.empty());
        assertThat(page.select("section.table")).isEmpty();
        assertThat(page.select("#no-tables").text()).contains("No table definition found");
        assertThat(page.select("#unlinked").text()).contains("Every call site is linked");
    }

    @Test
    void showsTheCodeAMessageQuotesAsCode() throws IOException {
        Element scan = parse(ReportFixtures.sample()).select("section.table .finding").first();
        assertThat(scan.select(".message code")).extracting(Element::text).containsExactly("dynamoDb.scan(...)");
        assertThat(HtmlReporter.spans("a `b` c `d")).containsExactly(new HtmlReporter.Span("a ", false),
                new HtmlReporter.Span("b", true), new HtmlReporter.Span(" c `d", false));
    }

    private static String figure(Document page, String label) {
        return page.select("#summary .figures li").stream()
                .filter(li -> li.selectFirst(".label").text().equals(label))
                .map(li -> li.selectFirst(".value").text()).findFirst().orElseThrow();
    }

    private static Document parse(AnalysisResult result) throws IOException {
        return Jsoup.parse(GoldenReportTest.render(new HtmlReporter(ReportFixtures.VERSION), result));
    }

    private static AnalysisResult hostile() {
        String path = "src/main/java/Evil.java";
        Table table = new Table(HOSTILE_TABLE, new KeySchema(new KeyAttribute("pk\" onmouseover=\"alert(2)", "S"),
                null), List.of(), List.of(), List.of(new ModelSource(ModelSource.Kind.CONFIGURATION,
                new Location("ddb-lint.yml", SourceRange.at(1, 1)), HOSTILE_TABLE, null, HOSTILE_TABLE)),
                List.of());
        Inventory.AccessPattern pattern = new Inventory.AccessPattern(
                new Location(path, new SourceRange(5, 9, 5, 60)), HOSTILE_TABLE, null, Operation.QUERY,
                "query", HOSTILE_EXPRESSION, null, null, true, true, "Evil#m()");
        Finding finding = new Finding("DDB-C004", "ReservedWordInExpression", Severity.ERROR,
                "table " + HOSTILE_TABLE + " & " + HOSTILE_EXPRESSION, path, new SourceRange(5, 9, 5, 60),
                "Evil#m()", null, null, "fp");
        return new AnalysisResult(ReportFixtures.PROJECT_ROOT, List.of(finding), List.of(), List.of(),
                List.of(ReportFixtures.RESERVED), List.of(), new AnalysisStats(1, 1, 1, 0, 1), List.of(), null,
                new Inventory(List.of(table), List.of(pattern)));
    }
}
