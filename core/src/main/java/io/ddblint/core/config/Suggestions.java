package io.ddblint.core.config;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for misspelled keys: the closest valid key by edit distance, when it is close enough. */
final class Suggestions {

    private Suggestions() {
    }

    /** The text {@code " (did you mean 'x'?)"}, or an empty string when no candidate is plausibly meant. */
    static String didYouMean(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        // A third of the length, at least 2: catches typos and swapped letters, not unrelated words.
        int allowed = Math.max(2, typed.length() / 3);
        return best != null && bestDistance <= allowed ? " (did you mean '" + best + "'?)" : "";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
