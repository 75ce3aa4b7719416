package io.ddblint.core.expr;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A constant {@code :value} as DynamoDB receives it: its type ({@code S}, {@code N}, {@code B}, {@code BOOL},
 * {@code NULL}, {@code SS}, {@code NS}, {@code BS}, {@code L}, {@code M}) and, for the scalar types, its text (a
 * binary as base64, as on the wire). Expression checks that depend on values (BETWEEN order, operand types, a key's
 * type) read these; rules build them from the facts' constant AttributeValues ({@code core.facts.ConstantValue},
 * which also carries lists, maps and set contents these checks do not need).
 *
 * @param text the scalar's text; null for the other types
 */
public record ConstantValue(String type, String text) {

    public ConstantValue {
        Objects.requireNonNull(type, "type");
    }

    public static ConstantValue s(String text) {
        return new ConstantValue("S", text);
    }

    public static ConstantValue n(String text) {
        return new ConstantValue("N", text);
    }

    /** A binary from its bytes. */
    public static ConstantValue b(byte[] bytes) {
        return new ConstantValue("B", Base64.getEncoder().encodeToString(bytes));
    }

    public static ConstantValue of(String type) {
        return new ConstantValue(type, null);
    }

    /** Whether DynamoDB orders values of this type (keys, BETWEEN bounds, {@code <}): S, N and B. */
    public boolean ordered() {
        return text != null && (type.equals("S") || type.equals("N") || type.equals("B"));
    }

    /**
     * DynamoDB's order of two values of one ordered type: numbers numerically, strings by the unsigned bytes of their
     * UTF-8 encoding, binaries by unsigned bytes. {@link String#compareTo} compares UTF-16 code units instead, which
     * puts U+FF61 before U+1F600 where DynamoDB puts it after. Empty when the types differ, a type is not ordered or a
     * number does not parse (DynamoDB rejects it elsewhere).
     */
    public static Optional<Integer> compare(ConstantValue a, ConstantValue b) {
        if (!a.ordered() || !b.ordered() || !a.type.equals(b.type)) {
            return Optional.empty();
        }
        switch (a.type) {
            case "N" -> {
                try {
                    return Optional.of(Integer.signum(new BigDecimal(a.text.trim()).compareTo(
                            new BigDecimal(b.text.trim()))));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
            case "S" -> {
                return Optional.of(unsigned(a.text.getBytes(StandardCharsets.UTF_8),
                        b.text.getBytes(StandardCharsets.UTF_8)));
            }
            default -> {
                try {
                    return Optional.of(unsigned(Base64.getDecoder().decode(a.text), Base64.getDecoder().decode(b.text)));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
    }

    private static int unsigned(byte[] a, byte[] b) {
        return Integer.signum(java.util.Arrays.compareUnsigned(a, b));
    }

    /** How DynamoDB's messages show a value: {@code AttributeValue: {N:5}}. */
    public String describe() {
        return "AttributeValue: {" + type + ":" + (text == null ? "..." : text) + "}";
    }
}
