package io.ddblint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Finding;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DDB-C009 against an emulator: the transaction of the fixture {@code c009/Transactions#twoUpdatesOfOneKey} (two
 * updates of one key of "orders") sent to dynalite, started in memory by this test.
 *
 * <p>BLOCKED BY THE EMULATOR: dynalite 4.0.0 does not implement TransactWriteItems and answers
 * {@code UnknownOperationException}, so it cannot confirm the rejection DynamoDB gives
 * ({@code Transaction request cannot include multiple operations on one item}). The test says so rather than
 * pretending: it proves the emulator ran (the table was created) and records its answer; the day the emulator
 * implements the operation, the same test requires it to reject the request with DynamoDB's text.
 */
class InvalidTransactionOracleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MESSAGE = "Transaction request cannot include multiple operations on one item";

    @Test
    void twoUpdatesOfOneItemAreRejectedByDdbLintAndTheEmulatorIsAskedToo() throws Exception {
        AnalysisResult result = FixtureExpectationsTest.analyze(List.of());
        List<Finding> findings = result.findings().stream()
                .filter(f -> f.ruleId().equals("DDB-C009") && f.path().endsWith("c009/Transactions.java")
                        && f.message().contains(MESSAGE) && f.message().contains("update and update"))
                .toList();
        assertThat(findings).hasSize(1);

        Map<String, Object> key = Map.of("customerId", Map.of("S", "c-1"), "orderId", Map.of("S", "o-1"));
        Map<String, Object> request = Map.of(
                "createTable", Map.of("TableName", "orders", "BillingMode", "PAY_PER_REQUEST",
                        "AttributeDefinitions", List.of(
                                Map.of("AttributeName", "customerId", "AttributeType", "S"),
                                Map.of("AttributeName", "orderId", "AttributeType", "S")),
                        "KeySchema", List.of(Map.of("AttributeName", "customerId", "KeyType", "HASH"),
                                Map.of("AttributeName", "orderId", "KeyType", "RANGE"))),
                "transactWriteItems", Map.of("TransactItems", List.of(
                        Map.of("Update", Map.of("TableName", "orders", "Key", key,
                                "UpdateExpression", "SET paid = :t",
                                "ExpressionAttributeValues", Map.of(":t", Map.of("BOOL", true)))),
                        Map.of("Update", Map.of("TableName", "orders", "Key", key,
                                "UpdateExpression", "ADD version :one",
                                "ExpressionAttributeValues", Map.of(":one", Map.of("N", "1")))))));
        JsonNode answer = emulator(JSON.writeValueAsString(request));

        assertThat(answer.get("create").asText()).startsWith("200 ");
        String transaction = answer.get("transaction").asText();
        if (transaction.contains("UnknownOperationException")) {
            System.out.println("DDB-C009 oracle: blocked by the emulator: dynalite answers " + transaction
                    + " to TransactWriteItems; DynamoDB's verdict could not be checked.");
        } else {
            assertThat(transaction).startsWith("400 ").contains(MESSAGE);
        }
    }

    /** Runs {@code transactions.js} in the oracle's installation (made by {@link ExpressionOracle#start()}). */
    private static JsonNode emulator(String request) throws IOException, InterruptedException {
        ExpressionOracle.start().close();
        Path source = Path.of(System.getProperty("ddblint.oracle.source", "src/test/oracle"));
        Path work = Path.of(System.getProperty("ddblint.oracle.work", "target/expression-oracle"));
        Files.copy(source.resolve("transactions.js"), work.resolve("transactions.js"),
                StandardCopyOption.REPLACE_EXISTING);
        Process p = new ProcessBuilder("node", "transactions.js").directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((request + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            line = out.readLine();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        assertThat(line).as("the emulator's answer").isNotNull();
        return JSON.readTree(line);
    }
}
