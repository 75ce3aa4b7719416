package io.ddblint.core.model;

import java.util.Objects;

/** A secondary index of a table: its name (case-sensitive, as DynamoDB compares it), kind and key. */
public record IndexDefinition(String name, Kind kind, KeySchema keys) {

    public enum Kind {
        GLOBAL, LOCAL
    }

    public IndexDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(keys, "keys");
    }

    public boolean isGlobal() {
        return kind == Kind.GLOBAL;
    }
}
