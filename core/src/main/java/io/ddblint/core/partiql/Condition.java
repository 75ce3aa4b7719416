package io.ddblint.core.partiql;

import java.util.List;

/** A WHERE condition, structured as far as rules need it: which attributes it pins, and how. */
public sealed interface Condition {

    record Or(List<Condition> options) implements Condition {
        public Or {
            options = List.copyOf(options);
        }
    }

    record And(List<Condition> terms) implements Condition {
        public And {
            terms = List.copyOf(terms);
        }
    }

    record Not(Condition inner) implements Condition {
    }

    /** {@code left op right}, op one of {@code = <> != < <= > >=}. */
    record Comparison(Operand left, String operator, Operand right) implements Condition {
    }

    /** {@code operand IN [a, b]} or {@code IN (a, b)}. */
    record In(Operand operand, List<Operand> options) implements Condition {
        public In {
            options = List.copyOf(options);
        }
    }

    record Between(Operand operand, Operand low, Operand high) implements Condition {
    }

    /** A function used as a condition: {@code begins_with(a, ?)}, {@code contains(a, ?)}, {@code exists(...)}. */
    record Function(String name, List<Operand> arguments) implements Condition {
        public Function {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code a IS [NOT] MISSING}, {@code IS [NOT] NULL}, ... */
    record Is(Operand operand, boolean negated, String what) implements Condition {
    }

    /** An operand standing alone as a condition (a boolean attribute, {@code TRUE}). */
    record Bare(Operand operand) implements Condition {
    }

    /** What stands on either side of an operator. */
    sealed interface Operand {
    }

    /**
     * A document path.
     *
     * @param root   its first attribute name, unquoted
     * @param nested whether it goes deeper ({@code a.b}, {@code a[0]})
     */
    record Path(String root, boolean nested, String text) implements Operand {
    }

    /** A {@code ?} parameter. */
    record Parameter(int offset) implements Operand {
    }

    /** A string, number, boolean, null, list, tuple or document value written in the statement. */
    record Literal(String text) implements Operand {
    }

    /** A function call used as a value ({@code size(a)}). */
    record Call(String name, List<Operand> arguments) implements Operand {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }
}
