package io.ddblint.core.hostile;

import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.Finding;
import io.ddblint.core.baseline.Baseline;
import io.ddblint.core.config.Configuration;
import io.ddblint.core.source.FileBudget;
import io.ddblint.core.testing.Fixtures;
import io.ddblint.core.testing.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Inputs that once ended, stalled or exhausted a run (found by running ddb-lint on real libraries and by a sweep of
 * mutated files). Each must cost at most its own file, reported as a problem, while a healthy file beside it is still
 * analysed. The timeouts here only guard against a hang coming back; they measure nothing.
 */
class HostileInputTest {

    /** A healthy file with one Scan: it must be reported whatever stands beside it. */
    private static final String HEALTHY = TestRules.repo("""
                ScanResponse all() { return ddb.scan(b -> b.tableName("orders")); }
            """);
    private static final Duration NO_HANG = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private AnalysisResult analyze(Map<String, String> sources, List<Path> classpath, Configuration config)
            throws IOException {
        Map<String, String> all = new LinkedHashMap<>(sources);
        all.put("a/Repo.java", HEALTHY);
        TestRules.write(dir, all);
        AnalysisRequest request = AnalysisRequest.of(dir, List.of(dir), false).withClasspath(classpath)
                .withConfiguration(config).withBaseline(Baseline.EMPTY);
        return assertTimeoutPreemptively(NO_HANG, () -> new Analyzer(TestRules.registry()).analyze(request));
    }

    private AnalysisResult analyze(Map<String, String> sources) throws IOException {
        return analyze(sources, List.of(), Configuration.DEFAULTS);
    }

    private static void assertHealthyFileAnalysed(AnalysisResult result) {
        assertThat(result.findings()).extracting(Finding::path).contains("a/Repo.java");
    }

    private static List<String> problems(AnalysisResult result) {
        return result.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
    }

    private static String nested(String open, String middle, String close, int depth) {
        return open.repeat(depth) + middle + close.repeat(depth);
    }

    @Test
    void nestedAnonymousClassesAreRefusedBeforeTheParserStalls() throws IOException {
        String body = nested("new Object() { void m() {\n", "ddb.scan(b -> {});\n", "}};\n", 2_000);
        AnalysisResult result = analyze(Map.of("h/Anon.java", TestRules.repo("void m() {\n" + body + "}\n")));
        assertThat(problems(result)).singleElement().asString()
                .startsWith("h/Anon.java: code is nested").contains("over the limit of 100");
        assertHealthyFileAnalysed(result);
    }

    @Test
    void anonymousClassesNestedPastTheParsersReachAreRefusedEvenWhenShallowOtherwise() throws IOException {
        String body = nested("new Object() { void m() {\n", "ddb.scan(b -> {});\n", "}};\n", 30);
        AnalysisResult result = analyze(Map.of("h/Anon.java", TestRules.repo("void m() {\n" + body + "}\n")));
        assertThat(problems(result)).singleElement().asString()
                .startsWith("h/Anon.java: anonymous classes are nested 30 levels deep");
        assertHealthyFileAnalysed(result);
    }

    @Test
    void nestedLambdasAreRefusedBeforeTheParserStalls() throws IOException {
        String body = "Runnable r = " + nested("() -> { Runnable x = ", "null;", " };", 5_000) + "\n";
        AnalysisResult result = analyze(Map.of("h/Lam.java", TestRules.repo("void m() {\n" + body + "}\n")));
        assertThat(problems(result)).singleElement().asString().startsWith("h/Lam.java: code is nested 5002 levels");
        assertHealthyFileAnalysed(result);
    }

    @Test
    void aHugeSparseFileIsAProblemNotAnOutOfMemoryError() throws IOException {
        Path huge = dir.resolve("h/Huge.java");
        Files.createDirectories(huge.getParent());
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L * 1024 * 1024 * 1024); // sparse: no disk is used
        }
        AnalysisResult result = analyze(Map.of());
        assertThat(problems(result)).containsExactly(
                "h/Huge.java: file is 3.0 GB, over the limit of 1.0 MB (analysis.maxFileSize in ddb-lint.yml); "
                        + "it was not analysed");
        assertHealthyFileAnalysed(result);
    }

    @Test
    void anOversizedFileThatNeverNamesDynamoDbCostsNothingAndSaysNothing() throws IOException {
        String generated = "package g;\nclass Generated {\n    String s = \"" + "x".repeat(2 * 1024 * 1024)
                + "\";\n}\n";
        AnalysisResult result = analyze(Map.of("g/Generated.java", generated));
        assertThat(result.problems()).isEmpty();
        assertHealthyFileAnalysed(result);
    }

    @Test
    void theSizeBoundIsTheUsersToRaise() throws IOException {
        // 1.5 MB, mostly one literal: cheap to parse, so the test measures the bound, not the parser.
        String big = TestRules.repo("String payload = \"" + "x".repeat(1_500_000) + "\";\n"
                + "void m() { ddb.scan(b -> {}); }\n");
        Configuration roomy = Configuration.DEFAULTS.withFileBudget(new FileBudget(4L * 1024 * 1024, 100, Duration.ofSeconds(60)));
        AnalysisResult result = analyze(Map.of("h/Big.java", big.replace("class Repo", "class Big")
                .replace("Repo(DynamoDbClient", "Big(DynamoDbClient")), List.of(), roomy);
        assertThat(result.problems()).isEmpty();
        assertThat(result.findings()).extracting(Finding::path).contains("h/Big.java");
    }

    @Test
    void aFileOverItsTimeBudgetIsAbandonedAndTheRunGoesOn() throws IOException {
        String slow = TestRules.repo("void m() {\n" + "int a = 1;\n".repeat(60_000) + "}\n")
                .replace("class Repo", "class Slow").replace("Repo(DynamoDbClient", "Slow(DynamoDbClient");
        Configuration hasty = Configuration.DEFAULTS.withFileBudget(new FileBudget(FileBudget.DEFAULTS.maxFileBytes(), 100,
                Duration.ofMillis(1)));
        AnalysisResult result = analyze(Map.of("h/Slow.java", slow), List.of(), hasty);
        assertThat(problems(result)).anySatisfy(p -> assertThat(p)
                .startsWith("h/Slow.java: parsing this file took more than 1 ms of CPU time"));
        assertThat(result.problems()).allMatch(p -> p.kind() == AnalysisProblem.Kind.ANALYSIS_ERROR);
    }

    @Test
    void aPipeNamedLikeASourceFileIsAProblemNotABlockedRun() throws Exception {
        Path pipe = dir.resolve("h/Pipe.java");
        Files.createDirectories(pipe.getParent());
        assumeTrue(mkfifo(pipe), "mkfifo is not available here");
        AnalysisResult result = analyze(Map.of());
        assertThat(problems(result)).containsExactly(
                "h/Pipe.java: not a regular file (a pipe, device or directory named like a source file)");
        assertHealthyFileAnalysed(result);

        AnalysisRequest direct = AnalysisRequest.of(dir, List.of(pipe), false);
        AnalysisResult alone = assertTimeoutPreemptively(NO_HANG,
                () -> new Analyzer(TestRules.registry()).analyze(direct));
        assertThat(alone.problems()).extracting(AnalysisProblem::message).containsExactly(
                "not a regular file (a pipe, device or directory named like a source file)");
    }

    @Test
    void cyclicInheritanceAcrossFilesEndsWithTheSolverOn() throws IOException {
        String imports = "package h;\nimport software.amazon.awssdk.services.dynamodb.DynamoDbClient;\n"
                + "import java.util.List;\n";
        Map<String, String> cycle = Map.of(
                "h/A.java", imports + "class A extends B { List<DynamoDbClient> cs;\n"
                        + "  void m() { cs.get(0).scan(x -> {}); helper().scan(x -> {}); get().scan(x -> {}); } }\n",
                "h/B.java", imports + "class B extends C<String> { <T> T helper() { return null; } }\n",
                "h/C.java", imports + "class C<T> extends A implements java.util.function.Supplier<DynamoDbClient> {\n"
                        + "  public DynamoDbClient get() { return null; } }\n",
                "h/I.java", imports + "interface I extends J { }\n",
                "h/J.java", imports + "interface J extends I { DynamoDbClient client(); }\n",
                "h/D.java", imports + "class D extends D { static final String X = Y; static final String Y = X;\n"
                        + "  void n(DynamoDbClient c) { c.scan(b -> b.tableName(X)); } }\n");
        AnalysisResult result = analyze(cycle, Fixtures.testClasspath(), Configuration.DEFAULTS);
        assertThat(result.findings()).extracting(Finding::path).contains("h/D.java");
        assertHealthyFileAnalysed(result);
    }

    @Test
    void aPackageDeeperThanItsDirectoriesNeverSendsTheSolverAboveTheTree() throws IOException {
        Map<String, String> stray = Map.of("Stray.java", "package a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p;\n"
                + "import software.amazon.awssdk.services.dynamodb.DynamoDbClient;\nimport java.util.List;\n"
                + "class Stray { List<DynamoDbClient> cs; void m() { cs.get(0).scan(b -> {}); } }\n");
        AnalysisResult result = analyze(stray, Fixtures.testClasspath(), Configuration.DEFAULTS);
        assertThat(result.problems()).isEmpty();
        assertHealthyFileAnalysed(result);
    }

    private static boolean mkfifo(Path path) {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
