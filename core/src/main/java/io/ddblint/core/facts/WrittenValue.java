package io.ddblint.core.facts;

/**
 * What the code writes into one attribute, as far as it can be read statically: the key-value evidence of
 * DDB-M001. Read while the AST is alive; constants from other files are folded at link time.
 */
public sealed interface WrittenValue {

    /**
     * A string (or number) expression: a constant, a choice between constants, or built from parts the model may
     * not know ({@code "USER#" + id}).
     */
    record Text(SymbolicString value) implements WrittenValue {
    }

    /**
     * An enum value ({@code Status.ACTIVE}, {@code status.name()}).
     *
     * @param enumType  the enum, fully qualified
     * @param constant  the constant written, or null when only the type is known ({@code status.name()})
     * @param text      {@code Keys.NS} read as a string constant, for when the type turns out to be no enum; else null
     */
    record EnumValue(String enumType, String constant, SymbolicString text) implements WrittenValue {
    }

    /**
     * A value derived from the current date or time truncated to a coarse unit: {@code LocalDate.now()},
     * {@code Instant.now().truncatedTo(ChronoUnit.DAYS)}, a date formatted without time of day.
     *
     * @param unit {@code day}, {@code hour}, {@code month} or {@code year}
     */
    record DateTime(String unit) implements WrittenValue {
    }

    /** Anything else: a parameter, a call result, an id. */
    record Other() implements WrittenValue {
    }
}
