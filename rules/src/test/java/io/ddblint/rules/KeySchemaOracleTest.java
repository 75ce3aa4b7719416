package io.ddblint.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.facts.AttributeMap;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ConstantValue;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.facts.PositionalKey;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DDB-M004's verdicts on the keys and items of the m004 fixtures against dynalite's key and item validation (the
 * checks its GetItem, DeleteItem, UpdateItem and PutItem run), with the fixtures' table schemas. Only keys and items
 * the code builds whole are sent (every entry constant-named and typed); an incomplete map is not judged by the rule
 * either. Index names and key conditions are not part of this check.
 */
class KeySchemaOracleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fixtures' tables, as model/OrdersSchema and m004/KeySchemas create them. */
    private static final Map<String, Map<String, Object>> TABLES = Map.of(
            "orders", table(List.of("customerId", "orderId"), Map.of("customerId", "S", "orderId", "S",
                    "storeId", "S", "createdAt", "S"), Map.of("byStore", List.of("storeId", "createdAt"))),
            "m004-sessions", table(List.of("sessionId"), Map.of("sessionId", "S"), Map.of()),
            "m004-events", table(List.of("deviceId", "ts"), Map.of("deviceId", "S", "ts", "N", "type", "S"),
                    Map.of("byType", List.of("type"))));

    private static Map<String, Object> table(List<String> keys, Map<String, String> types,
                                             Map<String, List<String>> indexes) {
        List<Object> definitions = new ArrayList<>();
        types.forEach((name, type) -> definitions.add(Map.of("AttributeName", name, "AttributeType", type)));
        List<Object> gsis = new ArrayList<>();
        indexes.forEach((name, k) -> gsis.add(Map.of("IndexName", name, "KeySchema", schema(k))));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("AttributeDefinitions", definitions);
        t.put("KeySchema", schema(keys));
        t.put("GlobalSecondaryIndexes", gsis);
        return t;
    }

    private static List<Object> schema(List<String> keys) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            out.add(Map.of("AttributeName", keys.get(i), "KeyType", i == 0 ? "HASH" : "RANGE"));
        }
        return out;
    }

    @Test
    void everyWholeKeyAndItemOfTheFixturesAgreesWithTheOracle() throws Exception {
        AnalysisResult result = FixtureExpectationsTest.analyze(List.of());
        List<String> lines = new ArrayList<>();
        List<CallSite> judged = new ArrayList<>();
        for (CallSite site : result.callSites()) {
            if (!site.path().contains("/fixtures/m004/")) {
                continue;
            }
            Optional<String> table = site.request().tableName().known()
                    .map(s -> s instanceof io.ddblint.core.facts.SymbolicString.Literal l ? l.value() : null);
            if (table.isEmpty() || !TABLES.containsKey(table.get())) {
                continue;
            }
            Optional<Map<String, Object>> value = Optional.empty();
            String kind = "key";
            if (site.operation() == Operation.PUT_ITEM) {
                kind = "item";
                value = site.request().item().known().flatMap(KeySchemaOracleTest::whole);
            } else if (site.operation() == Operation.GET_ITEM || site.operation() == Operation.DELETE_ITEM
                    || site.operation() == Operation.UPDATE_ITEM) {
                value = site.request().key().known().flatMap(KeySchemaOracleTest::whole)
                        .or(() -> site.request().positionalKey().known().flatMap(k -> positional(k, table.get())));
            }
            if (value.isPresent()) {
                lines.add(JSON.writeValueAsString(Map.of("kind", kind, "table", TABLES.get(table.get()),
                        "value", value.get())));
                judged.add(site);
            }
        }
        List<String> answers = ask(lines);
        List<String> disagreements = new ArrayList<>();
        int rejected = 0;
        for (int i = 0; i < judged.size(); i++) {
            CallSite site = judged.get(i);
            boolean reported = result.findings().stream().anyMatch(f -> f.ruleId().equals("DDB-M004")
                    && f.path().equals(site.path()) && f.range().line() == site.range().line());
            String answer = answers.get(i);
            rejected += answer != null ? 1 : 0;
            if (reported != (answer != null)) {
                disagreements.add(site.path() + ":" + site.range().line() + " ddb-lint "
                        + (reported ? "rejects" : "accepts") + ", oracle " + (answer == null ? "accepts" : answer));
            }
        }
        System.out.printf("Key schema oracle, fixtures: %d keys and items sent, %d rejected by the oracle, "
                + "%d disagreements%n", judged.size(), rejected, disagreements.size());
        assertThat(judged).hasSizeGreaterThanOrEqualTo(12);
        assertThat(rejected).isGreaterThanOrEqualTo(8);
        assertThat(disagreements).isEmpty();
    }

    /** A map the code builds whole, every value typed, in DynamoDB's JSON. */
    private static Optional<Map<String, Object>> whole(AttributeMap map) {
        if (!map.complete() || map.entries().values().stream().anyMatch(v -> v.dataType().isEmpty())) {
            return Optional.empty();
        }
        Map<String, Object> out = new TreeMap<>();
        map.entries().forEach((k, v) -> out.put(k, ExpressionOracleTest.wire(v)));
        return Optional.of(out);
    }

    /** An enhanced key named as the table names its key attributes. */
    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> positional(PositionalKey key, String table) {
        List<Map<String, String>> schema = (List<Map<String, String>>) TABLES.get(table).get("KeySchema");
        List<ConstantValue> values = new ArrayList<>();
        values.add(key.partition());
        if (key.sort() != null) {
            values.add(key.sort());
        }
        if (values.stream().anyMatch(v -> v.dataType().isEmpty()) || values.size() > schema.size()) {
            // a sort value for a table without sort key has no attribute name to go by: not sent
            return Optional.empty();
        }
        Map<String, Object> out = new TreeMap<>();
        for (int i = 0; i < values.size(); i++) {
            out.put(schema.get(i).get("AttributeName"), ExpressionOracleTest.wire(values.get(i)));
        }
        return Optional.of(out);
    }

    private static List<String> ask(List<String> lines) throws Exception {
        ExpressionOracle.start().close();
        Path source = Path.of(System.getProperty("ddblint.oracle.source", "src/test/oracle"));
        Path work = Path.of(System.getProperty("ddblint.oracle.work", "target/expression-oracle"));
        Files.copy(source.resolve("keys.js"), work.resolve("keys.js"), StandardCopyOption.REPLACE_EXISTING);
        Process p = new ProcessBuilder("node", "keys.js").directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = p.getOutputStream()) {
            for (String line : lines) {
                in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        List<String> answers = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                var error = JSON.readTree(line).get("error");
                answers.add(error == null || error.isNull() ? null : error.asText());
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        assertThat(answers).hasSameSizeAs(lines);
        return answers;
    }
}
