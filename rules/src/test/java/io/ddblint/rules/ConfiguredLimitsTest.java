package io.ddblint.rules;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.Analyzer;
import io.ddblint.core.Finding;
import io.ddblint.core.config.Configuration;
import io.ddblint.core.config.ConfigurationLoader;
import io.ddblint.core.rule.RuleRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** DDB-C002 judges against the limits of {@code ddb-lint.yml}, not only DynamoDB's defaults. */
class ConfiguredLimitsTest {

    @TempDir
    Path dir;

    @Test
    void aLowerConfiguredLimitIsWhatTheRuleChecks() throws IOException {
        Path file = dir.resolve("src/main/java/a/Writer.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package a;
                import java.util.List;
                import java.util.Map;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
                class Writer {
                    void write(DynamoDbClient ddb, WriteRequest w) {
                        ddb.batchWriteItem(b -> b.requestItems(Map.of("t", List.of(w, w, w))));
                    }
                }
                """);
        RuleRegistry registry = RuleRegistry.loadDefault();
        Configuration lowered = ConfigurationLoader.parse("ddb-lint.yml", "limits:\n  batchWriteItems: 2\n",
                registry.descriptors());
        AnalysisRequest request = AnalysisRequest.of(dir, List.of(dir), false);

        List<Finding> defaults = new Analyzer(registry).analyze(request).findings();
        List<Finding> configured = new Analyzer(registry).analyze(request.withConfiguration(lowered)).findings();

        assertThat(defaults).extracting(Finding::ruleId).doesNotContain("DDB-C002");
        assertThat(configured).filteredOn(f -> f.ruleId().equals("DDB-C002")).singleElement()
                .extracting(Finding::message).asString()
                .contains("sends 3 write requests in one request; DynamoDB accepts at most 2");
    }
}
