package io.ddblint.core.expr;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConstantValueTest {

    @Test
    void numbersCompareNumericallyNotAsText() {
        assertThat(ConstantValue.compare(ConstantValue.n("9"), ConstantValue.n("10"))).contains(-1);
        assertThat(ConstantValue.compare(ConstantValue.n("-1"), ConstantValue.n("-10"))).contains(1);
        assertThat(ConstantValue.compare(ConstantValue.n("1.50"), ConstantValue.n("1.5"))).contains(0);
        assertThat(ConstantValue.compare(ConstantValue.n("1E2"), ConstantValue.n("99.9"))).contains(1);
    }

    @Test
    void stringsCompareByUnsignedUtf8BytesNotByUtf16Units() {
        // U+FF61 (3 UTF-8 bytes EF BD A1) against U+1F600 (4 bytes F0 9F 98 80): String.compareTo sees the surrogate
        // D83D before FF61; DynamoDB sees EF before F0.
        String halfwidth = "\uFF61";
        String emoji = "\uD83D\uDE00";
        assertThat(halfwidth.compareTo(emoji)).isPositive();
        assertThat(ConstantValue.compare(ConstantValue.s(halfwidth), ConstantValue.s(emoji))).contains(-1);
        // Bytes above 0x7F are unsigned: é (C3 A9) sorts after z (7A).
        assertThat(ConstantValue.compare(ConstantValue.s("é"), ConstantValue.s("z"))).contains(1);
        assertThat(ConstantValue.compare(ConstantValue.s("a"), ConstantValue.s("ab"))).contains(-1);
        assertThat(ConstantValue.compare(ConstantValue.s("B"), ConstantValue.s("a"))).contains(-1);
    }

    @Test
    void binariesCompareByUnsignedBytes() {
        assertThat(ConstantValue.compare(ConstantValue.b(new byte[] {(byte) 0x80}), ConstantValue.b(new byte[] {1})))
                .contains(1);
        assertThat(ConstantValue.compare(ConstantValue.b(new byte[] {1, 2}), ConstantValue.b(new byte[] {1, 2})))
                .contains(0);
    }

    @Test
    void valuesOfOtherOrMixedTypesHaveNoOrder() {
        assertThat(ConstantValue.compare(ConstantValue.s("1"), ConstantValue.n("1"))).isEqualTo(Optional.empty());
        assertThat(ConstantValue.compare(ConstantValue.of("BOOL"), ConstantValue.of("BOOL"))).isEmpty();
        assertThat(ConstantValue.compare(ConstantValue.n("x"), ConstantValue.n("1"))).isEmpty();
    }
}
