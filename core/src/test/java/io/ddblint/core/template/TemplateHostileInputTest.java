package io.ddblint.core.template;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Whatever a file that passed the byte prefilter holds, reading it as a template returns tables, skipped tables and
 * problems: it never throws, never overflows the stack, never multiplies aliases into memory. Inputs are generated
 * from fixed seeds, so a failure reproduces.
 */
class TemplateHostileInputTest {

    private static final String VALID = """
            Resources:
              T:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Sub "orders"
                  AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                  KeySchema: [{AttributeName: pk, KeyType: HASH}]
                  GlobalSecondaryIndexes:
                    - IndexName: g
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
              S:
                Type: AWS::Serverless::SimpleTable
                Properties: {TableName: s, PrimaryKey: {Name: id, Type: String}}
            """;

    private static final String FRAGMENTS = "{}[]:,-!&*|>'\"#\n\t ?%@`\\ \u00e9\u0000\uFEFF";

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(20261206L);
        for (int i = 0; i < 1_000; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            String text = "Resources:\n  AWS::DynamoDB::Table\n" + new String(bytes, StandardCharsets.ISO_8859_1);
            readsSafely(i % 2 == 0 ? "r.yaml" : "r.json", text);
        }
    }

    @Test
    void mutationsOfAValidTemplateNeverThrow() {
        Random random = new Random(7L);
        for (int i = 0; i < 1_500; i++) {
            StringBuilder text = new StringBuilder(VALID);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, FRAGMENTS.charAt(random.nextInt(FRAGMENTS.length())));
                    default -> text.setCharAt(at, FRAGMENTS.charAt(random.nextInt(FRAGMENTS.length())));
                }
            }
            readsSafely("m.yaml", text.toString());
        }
    }

    @Test
    void deepNestingIsAProblemNotACrash() {
        for (String open : List.of("[", "{\"a\": ", "- ")) {
            StringBuilder deep = new StringBuilder("Resources: # AWS::DynamoDB::Table\n  T: ");
            deep.append(open.repeat(open.equals("- ") ? 1 : 20_000));
            if (open.equals("- ")) {
                for (int i = 0; i < 5_000; i++) {
                    deep.append("\n").append(" ".repeat(4 + 2 * i)).append("- ");
                }
            }
            TemplateTables.Result r = readsSafely("deep.yaml", deep.toString());
            assertThat(r.problems()).isNotEmpty();
            TemplateTables.Result json = readsSafely("deep.json", "{\"Resources\": " + "[".repeat(50_000));
            assertThat(json.problems()).isNotEmpty();
        }
    }

    @Test
    void hugeScalarsAndAliasBombsStayBounded() {
        String huge = "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: "
                + "x".repeat(900_000) + "\n      KeySchema: [{AttributeName: pk, KeyType: HASH}]\n";
        assertThat(readsSafely("huge.yaml", huge).problems()).singleElement()
                .satisfies(p -> assertThat(p.range().line()).isEqualTo(5));
        String long60k = huge.replace("x".repeat(900_000), "x".repeat(60_000));
        // Read, and left out: no DynamoDB table name is longer than 255 characters.
        assertThat(readsSafely("long.yaml", long60k).skipped()).singleElement()
                .satisfies(t -> assertThat(t.reason()).contains("is no DynamoDB table name"));
        String minifiedJson = "{\"Resources\": {\"T\": {\"Type\": \"AWS::DynamoDB::Table\", \"Properties\": {"
                + "\"TableName\": \"" + "y".repeat(900_000) + "\", \"KeySchema\": [{\"AttributeName\": \"pk\", "
                + "\"KeyType\": \"HASH\"}]}}}}";
        assertThat(readsSafely("min.json", minifiedJson).skipped()).hasSize(1);

        StringBuilder bomb = new StringBuilder("Resources: # AWS::DynamoDB::Table\n  a0: &a0 [x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 40; i++) {
            bomb.append("  a").append(i).append(": &a").append(i).append(" [");
            bomb.append(String.join(", ", java.util.Collections.nCopies(7, "*a" + (i - 1)))).append("]\n");
        }
        assertThat(readsSafely("bomb.yaml", bomb.toString()).problems()).isNotEmpty();
    }

    @Test
    void everyShapeInEveryPlaceNeverThrows() {
        List<String> shapes = List.of("", "~", "null", "1", "[]", "{}", "[1, [2]]", "{a: {b: c}}", "!Ref x",
                "!If [a, b]", "{Fn::If: [a, b, c]}", "{Ref: x}", "!Sub [a, {b: c}]", "!Join", "!Join [a]",
                "!Join [\"\", x]", "!Join [[a], [b]]", "{Fn::Join: [\"\", [a, !Ref b]]}", "&x y", "!!binary aGk=",
                "[{AttributeName: ~, KeyType: ~}]", "[{AttributeName: [a], KeyType: {b: c}}]", "[~]", "[[a]]");
        List<String> places = List.of("Properties", "TableName", "KeySchema", "AttributeDefinitions",
                "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "PrimaryKey", "IndexName", "AttributeName",
                "KeyType", "Type", "Name");
        List<String> texts = new ArrayList<>();
        for (String shape : shapes) {
            for (String type : List.of("AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable")) {
                texts.add("Resources:\n  T:\n    Type: " + type + "\n    Properties: " + shape + "\n");
                texts.add("Resources: " + shape + "\n# " + type + "\n");
                texts.add("Resources:\n  T: " + shape + "\n# " + type + "\n");
                for (String place : places) {
                    texts.add("Resources:\n  T:\n    Type: " + type + "\n    Properties:\n      TableName: t\n"
                            + "      KeySchema: [{AttributeName: pk, KeyType: HASH}]\n"
                            + "      PrimaryKey: {Name: id, Type: String}\n"
                            + "      GlobalSecondaryIndexes: [{IndexName: g, KeySchema: [{AttributeName: a, "
                            + "KeyType: HASH}]}]\n".replace(place + ": ", place + ": " + shape + "\n#")
                            + "      " + place + ": " + shape + "\n");
                }
            }
        }
        for (String text : texts) {
            readsSafely("shape.yaml", text);
        }
    }

    private static TemplateTables.Result readsSafely(String path, String text) {
        TemplateTables.Result[] result = new TemplateTables.Result[1];
        assertThatCode(() -> result[0] = TemplateTables.parse(path, text)).as(text.length() > 400
                ? text.substring(0, 400) : text).doesNotThrowAnyException();
        result[0].problems().forEach(p -> {
            assertThat(p.path()).isEqualTo(path);
            assertThat(p.message()).doesNotContain("Exception").doesNotContain("\n\tat ");
        });
        return result[0];
    }
}
