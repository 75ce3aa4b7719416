package io.ddblint.rules;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.Finding;
import io.ddblint.core.SourceRoot;
import io.ddblint.core.config.ConfigurationLoader;
import io.ddblint.core.rule.RuleRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DDB-P002 with a model: a table declared in {@code ddb-lint.yml} makes the rule check that the WHERE pins its
 * partition key (or the selected index's) in every OR branch, not merely that it has an equality.
 */
class PartiQlWithModelTest {

    private static final String CONFIG = """
            tables:
              - name: orders
                partitionKey: customerId
                sortKey: orderId
                globalSecondaryIndexes:
                  - name: byStatus
                    partitionKey: status
                    sortKey: createdAt
            """;

    private static final String SOURCE = """
            package demo;

            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

            class Repo {
                void run(DynamoDbClient c) {
                    c.executeStatement(b -> b.statement("SELECT * FROM orders WHERE customerId = ?"));
                    c.executeStatement(b -> b.statement("SELECT * FROM orders WHERE customerId IN [?, ?] AND total > ?"));
                    c.executeStatement(b -> b.statement("SELECT * FROM orders WHERE (customerId = ? AND a = ?) OR customerId = ?"));
                    c.executeStatement(b -> b.statement("SELECT * FROM \\"orders\\".\\"byStatus\\" WHERE status = ?"));
                    c.executeStatement(b -> b.statement("SELECT * FROM orders WHERE orderId = ?"));
                    c.executeStatement(b -> b.statement("SELECT * FROM orders WHERE customerId = ? OR total > ?"));
                    c.executeStatement(b -> b.statement("SELECT * FROM orders WHERE customerId > ?"));
                    c.executeStatement(b -> b.statement("SELECT * FROM orders WHERE NOT customerId = ?"));
                    c.executeStatement(b -> b.statement("SELECT * FROM orders WHERE customerId.a = ?"));
                    c.executeStatement(b -> b.statement("SELECT * FROM \\"orders\\".\\"byStatus\\" WHERE customerId = ?"));
                    c.executeStatement(b -> b.statement("SELECT * FROM \\"orders\\".\\"unknownIndex\\" WHERE x > ?"));
                }
            }
            """;

    @Test
    void checksThePartitionKeyOfTheTableOrIndex(@TempDir Path project) throws IOException {
        Path source = project.resolve("src/main/java/demo/Repo.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
        Path config = project.resolve("ddb-lint.yml");
        Files.writeString(config, CONFIG);
        RuleRegistry registry = RuleRegistry.loadDefault();
        AnalysisRequest request = new AnalysisRequest(project, List.of(SourceRoot.auto(project.resolve("src/main/java"))),
                List.of(), false, List.of(), List.of(), 1).withConfiguration(ConfigurationLoader.load(config, registry));

        AnalysisResult result = new Analyzer(registry).analyze(request);

        assertThat(result.problems()).isEmpty();
        List<Integer> lines = result.findings().stream().filter(f -> f.ruleId().equals("DDB-P002"))
                .map(f -> f.range().line()).toList();
        // Lines 7-10 pin the key (table, IN, every OR branch, the index's own key); 11-16 do not, and line 17 names
        // an index the model does not know, where the rule falls back to "any equality at all".
        assertThat(lines).containsExactly(11, 12, 13, 14, 15, 16, 17);
        Finding orBranch = result.findings().stream().filter(f -> f.range().line() == 12).findFirst().orElseThrow();
        assertThat(orBranch.message()).contains("partition key 'customerId'", "every OR branch");
        Finding index = result.findings().stream().filter(f -> f.range().line() == 16).findFirst().orElseThrow();
        assertThat(index.message()).contains("index 'byStatus'", "partition key 'status'");
    }
}
