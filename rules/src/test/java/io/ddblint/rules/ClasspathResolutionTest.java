package io.ddblint.rules;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.Finding;
import io.ddblint.core.rule.RuleRegistry;
import io.ddblint.core.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client type that lives in a library jar (here: a company-wide wrapper interface extending DynamoDbClient) can
 * only be recognised with the user's classpath. Without it the analysis stays silent.
 */
class ClasspathResolutionTest {

    @TempDir
    Path dir;

    @Test
    void libraryWrapperOfTheClientIsMatchedOnlyWithTheClasspath() throws IOException {
        Path jar = compileLibrary();
        Path src = dir.resolve("app/src/main/java/app/Service.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package app;
                import com.acme.ddb.OrdersClient;
                class Service {
                    private final OrdersClient client;
                    Service(OrdersClient client) { this.client = client; }
                    Object all() { return client.scan(b -> b.tableName("orders")); }
                    Object text() { return client.describe(); }
                }
                """);
        Path app = dir.resolve("app");
        Analyzer analyzer = new Analyzer(RuleRegistry.loadDefault());

        AnalysisResult without = analyzer.analyze(AnalysisRequest.of(app, List.of(app), false));
        assertThat(without.findings()).isEmpty();
        // Nothing in the file names DynamoDB, so without the library's jar it cannot matter and is not parsed.
        assertThat(without.stats().filesParsed()).isZero();

        List<Path> classpath = new ArrayList<>(Fixtures.testClasspath());
        classpath.add(jar);
        AnalysisResult with = analyzer.analyze(AnalysisRequest.of(app, List.of(app), false).withClasspath(classpath));
        assertThat(with.findings()).extracting(Finding::ruleId, f -> f.range().line())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DDB-P001", 6));
        assertThat(with.findings().get(0).message()).contains("table 'orders'");
        assertThat(with.stats().unresolvedReceivers()).isZero();
    }

    @Test
    void genericReceiversAreTypedByTheFullSolverWithTheClasspath() throws IOException {
        Path src = dir.resolve("gen/src/main/java/app/Jobs.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package app;
                import java.util.function.Supplier;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                class Jobs {
                    private final Supplier<DynamoDbClient> clients;
                    Jobs(Supplier<DynamoDbClient> clients) { this.clients = clients; }
                    Object all() { return clients.get().scan(b -> b.tableName("jobs")); }
                }
                """);
        Path app = dir.resolve("gen");
        Analyzer analyzer = new Analyzer(RuleRegistry.loadDefault());

        AnalysisResult without = analyzer.analyze(AnalysisRequest.of(app, List.of(app), false));
        assertThat(without.findings()).isEmpty();
        assertThat(without.stats().unresolvedReceivers()).isEqualTo(1);

        AnalysisResult with = analyzer.analyze(AnalysisRequest.of(app, List.of(app), false)
                .withClasspath(Fixtures.testClasspath()));
        assertThat(with.findings()).extracting(Finding::ruleId, f -> f.range().line())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DDB-P001", 7));
        assertThat(with.stats().unresolvedReceivers()).isZero();
    }

    /** Compiles {@code com.acme.ddb.OrdersClient extends DynamoDbClient} against the real SDK into a jar. */
    private Path compileLibrary() throws IOException {
        Path libSrc = dir.resolve("lib/com/acme/ddb/OrdersClient.java");
        Files.createDirectories(libSrc.getParent());
        Files.writeString(libSrc, """
                package com.acme.ddb;
                public interface OrdersClient extends software.amazon.awssdk.services.dynamodb.DynamoDbClient {
                    default String describe() { return "orders"; }
                }
                """);
        Path classes = dir.resolve("lib-classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String cp = Fixtures.testClasspath().stream().map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator));
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", cp, libSrc.toString());
        assertThat(status).isZero();
        Path jar = dir.resolve("acme-ddb.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                jos.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                jos.write(Files.readAllBytes(f));
                jos.closeEntry();
            }
        }
        return jar;
    }
}
