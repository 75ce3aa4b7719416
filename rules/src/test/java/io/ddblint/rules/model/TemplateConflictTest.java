package io.ddblint.rules.model;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.Finding;
import io.ddblint.core.SourceRange;
import io.ddblint.core.SuppressedFinding;
import io.ddblint.core.rule.RuleRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * DDB-M005 on tables defined only in templates: the finding sits at the first template's resource, names the other
 * template, and a {@code # ddb-lint:ignore} comment in the YAML suppresses it with its reason.
 */
class TemplateConflictTest {

    private static final String FIRST = """
            Resources:
              %sOrders:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: orders
                  KeySchema: [{AttributeName: customerId, KeyType: HASH}, {AttributeName: orderId, KeyType: RANGE}]
            """;
    private static final String SECOND = """
            {"Resources": {"Orders": {"Type": "AWS::Serverless::SimpleTable",
              "Properties": {"TableName": "orders", "PrimaryKey": {"Name": "customerId", "Type": "String"}}}}}
            """;

    @TempDir
    Path dir;

    private AnalysisResult analyze(String prefix) throws IOException {
        Files.createDirectories(dir.resolve("infra"));
        Files.writeString(dir.resolve("infra/a.yaml"), FIRST.formatted(prefix));
        Files.writeString(dir.resolve("infra/b.json"), SECOND);
        return new Analyzer(RuleRegistry.loadDefault()).analyze(AnalysisRequest.of(dir, List.of(dir), false));
    }

    @Test
    void aConflictBetweenTemplatesIsReportedAtTheFirstTemplate() throws IOException {
        AnalysisResult r = analyze("");

        assertThat(r.problems()).isEmpty();
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::path, Finding::range, Finding::member)
                .containsExactly(tuple("DDB-M005", "infra/a.yaml", new SourceRange(2, 3, 2, 8), "Orders"));
        assertThat(r.findings().get(0).message()).contains("Table `orders`", "cloudformation infra/b.json:1",
                "sort key orderId");
    }

    @Test
    void anIgnoreCommentInTheYamlSuppressesIt() throws IOException {
        AnalysisResult r = analyze("# ddb-lint:ignore DDB-M005 the SimpleTable is a local stub\n  ");

        assertThat(r.findings()).isEmpty();
        assertThat(r.suppressed()).extracting(s -> s.finding().ruleId(), s -> s.finding().range().line(),
                SuppressedFinding::justification).containsExactly(
                tuple("DDB-M005", 3, "the SimpleTable is a local stub"));
    }
}
