package io.ddblint.core.facts;

import java.util.Set;
import java.util.TreeSet;

/**
 * The keys of the attribute name or value maps a request sets (whether it sets one is the {@link Value} around it).
 *
 * @param keys     the constant keys seen
 * @param complete true when every key of the map is statically known (rules that check placeholders only trust
 *                 complete sets)
 */
public record KeySet(Set<String> keys, boolean complete) {

    /** A map set, none of whose keys is known. */
    public static final KeySet UNKNOWN = new KeySet(Set.of(), false);

    public KeySet {
        keys = Set.copyOf(new TreeSet<>(keys));
    }
}
