package io.ddblint.core.facts;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A map of attribute names (or {@code :value} placeholders) to {@link ConstantValue}s, as far as it is statically
 * known: a key map, an item, the ExpressionAttributeValues of a request.
 *
 * @param entries  the entries with a constant name that every path through the code puts, sorted by name
 * @param complete true when these are all the map's entries: none has a non-constant name, none is put only on some
 *                 paths (under an {@code if}, in a loop) and the map is not handed to other code before the call
 */
public record AttributeMap(Map<String, ConstantValue> entries, boolean complete) {

    /** A map none of whose entries is known. */
    public static final AttributeMap UNKNOWN = new AttributeMap(Map.of(), false);

    public AttributeMap {
        entries = java.util.Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    public Optional<ConstantValue> get(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** The map's keys as the placeholder checks read them. */
    public KeySet keySet() {
        return new KeySet(entries.keySet(), complete);
    }
}
