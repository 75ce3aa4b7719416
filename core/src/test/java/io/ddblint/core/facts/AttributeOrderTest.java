package io.ddblint.core.facts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class AttributeOrderTest {

    @Test
    void numbersCompareNumericallyWhateverTheirSpelling() {
        assertThat(AttributeOrder.compare(ConstantValue.Type.N, "10", "9")).contains(1);
        assertThat(AttributeOrder.compare(ConstantValue.Type.N, "1.0", "1")).contains(0);
        assertThat(AttributeOrder.compare(ConstantValue.Type.N, "1e2", "100")).contains(0);
        assertThat(AttributeOrder.compare(ConstantValue.Type.N, "-5", "-10")).contains(1);
        assertThat(AttributeOrder.compare(ConstantValue.Type.N, "abc", "1")).isEmpty();
    }

    @Test
    void stringsCompareByUtf8BytesNotByUtf16Units() {
        String supplementary = "\uD83D\uDE00"; // U+1F600, a surrogate pair in Java
        String privateUse = "\uE000";
        // Java's compareTo puts the surrogate (0xD83D) below 0xE000; DynamoDB's UTF-8 bytes (F0.. vs EE..) above.
        assertThat(supplementary.compareTo(privateUse)).isNegative();
        assertThat(AttributeOrder.STRINGS.compare(supplementary, privateUse)).isPositive();
        assertThat(AttributeOrder.STRINGS.compare("a", "b")).isNegative();
        assertThat(AttributeOrder.STRINGS.compare("Z", "a")).isNegative();
        assertThat(AttributeOrder.STRINGS.compare("ab", "a")).isPositive();
        assertThat(AttributeOrder.STRINGS.compare("é", "z")).isPositive();
    }

    @Test
    void bytesCompareUnsigned() {
        assertThat(AttributeOrder.compareBytes(new byte[] {(byte) 0x80}, new byte[] {0x7f})).isPositive();
        assertThat(AttributeOrder.compareBytes(new byte[] {1}, new byte[] {1, 0})).isNegative();
    }

    @Test
    void numbersAsDynamoDbReadsThem() {
        assertThat(AttributeOrder.number("12.50")).contains(new BigDecimal("12.50"));
        assertThat(AttributeOrder.number(".5")).isPresent();
        assertThat(AttributeOrder.number("1E+5")).isPresent();
        assertThat(AttributeOrder.number("+1")).isEmpty();
        assertThat(AttributeOrder.number("1,5")).isEmpty();
        assertThat(AttributeOrder.number("")).isEmpty();
        assertThat(AttributeOrder.number(" 1")).isEmpty();
        assertThat(AttributeOrder.number("1e99999999999")).isEmpty();
        assertThat(AttributeOrder.significantDigits(new BigDecimal("0012.3400"))).isEqualTo(4);
        assertThat(AttributeOrder.significantDigits(new BigDecimal("1" + "0".repeat(50)))).isEqualTo(1);
        assertThat(AttributeOrder.significantDigits(new BigDecimal("1".repeat(39)))).isEqualTo(39);
        assertThat(AttributeOrder.exponent(new BigDecimal("1e125"))).isEqualTo(125);
        assertThat(AttributeOrder.exponent(new BigDecimal("0.05"))).isEqualTo(-2);
    }
}
