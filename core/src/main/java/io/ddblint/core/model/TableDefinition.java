package io.ddblint.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One source's description of one table, before sources are merged: a {@code CreateTableRequest}, an entity class
 * bound to a table name, a template resource, a configured table.
 *
 * @param indexes the secondary indexes this source mentions; a source may leave out indexes another lists
 */
public record TableDefinition(String name, KeySchema keys, List<IndexDefinition> indexes, ModelSource source) {

    public TableDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(source, "source");
        indexes = List.copyOf(indexes);
    }
}
