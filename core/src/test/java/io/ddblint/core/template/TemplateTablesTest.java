package io.ddblint.core.template;

import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.SourceRange;
import io.ddblint.core.model.IndexDefinition;
import io.ddblint.core.model.KeyAttribute;
import io.ddblint.core.model.KeySchema;
import io.ddblint.core.model.ModelSource;
import io.ddblint.core.model.TableDefinition;
import io.ddblint.core.suppress.Suppression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TemplateTablesTest {

    private static final String SAM = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage:
                Type: String
                Default: dev
            Resources:
              OrdersTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: orders
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions:
                    - AttributeName: customerId
                      AttributeType: S
                    - AttributeName: orderId
                      AttributeType: S
                    - AttributeName: status
                      AttributeType: S
                    - AttributeName: createdAt
                      AttributeType: N
                  KeySchema:
                    - AttributeName: customerId
                      KeyType: HASH
                    - AttributeName: orderId
                      KeyType: RANGE
                  GlobalSecondaryIndexes:
                    - IndexName: byStatus
                      KeySchema:
                        - AttributeName: status
                          KeyType: HASH
                        - AttributeName: createdAt
                          KeyType: RANGE
                      Projection:
                        ProjectionType: ALL
                  LocalSecondaryIndexes:
                    - IndexName: byCreatedAt
                      KeySchema:
                        - AttributeName: customerId
                          KeyType: HASH
                        - AttributeName: createdAt
                          KeyType: RANGE
                      Projection: {ProjectionType: KEYS_ONLY}
                  StreamSpecification:
                    StreamViewType: !If [IsProd, NEW_AND_OLD_IMAGES, !Ref AWS::NoValue]
              StagedTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Sub "orders-${Stage}"
                  KeySchema:
                    - {AttributeName: id, KeyType: HASH}
              Sessions:
                Type: AWS::Serverless::SimpleTable
                Properties:
                  TableName: !Sub sessions
                  PrimaryKey:
                    Name: sessionId
                    Type: Number
              Counters:
                Type: AWS::Serverless::SimpleTable
                Properties:
                  TableName: !Join ["-", [app, counters]]
              Unnamed:
                Type: AWS::Serverless::SimpleTable
              Function:
                Type: AWS::Serverless::Function
                Properties:
                  Policies:
                    - DynamoDBCrudPolicy:
                        TableName: !Ref OrdersTable
            Outputs:
              Arn:
                Value: !GetAtt OrdersTable.Arn
            """;

    @Test
    void readsTablesIndexesTypesAndLinesOfASamTemplate() {
        TemplateTables.Result r = TemplateTables.parse("template.yaml", SAM);

        assertThat(r.problems()).isEmpty();
        assertThat(r.definitions()).extracting(TableDefinition::name).containsExactly("orders", "sessions",
                "app-counters");
        TableDefinition orders = r.definitions().get(0);
        assertThat(orders.keys()).isEqualTo(new KeySchema(new KeyAttribute("customerId", "S"),
                new KeyAttribute("orderId", "S")));
        assertThat(orders.indexes()).containsExactly(
                new IndexDefinition("byStatus", IndexDefinition.Kind.GLOBAL,
                        new KeySchema(new KeyAttribute("status", "S"), new KeyAttribute("createdAt", "N"))),
                new IndexDefinition("byCreatedAt", IndexDefinition.Kind.LOCAL,
                        new KeySchema(new KeyAttribute("customerId", "S"), new KeyAttribute("createdAt", "N"))));
        ModelSource source = orders.source();
        assertThat(source.kind()).isEqualTo(ModelSource.Kind.CLOUDFORMATION);
        assertThat(source.member()).isEqualTo("OrdersTable");
        assertThat(source.enclosing()).isNull();
        assertThat(source.location().path()).isEqualTo("template.yaml");
        assertThat(source.location().range()).isEqualTo(new SourceRange(8, 3, 8, 13));
        assertThat(source.describe()).isEqualTo("cloudformation template.yaml:8");

        TableDefinition sessions = r.definitions().get(1);
        assertThat(sessions.keys()).isEqualTo(new KeySchema(new KeyAttribute("sessionId", "N"), null));
        assertThat(sessions.indexes()).isEmpty();
        assertThat(sessions.source().location().range().line()).isEqualTo(52);
        // A SimpleTable without PrimaryKey has SAM's default key: id, a String.
        assertThat(r.definitions().get(2).keys()).isEqualTo(new KeySchema(new KeyAttribute("id", "S"), null));

        assertThat(r.skipped()).extracting(SkippedTable::logicalId, SkippedTable::line, SkippedTable::reason)
                .containsExactly(
                        tuple("StagedTable", 46,
                                "TableName is !Sub 'orders-${Stage}', not a constant"),
                        tuple("Unnamed", 63,
                                "no TableName: CloudFormation generates the name at deployment"));
    }

    @Test
    void readsJsonWithTabsAndLongFormFunctions() {
        String json = "{\n"
                + "\t\"AWSTemplateFormatVersion\": \"2010-09-09\",\n"
                + "\t\"Resources\": {\n"
                + "\t\t\"Users\": {\n"
                + "\t\t\t\"Type\": \"AWS::DynamoDB::GlobalTable\",\n"
                + "\t\t\t\"Properties\": {\n"
                + "\t\t\t\t\"TableName\": {\"Fn::Join\": [\"\", [\"us\", \"ers\"]]},\n"
                + "\t\t\t\t\"AttributeDefinitions\": [{\"AttributeName\": \"pk\", \"AttributeType\": \"B\"}],\n"
                + "\t\t\t\t\"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}],\n"
                + "\t\t\t\t\"Replicas\": [{\"Region\": {\"Ref\": \"AWS::Region\"}}]\n"
                + "\t\t\t}\n"
                + "\t\t},\n"
                + "\t\t\"Staged\": {\"Type\": \"AWS::DynamoDB::Table\", \"Properties\": {\n"
                + "\t\t\t\"TableName\": {\"Fn::Sub\": \"t-${AWS::StackName}\"},\n"
                + "\t\t\t\"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}]}}\n"
                + "\t}\n"
                + "}\n";
        TemplateTables.Result r = TemplateTables.parse("infra/stack.json", json);

        assertThat(r.problems()).isEmpty();
        assertThat(r.suppressions()).isEmpty();
        assertThat(r.definitions()).hasSize(1);
        TableDefinition users = r.definitions().get(0);
        assertThat(users.name()).isEqualTo("users");
        assertThat(users.keys()).isEqualTo(new KeySchema(new KeyAttribute("pk", "B"), null));
        // The range covers the quoted key, from its opening quote.
        assertThat(users.source().location().range()).isEqualTo(new SourceRange(4, 3, 4, 9));
        assertThat(r.skipped()).extracting(SkippedTable::reason)
                .containsExactly("TableName is Fn::Sub 't-${AWS::StackName}', not a constant");
    }

    @Test
    void conditionalKeysOrIndexesSkipTheTableRatherThanGuess() {
        String yaml = """
                Resources:
                  A:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: tbl-a
                      KeySchema: !If [UseSort, [{AttributeName: pk, KeyType: HASH}], [{AttributeName: id, KeyType: HASH}]]
                  B:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: tbl-b
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                      GlobalSecondaryIndexes:
                        - !If [WithIndex, {IndexName: g, KeySchema: [{AttributeName: x, KeyType: HASH}]}, !Ref AWS::NoValue]
                  C:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: tbl-c
                      KeySchema:
                        - AttributeName: {Ref: KeyName}
                          KeyType: HASH
                """;
        TemplateTables.Result r = TemplateTables.parse("t.yaml", yaml);

        assertThat(r.definitions()).isEmpty();
        assertThat(r.problems()).isEmpty();
        assertThat(r.skipped()).extracting(SkippedTable::logicalId, SkippedTable::reason).containsExactly(
                tuple("A", "KeySchema is !If"),
                tuple("B", "GlobalSecondaryIndexes element is !If"),
                tuple("C", "KeySchema AttributeName is Ref 'KeyName'"));
    }

    @Test
    void serverlessFrameworkResourcesAreReadAndItsVariablesAreNoNames() {
        String yaml = """
                service: users
                provider: {name: aws, runtime: java17}
                resources:
                  Resources:
                    UsersTable:
                      Type: AWS::DynamoDB::Table
                      Properties:
                        TableName: ${self:service}-users
                        KeySchema: [{AttributeName: id, KeyType: HASH}]
                    SettingsTable:
                      Type: AWS::DynamoDB::Table
                      Properties:
                        TableName: users-settings
                        KeySchema: [{AttributeName: userId, KeyType: HASH}]
                """;
        TemplateTables.Result r = TemplateTables.parse("serverless.yml", yaml);

        assertThat(r.problems()).isEmpty();
        assertThat(r.definitions()).extracting(TableDefinition::name, d -> d.source().location().range().line())
                .containsExactly(tuple("users-settings", 10));
        assertThat(r.skipped()).extracting(SkippedTable::logicalId, SkippedTable::reason).containsExactly(
                tuple("UsersTable", "TableName '${self:service}-users' is no DynamoDB table name (3 to 255 of a-z,"
                        + " A-Z, 0-9, '_', '-', '.'): a variable resolved at deployment?"));
    }

    @Test
    void filesThatAreNoTemplatesAreSkippedSilently() {
        for (String text : List.of(
                "# docs\nexample: AWS::DynamoDB::Table\n",
                "- AWS::DynamoDB::Table\n- AWS::Serverless::SimpleTable\n",
                "AWSTemplateFormatVersion: '2010-09-09'\nDescription: uses AWS::DynamoDB::Table elsewhere\n",
                "Resources: AWS::DynamoDB::Table\n",
                "{\"schema\": {\"types\": [\"AWS::DynamoDB::Table\"]}}",
                "",
                "---\n...\n")) {
            TemplateTables.Result r = TemplateTables.parse("x.yaml", text);
            assertThat(r.definitions()).as(text).isEmpty();
            assertThat(r.problems()).as(text).isEmpty();
            assertThat(r.skipped()).as(text).isEmpty();
        }
    }

    @Test
    void brokenTemplatesAreProblemsNamingFileAndLine() {
        assertThat(problems("bad.yaml", "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n   Properties: [\n"))
                .singleElement().satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(AnalysisProblem.Kind.PARSE_ERROR);
                    assertThat(p.path()).isEqualTo("bad.yaml");
                    assertThat(p.range().line()).isEqualTo(4);
                    assertThat(p.message()).startsWith("not valid YAML: ")
                            .endsWith("; its DynamoDB tables were not read into the model");
                });
        assertThat(problems("bad.json", "{\"Resources\": {\"T\": {\"Type\": \"AWS::DynamoDB::Table\",}}}"))
                .singleElement().satisfies(p -> {
                    assertThat(p.range().line()).isEqualTo(1);
                    assertThat(p.message()).startsWith("not valid JSON: ");
                });

        String keys = """
                Resources:
                  NoHash:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: tbl-a
                      KeySchema:
                        - AttributeName: sk
                          KeyType: RANGE
                  Reversed:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: tbl-b
                      KeySchema: [{AttributeName: sk, KeyType: RANGE}, {AttributeName: pk, KeyType: HASH}]
                  TwoHashes:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: tbl-c
                      KeySchema: [{AttributeName: a, KeyType: HASH}, {AttributeName: b, KeyType: HASH}]
                  Missing:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: tbl-d
                  NoProperties:
                    Type: AWS::DynamoDB::GlobalTable
                  BadType:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: tbl-e
                      KeySchema: [{AttributeName: pk, KeyType: PARTITION}]
                  BadIndex:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: tbl-f
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                      GlobalSecondaryIndexes:
                        - IndexName: g
                  BadSimple:
                    Type: AWS::Serverless::SimpleTable
                    Properties:
                      TableName: tbl-g
                      PrimaryKey: {Name: id, Type: Text}
                  Good:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: good
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                """;
        TemplateTables.Result r = TemplateTables.parse("keys.yaml", keys);
        assertThat(r.definitions()).extracting(TableDefinition::name).containsExactly("good");
        assertThat(r.problems()).extracting(p -> p.range().line() + ": " + p.message()).containsExactly(
                "7: AWS::DynamoDB::Table NoHash: KeySchema has no HASH key; the table was not read into the model",
                "13: AWS::DynamoDB::Table Reversed: KeySchema lists the RANGE key before the HASH key; the table was"
                        + " not read into the model",
                "18: AWS::DynamoDB::Table TwoHashes: KeySchema has two HASH keys; the table was not read into the"
                        + " model",
                "19: AWS::DynamoDB::Table Missing: KeySchema is missing; the table was not read into the model",
                "23: AWS::DynamoDB::GlobalTable NoProperties: no Properties, so no KeySchema; the table was not read"
                        + " into the model",
                "29: AWS::DynamoDB::Table BadType: KeySchema KeyType 'PARTITION' is neither HASH nor RANGE; the"
                        + " table was not read into the model",
                "36: AWS::DynamoDB::Table BadIndex: KeySchema of index g is missing; the table was not read into"
                        + " the model",
                "41: AWS::Serverless::SimpleTable BadSimple: PrimaryKey Type 'Text' is not String, Number or Binary;"
                        + " the table was not read into the model");
        assertThat(r.problems()).allSatisfy(p -> assertThat(p.path()).isEqualTo("keys.yaml"));
    }

    private static List<AnalysisProblem> problems(String path, String text) {
        TemplateTables.Result r = TemplateTables.parse(path, text);
        assertThat(r.definitions()).isEmpty();
        return r.problems();
    }

    @Test
    void ignoreCommentsOfYamlTemplatesAreSuppressions() {
        String yaml = """
                Resources:
                  # ddb-lint:ignore DDB-M005 the bean is the truth
                  Orders: # a comment that is no suppression
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: orders # ddb-lint:ignore DDB-M001,LowCardinalityPartitionKey sharded in code
                      Description: "# ddb-lint:ignore DDB-P001 inside a string"
                      Notes: |
                        # ddb-lint:ignore DDB-P002 inside a block scalar
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                """;
        List<Suppression> s = TemplateTables.parse("template.yaml", yaml).suppressions();
        assertThat(s).extracting(Suppression::ruleKey, Suppression::firstLine, Suppression::reason).containsExactly(
                tuple("DDB-M005", 3, "the bean is the truth"),
                tuple("DDB-M001", 6, "sharded in code"),
                tuple("LowCardinalityPartitionKey", 6, "sharded in code"));
        assertThat(s.get(0).marker()).isEqualTo(new SourceRange(2, 3, 2, 50));
        assertThat(s).allSatisfy(x -> {
            assertThat(x.kind()).isEqualTo(Suppression.Kind.COMMENT);
            assertThat(x.path()).isEqualTo("template.yaml");
        });
    }

    @Test
    void discoveryFindsTemplatesOfTheProjectAndSkipsBuildOutputAndLinks(@TempDir Path dir) throws IOException {
        Path project = dir.resolve("service");
        String table = "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: %s\n"
                + "      KeySchema: [{AttributeName: pk, KeyType: HASH}]\n";
        write(project.resolve("template.yaml"), table.formatted("root"));
        write(project.resolve("src/main/resources/db.yml"), table.formatted("resources"));
        write(project.resolve("infra/stack.template"), table.formatted("infra"));
        write(project.resolve("src/test/resources/local.yaml"), table.formatted("test"));
        write(project.resolve("src/main/java/a/A.java"), "package a; class A {}");
        write(project.resolve("notes.yaml"), "a: b\n");
        for (String skipped : List.of("target/classes", "build", "node_modules/x", "cdk.out", ".aws-sam/build")) {
            write(project.resolve(skipped).resolve("template.yaml"), table.formatted("copy"));
        }
        Path outside = dir.resolve("outside");
        write(outside.resolve("template.yaml"), table.formatted("outside"));
        try {
            Files.createSymbolicLink(project.resolve("linked"), outside);
            Files.createSymbolicLink(project.resolve("linked.yaml"), outside.resolve("template.yaml"));
        } catch (UnsupportedOperationException | IOException e) {
            // no links on this file system: the rest still holds
        }
        AnalysisRequest mainOnly = new AnalysisRequest(dir, List.of(io.ddblint.core.SourceRoot.main(
                project.resolve("src/main/java"))), List.of(), false, List.of(), List.of(), 1);

        TemplateTables.Result r = TemplateTables.read(mainOnly);
        assertThat(r.definitions()).extracting(d -> d.source().location().path() + " " + d.name())
                .containsExactlyInAnyOrder("service/infra/stack.template infra", "service/src/main/resources/db.yml"
                        + " resources", "service/template.yaml root");
        assertThat(r.templates()).isEqualTo(3);
        assertThat(r.problems()).isEmpty();

        TemplateTables.Result withTests = TemplateTables.read(AnalysisRequest.of(dir, List.of(project), true));
        assertThat(withTests.definitions()).extracting(TableDefinition::name)
                .containsExactlyInAnyOrder("root", "resources", "infra", "test");
    }

    @Test
    void anOversizedTemplateIsAProblemAndAnOversizedDataFileIsNot(@TempDir Path dir) throws IOException {
        String big = "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n" + "# padding\n".repeat(120_000);
        write(dir.resolve("template.yaml"), big);
        write(dir.resolve("data.json"), "[" + "1,".repeat(600_000) + "1]");
        TemplateTables.Result r = TemplateTables.read(AnalysisRequest.of(dir, List.of(dir), false));
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("template.yaml");
            assertThat(p.kind()).isEqualTo(AnalysisProblem.Kind.READ_ERROR);
            assertThat(p.message()).contains("analysis.maxFileSize");
        });
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
