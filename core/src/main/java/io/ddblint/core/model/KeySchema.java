package io.ddblint.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The key of a table or index.
 *
 * @param sortKey null for a hash-only table or index
 */
public record KeySchema(KeyAttribute partitionKey, KeyAttribute sortKey) {

    public KeySchema {
        Objects.requireNonNull(partitionKey, "partitionKey");
    }

    public Optional<KeyAttribute> sort() {
        return Optional.ofNullable(sortKey);
    }

    public boolean hasSortKey() {
        return sortKey != null;
    }

    /** The key attributes, partition key first. */
    public List<KeyAttribute> attributes() {
        List<KeyAttribute> all = new ArrayList<>(2);
        all.add(partitionKey);
        if (sortKey != null) {
            all.add(sortKey);
        }
        return all;
    }

    /** The key attribute of this name, if it is one. */
    public Optional<KeyAttribute> attribute(String name) {
        return attributes().stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public boolean isKey(String name) {
        return attribute(name).isPresent();
    }
}
