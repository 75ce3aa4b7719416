package io.ddblint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.ddblint.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The real analyzer, rules and reporters behind the command line, on the shared fixtures and small projects. */
class EndToEndTest {

    private static final Path FIXTURES = Path.of(System.getProperty("ddblint.fixtures", "../test-fixtures"));

    @TempDir
    Path dir;

    @Test
    void fixturesHaveFindingsAndFailTheRun() {
        CliRun r = run("--root", FIXTURES.toString(), FIXTURES.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("DDB-P001");
        assertNoStackTrace(r);
    }

    @Test
    void fixtureReportsInEveryFormat() throws IOException {
        Path reports = dir.resolve("reports");
        CliRun r = run("--root", FIXTURES.toString(), FIXTURES.toString(),
                "--format", "json", "--output", reports.resolve("ddb-lint.json").toString(),
                "--format", "sarif", "--output", reports.resolve("ddb-lint.sarif").toString(),
                "--format", "checkstyle", "--output", reports.resolve("ddb-lint.xml").toString(),
                "--format", "text", "--output", reports.resolve("ddb-lint.txt").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(Files.readString(reports.resolve("ddb-lint.json"))).contains("DDB-P001");
        assertThat(Files.readString(reports.resolve("ddb-lint.sarif"))).contains("\"ruleId\"", "DDB-P001");
        assertThat(Files.readString(reports.resolve("ddb-lint.xml"))).contains("<checkstyle", "DDB-P001");
        assertThat(Files.readString(reports.resolve("ddb-lint.txt"))).contains("DDB-P001");
        assertThat(r.outLines()).singleElement().asString().startsWith("ddb-lint: ")
                .doesNotStartWith("ddb-lint: 0 findings");
    }

    @Test
    void scanInProductionCodeIsAWarning() throws IOException {
        Path project = projectWithScan();

        CliRun byDefault = run("--root", project.toString(), project.toString());
        CliRun failOnError = run("--root", project.toString(), "--fail-on", "ERROR", project.toString());

        assertThat(byDefault.exitCode()).isEqualTo(1);
        assertThat(byDefault.out()).contains("DDB-P001", "src/main/java/app/OrderRepo.java");
        assertThat(failOnError.exitCode()).isZero();
        assertThat(failOnError.out()).contains("DDB-P001");
    }

    @Test
    void cleanProjectExitsZero() throws IOException {
        Path source = Files.createDirectories(dir.resolve("src/main/java/app"));
        Files.writeString(source.resolve("Plain.java"), "package app;\n\nclass Plain {\n}\n");

        CliRun r = run("--root", dir.toString(), dir.toString());

        assertThat(r.exitCode()).isZero();
        assertNoStackTrace(r);
    }

    @Test
    void brokenSourceFileIsReportedNotThrown() throws IOException {
        Path source = Files.createDirectories(dir.resolve("src/main/java/app"));
        // It mentions DynamoDB so that the prefilter hands it to the parser.
        Files.writeString(source.resolve("Broken.java"), """
                package app;

                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

                class Broken {
                    void scan(DynamoDbClient ddb {
                        ddb.scan(b -> b.tableName("orders")
                }
                """);

        CliRun r = run("--root", dir.toString(), dir.toString());

        assertThat(r.exitCode()).isIn(0, 1);
        assertThat(r.out()).contains("Broken.java");
        assertNoStackTrace(r);
    }

    private Path projectWithScan() throws IOException {
        Path source = Files.createDirectories(dir.resolve("shop/src/main/java/app"));
        Files.writeString(source.resolve("OrderRepo.java"), """
                package app;

                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
                import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

                public class OrderRepo {
                    private final DynamoDbClient ddb;

                    public OrderRepo(DynamoDbClient ddb) {
                        this.ddb = ddb;
                    }

                    public ScanResponse all() {
                        return ddb.scan(ScanRequest.builder().tableName("orders").build());
                    }
                }
                """);
        return dir.resolve("shop");
    }

    private static void assertNoStackTrace(CliRun r) {
        assertThat(r.out() + r.err()).doesNotContain("\tat ", "Exception in thread");
        assertThat(r.err()).doesNotContain("internal error");
    }
}
