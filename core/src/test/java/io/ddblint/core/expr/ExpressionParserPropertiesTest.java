package io.ddblint.core.expr;

import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.testing.Mutations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parser's two promises, for any input: it never throws, and its time grows linearly. Inputs are arbitrary
 * strings, valid expressions with random edits (the shapes a parser gets wrong), and 100,000-character strings
 * including deep nesting.
 */
class ExpressionParserPropertiesTest {

    private static final List<String> SEEDS = List.of(
            "#s = :v AND a.b[0].#c <> :w",
            "NOT (a < :x OR size(b) >= :n) AND c BETWEEN :lo AND :hi",
            "a IN (:a, :b) OR begins_with(#n, :p) OR attribute_type(t, :ty)",
            "pk = :pk AND begins_with(sk, :prefix)",
            "a, b.c, d[1], #e.f[2][3]",
            "SET a = :v, b = b + :one, c = list_append(if_not_exists(c, :e), :i) REMOVE d ADD n :one DELETE s :m");

    /** Characters the grammar gives a meaning, plus a few it does not: where edits hurt most. */
    private static final String ALPHABET = "ab#:_09 ()[].,=<>+-NOTANDORINBETWEENSETREMOVE\t\n;\"'é\u0000";

    @Property(tries = 2000)
    void neverThrowsOnArbitraryStrings(@ForAll("arbitrary") String text, @ForAll ExpressionKind kind) {
        assertWellFormed(kind, text);
    }

    @Property(tries = 3000)
    void neverThrowsOnMutatedExpressions(@ForAll("mutated") String text, @ForAll ExpressionKind kind) {
        assertWellFormed(kind, text);
    }

    @Property(tries = 30)
    void hugeInputsParseInLinearTime(@ForAll("huge") String text, @ForAll ExpressionKind kind) {
        long start = System.nanoTime();
        assertWellFormed(kind, text);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Linear work on 100k characters is a few milliseconds; a quadratic step would take minutes.
        assertThat(millis).as("parse of %d characters", text.length()).isLessThan(2_000);
    }

    @Property(tries = 25)
    void deepNestingEndsThePlainWay(@ForAll @IntRange(min = 1, max = 50_000) int depth, @ForAll ExpressionKind kind) {
        assertWellFormed(kind, "(".repeat(depth) + "a = :v" + ")".repeat(depth));
        assertWellFormed(kind, "NOT ".repeat(depth) + "a = :v");
        assertWellFormed(kind, "size(".repeat(depth) + "a" + ")".repeat(depth) + " > :n");
        assertWellFormed(kind, "a" + "[0]".repeat(depth));
    }

    private static void assertWellFormed(ExpressionKind kind, String text) {
        ParsedExpression parsed = ExpressionParser.parse(kind, text);
        assertThat(parsed.root() == null).isEqualTo(parsed.error() != null);
        if (parsed.error() != null) {
            assertThat(parsed.error().offset()).isBetween(0, text.length());
        }
        for (ExpressionChecks.Problem p : ExpressionChecks.check(parsed)) {
            assertThat(p.start()).isBetween(0, text.length());
            assertThat(p.end()).isBetween(p.start(), text.length());
        }
    }

    @Provide
    Arbitrary<String> arbitrary() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(200));
    }

    @Provide
    Arbitrary<String> mutated() {
        return Mutations.of(SEEDS, ALPHABET);
    }

    @Provide
    Arbitrary<String> huge() {
        int n = 100_000;
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofLength(n),
                Arbitraries.of(SEEDS).map(s -> Mutations.repeat(s + " AND ", n)),
                Arbitraries.of(SEEDS).map(s -> Mutations.repeat(s + ", ", n)),
                Arbitraries.just(Mutations.repeat("a.b", n)),
                Arbitraries.just(Mutations.repeat("a IN (", n)),
                Arbitraries.just("(".repeat(n / 2) + ")".repeat(n / 2)),
                Arbitraries.just("SET " + Mutations.repeat("a = :v, ", n) + "b = :w"),
                Arbitraries.just("a IN (" + Mutations.repeat(":v, ", n) + ":w)"),
                Arbitraries.just(Mutations.repeat("#", n)));
    }
}
