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

    /**
     * A request map's keys when every one of them is known: an absent map has none; a map that is unknown, not seen,
     * or holds keys the analysis cannot read gives nothing, so placeholder checks stay silent on it.
     */
    public static java.util.Optional<KeySet> allKnown(Value<KeySet> map) {
        if (map instanceof Value.Absent<KeySet>) {
            return java.util.Optional.of(new KeySet(Set.of(), true));
        }
        return map.known().filter(KeySet::complete);
    }
}
