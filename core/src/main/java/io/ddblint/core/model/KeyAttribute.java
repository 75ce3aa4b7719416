package io.ddblint.core.model;

import java.util.Objects;

/**
 * One key attribute of a table or index.
 *
 * @param name the attribute name as DynamoDB stores it (after {@code @DynamoDbAttribute} renames)
 * @param type the DynamoDB scalar type, {@code S}, {@code N} or {@code B}; null when the source does not say
 */
public record KeyAttribute(String name, String type) {

    public KeyAttribute {
        Objects.requireNonNull(name, "name");
    }

    public static KeyAttribute untyped(String name) {
        return new KeyAttribute(name, null);
    }

    @Override
    public String toString() {
        return type == null ? name : name + " (" + type + ")";
    }
}
