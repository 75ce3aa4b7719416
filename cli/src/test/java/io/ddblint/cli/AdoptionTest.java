package io.ddblint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.ddblint.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Configuration, in-source suppression and baselines from the command line: adopting ddb-lint on existing code. */
class AdoptionTest {

    private static final String REPO = """
            package app;

            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

            public class OrderRepo {
                private final DynamoDbClient ddb;

                public OrderRepo(DynamoDbClient ddb) {
                    this.ddb = ddb;
                }

                public ScanResponse all() {
                    return ddb.scan(r -> r.tableName("orders"));
                }
            %s}
            """;

    @TempDir
    Path dir;

    private Path project(String extraMembers) throws IOException {
        Path source = Files.createDirectories(dir.resolve("src/main/java/app"));
        Files.writeString(source.resolve("OrderRepo.java"), REPO.formatted(extraMembers));
        return dir;
    }

    private CliRun lint(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "--root";
        args[1] = dir.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        args[args.length - 1] = dir.toString();
        return run(args);
    }

    @Test
    void ddbLintYmlInTheRootIsFoundWithoutAnOption() throws IOException {
        project("");
        Files.writeString(dir.resolve("ddb-lint.yml"), "rules:\n  ScanInProductionCode: {enabled: false}\n");

        CliRun r = lint();

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("No findings.");
    }

    @Test
    void sarifLinksRulesOnlyUnderADocumentationBaseUrl() throws IOException {
        project("");
        Path sarif = dir.resolve("out.sarif");

        lint("--format", "sarif", "--output", sarif.toString());
        JsonNode plain = new ObjectMapper().readTree(sarif.toFile());
        Files.writeString(dir.resolve("ddb-lint.yml"), "docBaseUrl: https://from.file/rules\n");
        lint("--format", "sarif", "--output", sarif.toString());
        JsonNode fromFile = new ObjectMapper().readTree(sarif.toFile());
        lint("--format", "sarif", "--output", sarif.toString(),
                "--doc-base-url", "https://docs.example.com/ddb-lint/");
        JsonNode fromOption = new ObjectMapper().readTree(sarif.toFile());

        assertThat(plain.at("/runs/0/tool/driver/rules")).isNotEmpty()
                .allSatisfy(rule -> assertThat(rule.has("helpUri")).isFalse());
        assertThat(fromFile.at("/runs/0/tool/driver/rules")).allSatisfy(rule -> assertThat(
                rule.get("helpUri").asText()).isEqualTo("https://from.file/rules/" + rule.get("id").asText()));
        assertThat(fromOption.at("/runs/0/tool/driver/rules")).allSatisfy(rule -> assertThat(rule.get("helpUri")
                .asText()).isEqualTo("https://docs.example.com/ddb-lint/" + rule.get("id").asText()));
    }

    @Test
    void configOptionChangesTheSeverity() throws IOException {
        project("");
        Path config = Files.writeString(Files.createDirectories(dir.resolve("conf")).resolve("lint.yml"),
                "rules:\n  DDB-P001:\n    severity: ERROR\n");

        CliRun r = lint("--config", config.toString(), "--fail-on", "ERROR");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("ERROR [DDB-P001]");
    }

    @Test
    void aConfigurationErrorIsOneLineWithFileLineAndKeyAndExitTwo() throws IOException {
        project("");
        Path config = Files.writeString(dir.resolve("ddb-lint.yml"), "rules:\n  DDB-P001:\n    serverity: ERROR\n");

        CliRun r = lint();

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("ddb-lint: error: " + config
                + ":3: unknown key 'serverity' in rules.DDB-P001 (did you mean 'severity'?)");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void baselineAcceptsRecordedFindingsAndFailsOnlyOnNewOnes() throws IOException {
        project("");
        Path baseline = dir.resolve("ddb-lint-baseline.json");

        CliRun write = lint("--write-baseline", baseline.toString());
        assertThat(write.exitCode()).isZero();
        assertThat(write.errLines()).containsExactly("ddb-lint: wrote 1 finding to baseline " + baseline);
        assertThat(Files.readString(baseline)).contains("\"tool\": \"ddb-lint\"", "\"ruleId\": \"DDB-P001\"");

        CliRun accepted = lint("--baseline", baseline.toString());
        assertThat(accepted.exitCode()).isZero();
        assertThat(accepted.out()).contains("No findings.", "1 finding suppressed (0 in source, 1 by the baseline)");

        project("""

                    public ScanResponse more() {
                        return ddb.scan(r -> r.tableName("orders"));
                    }
                """);
        CliRun newFinding = lint("--baseline", baseline.toString());
        assertThat(newFinding.exitCode()).isEqualTo(1);
        assertThat(newFinding.out()).contains("OrderRepo.java:18:").doesNotContain("OrderRepo.java:14:");

        // Regenerating with the old baseline keeps the accepted finding and adds the new one.
        assertThat(lint("--baseline", baseline.toString(), "--write-baseline", baseline.toString()).errLines())
                .containsExactly("ddb-lint: wrote 2 findings to baseline " + baseline);
        assertThat(lint("--baseline", baseline.toString()).exitCode()).isZero();
    }

    @Test
    void aMalformedBaselineIsOneLineAndExitTwo() throws IOException {
        project("");
        Path baseline = Files.writeString(dir.resolve("baseline.json"), "[1, 2");

        CliRun r = lint("--baseline", baseline.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("ddb-lint: error: " + baseline + ": not a ddb-lint baseline");
    }

    @Test
    void inSourceSuppressionsAreListedInJsonAndSarif() throws IOException {
        project("""

                    public ScanResponse export() {
                        return ddb.scan(r -> r.tableName("orders")); // ddb-lint:ignore DDB-P001 nightly export
                    }
                """);
        Path json = dir.resolve("out/ddb-lint.json");
        Path sarif = dir.resolve("out/ddb-lint.sarif");

        CliRun r = lint("--format", "json", "--output", json.toString(), "--format", "sarif", "--output",
                sarif.toString());

        assertThat(r.exitCode()).isEqualTo(1); // the unsuppressed scan in all()
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.at("/summary/suppressed").asInt()).isEqualTo(1);
        assertThat(report.at("/suppressed/0/kind").asText()).isEqualTo("inSource");
        assertThat(report.at("/suppressed/0/justification").asText()).isEqualTo("nightly export");
        assertThat(report.at("/suppressed/0/finding/line").asInt()).isEqualTo(18);
        JsonNode results = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results");
        assertThat(results).hasSize(2);
        assertThat(results.get(1).at("/suppressions/0/kind").asText()).isEqualTo("inSource");
    }
}
