package io.ddblint.core.report;

import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.SourceRange;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.List;

import static io.ddblint.core.report.ReportFixtures.SCAN;
import static org.assertj.core.api.Assertions.assertThat;

class CheckstyleReporterTest {

    private final CheckstyleReporter reporter = new CheckstyleReporter(ReportFixtures.VERSION);

    @Test
    void messagesSurviveAnXmlParserUnchanged() throws Exception {
        String message = "a < b && c > \"d\" 'e'\ttab\nnewline\r\u00e9\u2713 \uD83D\uDE00";
        Document xml = parse(ReportFixtures.with(
                List.of(ReportFixtures.finding(SCAN, "a/B.java", SourceRange.at(3, 4), message, null)), List.of()));

        Element error = (Element) xml.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).isEqualTo(message);
        assertThat(error.getAttribute("source")).isEqualTo("ddb-lint.DDB-P001");
        assertThat(error.getAttribute("severity")).isEqualTo("warning");
        assertThat(((Element) error.getParentNode()).getAttribute("name"))
                .isEqualTo(ReportFixtures.PROJECT_ROOT.resolve("a/B.java").toString());
    }

    @Test
    void replacesCharactersXmlCannotHold() throws Exception {
        Document xml = parse(ReportFixtures.with(List.of(ReportFixtures.finding(SCAN, "a/B.java",
                SourceRange.at(1, 1), "nul\u0000 bell\u0007 lone\uD800 end\uFFFF", null)), List.of()));

        assertThat(((Element) xml.getElementsByTagName("error").item(0)).getAttribute("message"))
                .isEqualTo("nul\uFFFD bell\uFFFD lone\uFFFD end\uFFFD");
    }

    @Test
    void problemsAreWarningsAndUnknownColumnsAreLeftOut() throws Exception {
        Document xml = parse(ReportFixtures.with(List.of(), List.of(
                new AnalysisProblem(AnalysisProblem.Kind.READ_ERROR, "a/B.java", SourceRange.UNKNOWN, "unreadable"),
                new AnalysisProblem(AnalysisProblem.Kind.CONFIGURATION, null, SourceRange.UNKNOWN, "bad config"))));

        NodeList files = xml.getElementsByTagName("file");
        assertThat(files.getLength()).isEqualTo(2);
        assertThat(((Element) files.item(0)).getAttribute("name")).isEqualTo(ReportFixtures.PROJECT_ROOT.toString());
        Element error = (Element) xml.getElementsByTagName("error").item(1);
        assertThat(error.getAttribute("severity")).isEqualTo("warning");
        assertThat(error.getAttribute("source")).isEqualTo("ddb-lint.problem");
        assertThat(error.getAttribute("line")).isEqualTo("0");
        assertThat(error.hasAttribute("column")).isFalse();
    }

    private Document parse(AnalysisResult result) throws Exception {
        byte[] bytes = GoldenReportTest.bytes(reporter, result);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }
}
