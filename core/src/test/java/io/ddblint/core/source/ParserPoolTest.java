package io.ddblint.core.source;

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
