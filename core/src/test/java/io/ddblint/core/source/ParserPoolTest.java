package io.ddblint.core.source;

import com.github.javaparser.Problem;
import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.facts.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ParserPoolTest {

    @TempDir
    Path dir;

    private ParserPool.Parsed parse(String source) throws IOException {
        Path file = dir.resolve("A.java");
        Files.writeString(file, source);
        try (ParserPool pool = new ParserPool(1)) {
            return pool.parse(new SourceFile(file, "A.java", dir, SourceKind.MAIN));
        }
    }

    @Test
    void modernSyntaxParsesWithPositions() throws IOException {
        ParserPool.Parsed p = parse("record P(int x) { int m(Object o) { return switch (o) { "
                + "case String s when s.isEmpty() -> 1; default -> { yield 2; } }; } }");
        assertThat(p.ok()).isTrue();
        assertThat(p.unit().getBegin()).isPresent();
    }

    @Test
    void java8UnderscoreIdentifiersStillParse() throws IOException {
        assertThat(parse("class A { Object _ = null; Object f() { return _; } }").ok()).isTrue();
    }

    @Test
    void java22UnnamedVariablesAndPatternsParse() throws IOException {
        ParserPool.Parsed p = parse("""
                class A {
                    record P(int x, int y) {}
                    int m(java.util.List<String> l, Object o) {
                        int n = 0;
                        for (var _ : l) { n++; }
                        try { n++; } catch (RuntimeException _) { n--; }
                        java.util.function.Consumer<String> c = _ -> {};
                        return o instanceof P(int x, _) ? x : switch (o) { case P(_, var y) -> y; default -> n; };
                    }
                }
                """);
        assertThat(p.ok()).isTrue();
    }

    @Test
    void syntaxBeyondTheNewestLevelSaysSoWithoutJavaParsersApiAdvice() {
        Problem problem = new Problem("Module imports are not supported Pay attention that this feature is supported "
                + "starting from 'JAVA_26' language level. If you need that feature the language level must be "
                + "configured in the configuration before parsing the source files.", null, null);
        assertThat(ParserPool.describe(problem)).isEqualTo("Module imports are not supported (newer than Java 25)");
    }

    @Test
    void syntaxErrorsBecomeAProblemWithAPosition() throws IOException {
        ParserPool.Parsed p = parse("class A {\n  void f( {\n}\n");
        assertThat(p.ok()).isFalse();
        assertThat(p.problem().kind()).isEqualTo(AnalysisProblem.Kind.PARSE_ERROR);
        assertThat(p.problem().range().line()).isEqualTo(2);
        assertThat(p.problem().message()).startsWith("syntax error");
    }

    @Test
    void deeplyNestedCodeIsAProblemNotACrash() throws IOException {
        String deep = "\"x\" + ".repeat(20_000) + "\"x\"";
        ParserPool.Parsed p = parse("class A { String s = " + deep + "; }");
        // Either the 64 MB worker stack copes, or the overflow is reported: never a crash.
        assertThat(p.ok() || p.problem().message().contains("nested")).isTrue();
    }
}
