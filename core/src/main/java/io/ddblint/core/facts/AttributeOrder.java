package io.ddblint.core.facts;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How DynamoDB reads and orders constant values: numbers numerically (as decimals, whatever their spelling:
 * {@code 10 > 9}, {@code 1.0 == 1}, {@code 1e2 == 100}), strings and binaries by their bytes compared unsigned
 * (strings as UTF-8), which is not {@link String#compareTo}: Java compares UTF-16 code units, so a character
 * outside the Basic Multilingual Plane (a surrogate pair, U+D800..) sorts below U+E000..U+FFFF in Java and above
 * them in DynamoDB.
 */
public final class AttributeOrder {

    /** The number syntax DynamoDB takes: an optional minus, digits with an optional point, an optional exponent. */
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** Strings in DynamoDB's order: by UTF-8 bytes, unsigned. */
    public static final Comparator<String> STRINGS = (a, b) -> compareBytes(utf8(a), utf8(b));

    /** Numbers in DynamoDB's order; both must be {@link #number valid numbers}. */
    public static final Comparator<String> NUMBERS = Comparator.comparing(a -> number(a).orElseThrow());

    private AttributeOrder() {
    }

    /** A DynamoDB number's value, or empty when DynamoDB cannot convert the text to a number. */
    public static Optional<BigDecimal> number(String text) {
        if (text == null || !NUMBER.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an exponent beyond int range
        }
    }

    /** The significant digits of a number, leading and trailing zeros not counted (DynamoDB keeps at most 38). */
    public static int significantDigits(BigDecimal n) {
        return n.signum() == 0 ? 1 : n.stripTrailingZeros().precision();
    }

    /**
     * The decimal exponent of a number's first significant digit ({@code 1e125} is 125, {@code 0.5} is -1):
     * DynamoDB stores magnitudes from 1E-130 to below 1E+126.
     */
    public static int exponent(BigDecimal n) {
        if (n.signum() == 0) {
            return 0;
        }
        BigDecimal s = n.stripTrailingZeros();
        return s.precision() - s.scale() - 1;
    }

    /**
     * Two constant values of one type, as DynamoDB orders them: N numerically, S by UTF-8 bytes, B by bytes (the
     * binary's text as UTF-8). Empty when the type has no order or a value is not a valid number.
     */
    public static Optional<Integer> compare(ConstantValue.Type type, String a, String b) {
        return switch (type) {
            case N -> number(a).flatMap(x -> number(b).map(x::compareTo));
            case S, B -> Optional.of(STRINGS.compare(a, b));
            default -> Optional.empty();
        };
    }

    /** Bytes compared as unsigned, shorter first on a common prefix. */
    public static int compareBytes(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c = Integer.compare(a[i] & 0xff, b[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
