package io.ddblint.core.report;

import io.ddblint.core.AnalysisResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every format rendered from {@link ReportFixtures#sample()} must match its golden file byte for byte (line endings
 * aside, so a checkout with CRLF still passes).
 *
 * <p>To regenerate the golden files after an intended change, run
 * {@code mvn -pl core test -Dtest=GoldenReportTest -Dddblint.updateGoldens=true} from the repository root: the test
 * then writes {@code src/test/resources/report/golden/*} instead of comparing. Review the diff before committing.
 */
class GoldenReportTest {

    private static final String GOLDEN_DIR = "report/golden/";
    private static final boolean UPDATE = Boolean.getBoolean("ddblint.updateGoldens");

    /** Reporters with the fixed test version injected, so goldens do not change with the build's version. */
    static List<Reporter> reporters() {
        return List.of(
                new TextReporter(),
                new HtmlReporter(ReportFixtures.VERSION),
                new JsonReporter(ReportFixtures.VERSION),
                new SarifReporter(ReportFixtures.VERSION),
                new CheckstyleReporter(ReportFixtures.VERSION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reporters")
    void matchesGoldenFile(Reporter reporter) throws IOException {
        String actual = render(reporter, ReportFixtures.sample());
        String name = "sample." + reporter.defaultFileName();
        if (UPDATE) {
            Path file = Path.of("src/test/resources", GOLDEN_DIR, name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).isEqualTo(golden(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reporters")
    void rendersTheSameBytesTwice(Reporter reporter) throws IOException {
        assertThat(bytes(reporter, ReportFixtures.sample())).isEqualTo(bytes(reporter, ReportFixtures.sample()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reporters")
    void doesNotDependOnInputOrder(Reporter reporter) throws IOException {
        assertThat(bytes(reporter, ReportFixtures.sampleReversed()))
                .isEqualTo(bytes(reporter, ReportFixtures.sample()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reporters")
    void leavesTheCallersStreamOpen(Reporter reporter) throws IOException {
        CloseTracking out = new CloseTracking();
        reporter.write(ReportFixtures.sample(), out);
        out.write('!'); // the caller can go on writing
        assertThat(out.closed).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("\n!");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reporters")
    void writesAnEmptyResult(Reporter reporter) throws IOException {
        assertThat(render(reporter, ReportFixtures.empty())).isNotBlank().endsWith("\n");
    }

    static String render(Reporter reporter, AnalysisResult result) throws IOException {
        return new String(bytes(reporter, result), StandardCharsets.UTF_8);
    }

    static byte[] bytes(Reporter reporter, AnalysisResult result) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reporter.write(result, out);
        return out.toByteArray();
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = GoldenReportTest.class.getClassLoader().getResourceAsStream(GOLDEN_DIR + name)) {
            if (in == null) {
                fail("No golden file " + GOLDEN_DIR + name + "; create it with -Dddblint.updateGoldens=true");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
    }

    private static final class CloseTracking extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
