package io.ddblint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * DynamoDB's verdict on the expression parameters of a request, from dynalite's validation (an Apache-2.0
 * implementation of DynamoDB whose expression parsers reproduce DynamoDB's grammar and ValidationException texts),
 * run in one Node.js process for the whole test class and stopped after it.
 *
 * <p>Why not DynamoDB Local: its licence is the vendor's own terms, and this workplace's registry notes mark it not to
 * be used. dynalite reaches no network at run time; {@code npm ci} fetches it once per clean build.
 */
final class ExpressionOracle implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BufferedWriter in;
    private final BufferedReader out;

    private ExpressionOracle(Process process) {
        this.process = process;
        this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Installs the oracle under {@code ddblint.oracle.work} (once) and starts it. */
    static ExpressionOracle start() throws IOException, InterruptedException {
        Path work = DynaliteServer.install("oracle.js");
        ProcessBuilder pb = new ProcessBuilder("node", "oracle.js").directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        return new ExpressionOracle(pb.start());
    }

    /**
     * DynamoDB's answer to many requests, in order: the ValidationException text, or null when accepted.
     *
     * @param requests each the expression parameters of one request ({@code FilterExpression},
     *                 {@code ExpressionAttributeNames}, ...)
     */
    List<String> verdicts(List<Map<String, Object>> requests) {
        List<String> answers = new ArrayList<>(requests.size());
        try {
            // Written and read in chunks so neither pipe fills while the other side waits.
            int chunk = 200;
            for (int from = 0; from < requests.size(); from += chunk) {
                List<Map<String, Object>> part = requests.subList(from, Math.min(requests.size(), from + chunk));
                for (Map<String, Object> r : part) {
                    in.write(JSON.writeValueAsString(r));
                    in.write('\n');
                }
                in.flush();
                for (int i = 0; i < part.size(); i++) {
                    String line = out.readLine();
                    if (line == null) {
                        throw new IOException("the oracle process ended");
                    }
                    JsonNode error = JSON.readTree(line).get("error");
                    answers.add(error == null || error.isNull() ? null : error.asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return answers;
    }

    @Override
    public void close() throws IOException {
        in.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
