package io.ddblint.core.facts;

import java.util.List;

/**
 * A string-valued expression of the user's code, kept symbolically so that constants declared in other files can be
 * folded after every file was read (the link step). Rules ask the model for the value; they never evaluate these.
 */
public sealed interface SymbolicString {

    /** The code as written (whitespace-normalized), for messages. */
    String text();

    /** A literal or text block. */
    record Literal(String value, String text) implements SymbolicString {
    }

    /**
     * A reference to a field, resolved at link time against the project's constants.
     *
     * @param owners candidate declaring types (fully qualified), tried in order: the enclosing class chain for a
     *               simple name, the static-import owners, then supertypes
     */
    record FieldRef(List<String> owners, String name, String text) implements SymbolicString {
        public FieldRef {
            owners = List.copyOf(owners);
        }
    }

    /** {@code a + b + ...} of string parts. */
    record Concat(List<SymbolicString> parts, String text) implements SymbolicString {
        public Concat {
            parts = List.copyOf(parts);
        }
    }

    /** One of several values: a conditional expression, or a local variable assigned in several places. */
    record Choice(List<SymbolicString> options, String text) implements SymbolicString {
        public Choice {
            options = List.copyOf(options);
        }
    }

    /**
     * A value not known statically. As a whole request property it becomes a {@link Value.Unknown} ({@link
     * Value#of(SymbolicString)}); here it stands for a part (of a concatenation, say).
     *
     * @param origin why it is unknown: useful to rules that care how a string was built (injection)
     */
    record Unknown(Origin origin, String text) implements SymbolicString {
    }

    enum Origin {
        /** A method or lambda parameter. */
        PARAMETER,
        /** A method call result, including {@code String.format}, {@code formatted}, {@code StringBuilder}. */
        CALL,
        /** Anything else: a non-final field, an array element, ... */
        OTHER
    }
}
