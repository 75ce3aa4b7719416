package io.ddblint.rules;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * dynalite serving DynamoDB's API from memory on a free local port, for tests that check what DynamoDB does at run
 * time. Installed like {@link ExpressionOracle} (the same pinned package, in the same work directory), reached only
 * on 127.0.0.1, stopped by closing its standard input.
 */
final class DynaliteServer implements AutoCloseable {

    private final Process process;
    private final URI endpoint;

    private DynaliteServer(Process process, int port) {
        this.process = process;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    static DynaliteServer start() throws IOException, InterruptedException {
        Path work = install("server.js");
        Process node = new ProcessBuilder("node", "server.js").directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) {
            node.destroyForcibly();
            throw new IOException("dynalite did not start");
        }
        return new DynaliteServer(node, new ObjectMapper().readTree(line).get("port").asInt());
    }

    /**
     * Copies the pinned npm package and the given script into the work directory ({@code ddblint.oracle.work}) and
     * installs dynalite there once per clean build; every test that needs dynalite starts its script from here.
     */
    static Path install(String script) throws IOException, InterruptedException {
        Path source = Path.of(System.getProperty("ddblint.oracle.source", "src/test/oracle"));
        Path work = Path.of(System.getProperty("ddblint.oracle.work", "target/expression-oracle"));
        Files.createDirectories(work);
        for (String file : List.of("package.json", "package-lock.json", script)) {
            Files.copy(source.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.exists(work.resolve("node_modules/dynalite/package.json"))) {
            // --ignore-scripts: dynalite serves from memory-level; its optional native LevelDB binding is not needed.
            Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
                    .directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("npm.log").toFile()).start();
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IOException("npm ci failed in " + work + ": see npm.log there");
            }
        }
        return work;
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
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
