package io.ddblint.core.facts;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DynamoDB's own verdict on a constant {@link ConstantValue}, where it can be decided statically: a value with no
 * data type or with several, an empty set, a set holding an element twice, a number DynamoDB cannot read or store.
 * The texts are DynamoDB's ValidationException texts (as dynalite reproduces them), so rules can quote them.
 */
public final class ConstantValueProblems {

    private static final String INVALID = "One or more parameter values were invalid: ";

    private ConstantValueProblems() {
    }

    /** The first problem of a map's values, in key order, as DynamoDB words it ({@code ... for key :v}). */
    public static Optional<String> first(AttributeMap map) {
        for (Map.Entry<String, ConstantValue> e : map.entries().entrySet()) {
            Optional<String> p = of(e.getValue());
            if (p.isPresent()) {
                return Optional.of(p.get() + " for key " + e.getKey());
            }
        }
        return Optional.empty();
    }

    /** A value's first problem; nested list and map values are checked too. */
    public static Optional<String> of(ConstantValue value) {
        if (value instanceof ConstantValue.Untyped u) {
            return Optional.of(u.types().isEmpty()
                    ? "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"
                    : "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the "
                    + "supported datatypes");
        }
        if (value instanceof ConstantValue.Scalar s && s.type() == ConstantValue.Type.N && s.text() != null) {
            return number(s.text());
        }
        if (value instanceof ConstantValue.SetOf set && set.elements() != null) {
            return set(set.type(), set.elements());
        }
        if (value instanceof ConstantValue.ListOf l && l.elements() != null) {
            return l.elements().stream().map(ConstantValueProblems::of).flatMap(Optional::stream).findFirst();
        }
        if (value instanceof ConstantValue.MapOf m) {
            return m.entries().entries().values().stream().map(ConstantValueProblems::of).flatMap(Optional::stream)
                    .findFirst();
        }
        return Optional.empty();
    }

    /** A number DynamoDB cannot read, or cannot store (more than 38 significant digits, out of range). */
    public static Optional<String> number(String text) {
        if (text.isEmpty()) {
            return Optional.of("The parameter cannot be converted to a numeric value");
        }
        Optional<BigDecimal> n = AttributeOrder.number(text);
        if (n.isEmpty()) {
            return Optional.of("The parameter cannot be converted to a numeric value: " + text);
        }
        int exponent = AttributeOrder.exponent(n.get());
        if (exponent > 125) {
            return Optional.of("Number overflow. Attempting to store a number with magnitude larger than supported "
                    + "range");
        }
        if (exponent < -130) {
            return Optional.of("Number underflow. Attempting to store a number with magnitude smaller than supported "
                    + "range");
        }
        if (AttributeOrder.significantDigits(n.get()) > 38) {
            return Optional.of("Attempting to store more than 38 significant digits in a Number");
        }
        return Optional.empty();
    }

    private static Optional<String> set(ConstantValue.Type type, List<String> elements) {
        if (elements.isEmpty()) {
            return Optional.of(switch (type) {
                case SS -> INVALID + "An string set  may not be empty";
                case NS -> INVALID + "An number set  may not be empty";
                default -> INVALID + "Binary sets should not be empty";
            });
        }
        if (type == ConstantValue.Type.NS) {
            for (String e : elements) {
                Optional<String> p = number(e);
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        Set<Object> seen = new HashSet<>();
        for (String e : elements) {
            // Numbers are compared as DynamoDB stores them: 1, 1.0 and 1e0 are one number.
            Object key = type == ConstantValue.Type.NS
                    ? AttributeOrder.number(e).orElseThrow().stripTrailingZeros() : e;
            if (!seen.add(key)) {
                return Optional.of(switch (type) {
                    case SS -> INVALID + "Input collection " + elements + " contains duplicates.";
                    case NS -> "Input collection contains duplicates";
                    default -> INVALID + "Input collection " + elements + "of type BS contains duplicates.";
                });
            }
        }
        return Optional.empty();
    }
}
