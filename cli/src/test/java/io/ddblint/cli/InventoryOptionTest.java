package io.ddblint.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.ddblint.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --inventory}: the access-pattern worksheet on standard output, with the real analyzer. */
class InventoryOptionTest {

    private static final String REPO = "src/main/java/app/OrderRepo.java";

    @TempDir
    Path dir;

    @Test
    void printsEachTableWithItsAccessPatternsThenTheUnlinkedCallSitesThenTheFindings() throws IOException {
        Path project = project();

        CliRun r = run("--root", project.toString(), "--inventory", project.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        List<String> lines = r.outLines();
        assertThat(lines.subList(0, 13)).containsExactly(
                "Access-pattern inventory: 1 table, 3 call sites (2 linked, 1 unlinked)",
                "",
                "Table orders",
                "  partition key: PK (S)",
                "  sort key:      SK (S)",
                "  GSI byStatus: orderStatus (S), SK (S)",
                "  defined in:    ddb-lint.yml ddb-lint.yml:1",
                "  access patterns (2):",
                "    QUERY (query)  index: byStatus  key: orderStatus = :s  " + REPO + ":16 (main)",
                "    SCAN (scan)  filter: begins_with(SK, :p)  " + REPO + ":22 (main)",
                "",
                "Unlinked call sites (1):",
                "  GET_ITEM (getItem)  table: table  " + REPO + ":27 (main)");
        // Then the text report, as without --inventory.
        assertThat(lines.subList(13, lines.size())).contains(
                "").anySatisfy(l -> assertThat(l).contains("WARNING [DDB-P001]"));
        assertThat(lines.get(lines.size() - 2)).startsWith("1 finding");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void printsTheSameWorksheetTwice() throws IOException {
        Path project = project();

        CliRun first = run("--root", project.toString(), "--inventory", project.toString());
        CliRun second = run("--root", project.toString(), "--inventory", project.toString());

        assertThat(first.out()).isEqualTo(second.out());
    }

    @Test
    void printsOnlyTheWorksheetWhenEveryReportGoesToAFile() throws IOException {
        Path project = project();
        Path json = dir.resolve("ddb-lint.json");

        CliRun r = run("--root", project.toString(), "--inventory", "--format", "json", "--output",
                json.toString(), project.toString());

        assertThat(r.outLines().get(0)).startsWith("Access-pattern inventory: 1 table");
        assertThat(r.out()).doesNotContain("WARNING [DDB-P001]");
        assertThat(r.outLines().get(r.outLines().size() - 1)).startsWith("ddb-lint: 1 finding");
        assertThat(Files.readString(json)).contains("\"model\"", "\"byStatus\"");
    }

    @Test
    void refusesToMixTheWorksheetWithAMachineReadableReportOnStandardOutput() throws IOException {
        Path project = project();

        CliRun r = run("--root", project.toString(), "--inventory", "--format", "json", project.toString());

        assertThat(r.exitCode()).isEqualTo(DdbLintCommand.EXIT_USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines().get(0)).isEqualTo("ddb-lint: error: --inventory prints on standard output, where "
                + "the json report goes too; give that format an --output file");
    }

    @Test
    void saysSoWhenThereIsNoTable() throws IOException {
        Path project = project();
        Files.delete(project.resolve("ddb-lint.yml"));

        CliRun r = run("--root", project.toString(), "--inventory", "--fail-on", "ERROR", project.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).startsWith(
                "Access-pattern inventory: 0 tables, 3 call sites (0 linked, 3 unlinked)",
                "",
                "Unlinked call sites (3):");
    }

    /** A table in ddb-lint.yml, a query on its index and a scan, and a get whose table is a parameter. */
    private Path project() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("ddb-lint.yml"), """
                tables:
                  - name: orders
                    partitionKey: PK
                    sortKey: SK
                    attributes: {PK: S, SK: S, orderStatus: S}
                    globalSecondaryIndexes:
                      - {name: byStatus, partitionKey: orderStatus, sortKey: SK}
                """);
        Path source = Files.createDirectories(project.resolve("src/main/java/app"));
        Files.writeString(source.resolve("OrderRepo.java"), """
                package app;

                import java.util.Map;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

                class OrderRepo {
                    static final String ORDERS = "orders";
                    private final DynamoDbClient dynamoDb;

                    OrderRepo(DynamoDbClient dynamoDb) {
                        this.dynamoDb = dynamoDb;
                    }

                    Object byStatus() {
                        return dynamoDb.query(r -> r.tableName(ORDERS).indexName("byStatus")
                                .keyConditionExpression("orderStatus = :s")
                                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("OPEN"))));
                    }

                    Object all() {
                        return dynamoDb.scan(r -> r.tableName(ORDERS).filterExpression("begins_with(SK, :p)")
                                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("ORDER#"))));
                    }

                    Object get(String table) {
                        return dynamoDb.getItem(r -> r.tableName(table));
                    }
                }
                """);
        return project;
    }
}
