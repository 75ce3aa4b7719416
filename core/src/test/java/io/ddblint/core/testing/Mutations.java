package io.ddblint.core.testing;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;

/**
 * Random edits of valid inputs, for the parsers' property tests: the inputs a parser gets wrong are near-valid ones,
 * one character deleted, inserted or replaced here and there.
 */
public final class Mutations {

    private Mutations() {
    }

    /** Seeds with one to six edits each, the inserted and replacing characters drawn from the alphabet. */
    public static Arbitrary<String> of(List<String> seeds, String alphabet) {
        Arbitrary<List<int[]>> edits = Combinators.combine(
                        Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 10_000),
                        Arbitraries.integers().between(0, alphabet.length() - 1))
                .as((op, at, ch) -> new int[] {op, at, ch})
                .list().ofMinSize(1).ofMaxSize(6);
        return Combinators.combine(Arbitraries.of(seeds), edits).as((seed, e) -> apply(seed, e, alphabet));
    }

    /** Applies edits: 0 deletes a character, 1 inserts one from the alphabet, 2 replaces one. */
    private static String apply(String seed, List<int[]> edits, String alphabet) {
        StringBuilder b = new StringBuilder(seed);
        for (int[] e : edits) {
            int at = b.isEmpty() ? 0 : e[1] % (b.length() + (e[0] == 1 ? 1 : 0));
            char c = alphabet.charAt(e[2]);
            if (e[0] == 1) {
                b.insert(at, c);
            } else if (!b.isEmpty() && at < b.length()) {
                if (e[0] == 0) {
                    b.deleteCharAt(at);
                } else {
                    b.setCharAt(at, c);
                }
            }
        }
        return b.toString();
    }

    /** {@code part} repeated and cut to exactly {@code length} characters. */
    public static String repeat(String part, int length) {
        return part.repeat(length / part.length() + 1).substring(0, length);
    }
}
