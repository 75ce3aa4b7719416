package io.ddblint.core.model;

import io.ddblint.core.facts.Location;

import java.util.Objects;
import java.util.Set;

/**
 * One value the code writes into an attribute of a table, as the model reads it once constants are folded: the
 * key-value evidence of DDB-M001 and of later rules.
 *
 * @param attribute     the attribute name as stored
 * @param kind          what kind of value it is
 * @param constants     the constant strings it can be ({@link Kind#CONSTANT}: one, or several for a choice), sorted;
 *                      else empty
 * @param enumType      the enum ({@link Kind#ENUM}), fully qualified; else null
 * @param enumConstants how many constants the enum declares ({@link Kind#ENUM}); else 0
 * @param unit          {@code day}, {@code hour}, {@code month} or {@code year} ({@link Kind#DATE}); else null
 * @param location      where the value is written
 * @param code          the value as written, for messages
 */
public record KeyWrite(String attribute, Kind kind, Set<String> constants, String enumType, int enumConstants,
                       String unit, Location location, String code) {

    public enum Kind {
        /** One constant string or number, or a choice between constants. */
        CONSTANT,
        /** A value of an enum the project declares. */
        ENUM,
        /** Derived from the current date or time, truncated to a day, hour, month or year. */
        DATE,
        /** Anything else: computed, read from input, an id; or not followed. */
        OTHER
    }

    public KeyWrite {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        // sorted, so that messages list a choice's values in a stable order
        constants = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(constants));
    }

    /** {@code "NAMESPACE" at src/main/java/com/acme/Repo.java:31}: how messages name the evidence. */
    public String describe() {
        return code + " at " + location.path() + ":" + location.range().line();
    }
}
