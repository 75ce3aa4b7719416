package io.ddblint.core.partiql;

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
 * The PartiQL parser's promises, for any input: it never throws, every error offset lies inside the statement, and
 * its time grows linearly (100,000-character inputs, deep nesting).
 */
class PartiQlParserPropertiesTest {

    private static final List<String> SEEDS = List.of(
            "SELECT * FROM \"orders\" WHERE pk = ? AND sk BETWEEN 1 AND 9",
            "SELECT a, b.c FROM \"orders\".\"byStatus\" WHERE \"status\" IN ['A', 'B'] OR NOT begins_with(sk, ?)",
            "UPDATE \"orders\" SET total = total + ? REMOVE note WHERE pk = ? RETURNING ALL NEW *",
            "DELETE FROM orders WHERE pk = ? AND x IS NOT MISSING",
            "INSERT INTO \"orders\" VALUE {'pk': ?, 'list': [1, 2, {'a': <<'x'>>}]}");

    private static final String ALPHABET = "SELECT FROM WHERE AND OR NOT IN ab\"'?*=<>!()[]{},.;:-09 \t\n\u0000é";

    @Property(tries = 2000)
    void neverThrowsOnArbitraryStrings(@ForAll("arbitrary") String text) {
        assertWellFormed(text);
    }

    @Property(tries = 3000)
    void neverThrowsOnMutatedStatements(@ForAll("mutated") String text) {
        assertWellFormed(text);
    }

    @Property(tries = 30)
    void hugeInputsParseInLinearTime(@ForAll("huge") String text) {
        long start = System.nanoTime();
        assertWellFormed(text);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Linear work on 100k characters is a few milliseconds; a quadratic step would take minutes.
        assertThat(millis).as("parse of %d characters", text.length()).isLessThan(2_000);
    }

    @Property(tries = 20)
    void deepNestingEndsThePlainWay(@ForAll @IntRange(min = 1, max = 50_000) int depth) {
        assertWellFormed("SELECT * FROM t WHERE " + "(".repeat(depth) + "a = 1" + ")".repeat(depth));
        assertWellFormed("SELECT * FROM t WHERE " + "NOT ".repeat(depth) + "a = 1");
        assertWellFormed("SELECT * FROM t WHERE a = " + "size(".repeat(depth) + "b" + ")".repeat(depth));
        assertWellFormed("INSERT INTO t VALUE " + "[".repeat(depth) + "]".repeat(depth));
        assertWellFormed("SELECT * FROM t WHERE a" + "[0]".repeat(depth) + " = 1");
    }

    private static void assertWellFormed(String text) {
        Statement s = PartiQlParser.parse(text);
        assertThat(s.text()).isEqualTo(text);
        if (s.error() != null) {
            assertThat(s.error().offset()).isBetween(0, text.length());
            assertThat(s.where()).isNull();
        }
        for (int offset : s.parameters()) {
            assertThat(text.charAt(offset)).isEqualTo('?');
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
                Arbitraries.just("SELECT * FROM t WHERE " + Mutations.repeat("a = ? AND ", n) + "b = 1"),
                Arbitraries.just("SELECT * FROM t WHERE a IN [" + Mutations.repeat("?, ", n) + "1]"),
                Arbitraries.just("SELECT " + Mutations.repeat("a.b, ", n) + "c FROM t"),
                Arbitraries.just("INSERT INTO t VALUE {" + Mutations.repeat("'a': [1], ", n) + "'b': 2}"),
                Arbitraries.just("SELECT * FROM t WHERE " + "(".repeat(n / 2) + ")".repeat(n / 2)),
                Arbitraries.just("SELECT * FROM t WHERE a = '" + Mutations.repeat("x''", n)),
                Arbitraries.just(Mutations.repeat("\"", n)));
    }
}
