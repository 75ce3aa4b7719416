package io.ddblint.core.engine;

import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.Finding;
import io.ddblint.core.rule.RuleRegistry;
import io.ddblint.core.testing.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.ddblint.core.testing.TestRules.repo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** A rule that throws anything the JVM can still recover from is a problem on that rule and file; the run goes on. */
class RuleFailureTest {

    private static final String FILE = "src/main/java/a/Repo.java";
    private static final String BODY = """
                void first() { ddb.scan(s -> s.tableName("t")); }
                void second() { ddb.scan(s -> s.tableName("t")); }
            """;

    @TempDir
    Path dir;

    static Stream<Arguments> recoverable() {
        return Stream.of(
                Arguments.of("a RuntimeException", (Runnable) () -> {
                    throw new IllegalStateException("boom");
                }, "java.lang.IllegalStateException: boom"),
                Arguments.of("a real stack overflow", (Runnable) () -> TestRules.recurse(0),
                        "java.lang.StackOverflowError"),
                Arguments.of("an AssertionError", (Runnable) () -> {
                    throw new AssertionError("unreachable");
                }, "java.lang.AssertionError: unreachable"),
                Arguments.of("a LinkageError", (Runnable) () -> {
                    throw new NoClassDefFoundError("com/acme/Missing");
                }, "java.lang.NoClassDefFoundError: com/acme/Missing"),
                Arguments.of("an ExceptionInInitializerError", (Runnable) () -> {
                    throw new ExceptionInInitializerError("static init");
                }, "java.lang.ExceptionInInitializerError: static init"));
    }

    private AnalysisResult analyze(TestRules.Throws throwing) throws IOException {
        TestRules.write(dir, Map.of(FILE, repo(BODY)));
        RuleRegistry rules = RuleRegistry.of(List.of(throwing, new TestRules.Scans()));
        return new Analyzer(rules).analyze(AnalysisRequest.of(dir, List.of(dir), false));
    }

    @ParameterizedTest(name = "{0} at a call site")
    @MethodSource("recoverable")
    void aThrowingRuleIsAProblemOnItsCallSiteAndTheRunGoesOn(String kind, Runnable failure, String cause)
            throws IOException {
        AnalysisResult r = analyze(new TestRules.Throws(failure, false));

        assertThat(r.problems()).extracting(AnalysisProblem::kind, AnalysisProblem::path, p -> p.range().line(),
                AnalysisProblem::message).containsExactly(tuple(AnalysisProblem.Kind.ANALYSIS_ERROR, FILE, 7,
                "rule DDB-A001 failed: " + cause));
        // The failing rule still visits the next call site, and the rule after it runs on every call site.
        assertThat(r.findings()).extracting(Finding::ruleId, f -> f.range().line())
                .containsExactly(tuple("DDB-P001", 7), tuple("DDB-A001", 8), tuple("DDB-P001", 8));
    }

    @ParameterizedTest(name = "{0} in visitModel")
    @MethodSource("recoverable")
    void aRuleThrowingInVisitModelIsAProblemAndTheRunGoesOn(String kind, Runnable failure, String cause)
            throws IOException {
        AnalysisResult r = analyze(new TestRules.Throws(failure, true));

        assertThat(r.problems()).extracting(AnalysisProblem::path, AnalysisProblem::message)
                .containsExactly(tuple(null, "rule DDB-A001 failed: " + cause));
        assertThat(r.findings()).extracting(Finding::ruleId, f -> f.range().line())
                .containsExactly(tuple("DDB-A001", 7), tuple("DDB-P001", 7), tuple("DDB-A001", 8),
                        tuple("DDB-P001", 8));
    }

    @Test
    void outOfMemoryEndsTheRun() {
        TestRules.Throws throwing = new TestRules.Throws(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, false);

        assertThatThrownBy(() -> analyze(throwing)).isInstanceOf(OutOfMemoryError.class)
                .hasMessage("Java heap space");
    }
}
