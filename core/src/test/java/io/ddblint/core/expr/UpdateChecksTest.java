package io.ddblint.core.expr;

import io.ddblint.core.facts.ExpressionKind;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class UpdateChecksTest {

    private static final Map<String, ConstantValue> VALUES = Map.of(":s", ConstantValue.s("x"),
            ":n", ConstantValue.n("1"), ":ss", ConstantValue.of("SS"), ":l", ConstantValue.of("L"),
            ":b", ConstantValue.of("BOOL"));

    private static Optional<String> check(String text) {
        return UpdateChecks.operandTypes(ExpressionParser.parse(ExpressionKind.UPDATE, text), VALUES)
                .map(ExpressionChecks.Problem::message);
    }

    @Test
    void rejectsOperandsOfTheWrongType() {
        assertThat(check("ADD a :s")).contains("Incorrect operand type for operator or function; operator: ADD, "
                + "operand type: STRING");
        assertThat(check("DELETE a :n")).contains("Incorrect operand type for operator or function; operator: "
                + "DELETE, operand type: NUMBER");
        assertThat(check("SET a = a + :s")).contains("Incorrect operand type for operator or function; operator or "
                + "function: +, operand type: S");
        assertThat(check("SET a = list_append(a, :b)")).contains("Incorrect operand type for operator or function; "
                + "operator or function: list_append, operand type: BOOL");
        assertThat(check("SET a = if_not_exists(a, :n) - :l")).isPresent();
    }

    @Test
    void acceptsOperandsOfTheRightTypeAndUnknownValues() {
        assertThat(check("ADD a :n, b :ss DELETE c :ss SET d = d + :n, e = list_append(:l, e), f = :s")).isEmpty();
        assertThat(check("ADD a :unknown SET b = b + :other")).isEmpty();
    }
}
