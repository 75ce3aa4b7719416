package io.ddblint.core.facts;

import java.util.Set;
import java.util.TreeSet;

/**
 * The keys of an attribute name or value map of a request.
 *
 * @param keys     the constant keys seen
 * @param complete true when every key of the map is statically known (rules that check placeholders only trust
 *                 complete sets)
 */
public record KeySet(Set<String> keys, boolean complete) {

    public static final KeySet ABSENT = new KeySet(Set.of(), true);
    public static final KeySet UNKNOWN = new KeySet(Set.of(), false);

    public KeySet {
        keys = Set.copyOf(new TreeSet<>(keys));
    }
}
