package io.ddblint.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A table of the project's model: every source that describes one table name, merged.
 *
 * @param keys      the table's key; on a conflicting table, the first source's (rules stay silent on those)
 * @param sources   every source that describes the table, in path and line order
 * @param conflicts the disagreements between sources, in words; empty when the sources agree (DDB-M005)
 */
public record Table(String name, KeySchema keys, List<IndexDefinition> globalSecondaryIndexes,
                    List<IndexDefinition> localSecondaryIndexes, List<ModelSource> sources, List<String> conflicts) {

    public Table {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keys, "keys");
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
        localSecondaryIndexes = List.copyOf(localSecondaryIndexes);
        sources = List.copyOf(sources);
        conflicts = List.copyOf(conflicts);
    }

    /** Whether sources disagree about this table; no rule but DDB-M005 judges a conflicting table. */
    public boolean conflicting() {
        return !conflicts.isEmpty();
    }

    /** Every secondary index, GSIs first. */
    public List<IndexDefinition> indexes() {
        return Stream.concat(globalSecondaryIndexes.stream(), localSecondaryIndexes.stream()).toList();
    }

    /** The index of this name (case-sensitive, as DynamoDB compares index names). */
    public Optional<IndexDefinition> index(String indexName) {
        return indexes().stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    /** The source findings about the table are reported at: the first in path and line order. */
    public ModelSource primarySource() {
        return sources.get(0);
    }

    /** The attribute's type wherever the table or one of its indexes names it as a key, or null. */
    public String attributeType(String attribute) {
        return Stream.concat(Stream.of(keys), indexes().stream().map(IndexDefinition::keys))
                .flatMap(k -> k.attributes().stream())
                .filter(a -> a.name().equals(attribute) && a.type() != null)
                .map(KeyAttribute::type).findFirst().orElse(null);
    }
}
