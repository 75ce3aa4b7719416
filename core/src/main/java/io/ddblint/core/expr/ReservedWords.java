package io.ddblint.core.expr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * DynamoDB's published reserved words (573, case-insensitive), copied from the developer guide into
 * {@code reserved-words.txt}. The published list is the contract, also where DynamoDB Local is more lenient
 * ({@code CONVERT}, {@code SIZE}).
 */
public final class ReservedWords {

    private static final Set<String> WORDS = load();

    private ReservedWords() {
    }

    /** True for a reserved word or a grammar keyword, in any case. */
    public static boolean isReserved(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        return WORDS.contains(upper) || Lexer.KEYWORDS.contains(upper);
    }

    public static int size() {
        return WORDS.size();
    }

    private static Set<String> load() {
        try (InputStream in = ReservedWords.class.getResourceAsStream("reserved-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("reserved-words.txt is missing from the core jar");
            }
            Set<String> words = new HashSet<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.strip().toUpperCase(Locale.ROOT));
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
