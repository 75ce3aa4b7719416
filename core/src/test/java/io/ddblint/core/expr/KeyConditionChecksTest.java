package io.ddblint.core.expr;

import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.model.KeyAttribute;
import io.ddblint.core.model.KeySchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KeyConditionChecksTest {

    private static final KeySchema COMPOSITE = new KeySchema(new KeyAttribute("pk", "S"), new KeyAttribute("sk", "N"));
    private static final KeySchema HASH_ONLY = new KeySchema(new KeyAttribute("pk", "S"), null);

    private static KeyConditionChecks.Outcome check(String text) {
        return KeyConditionChecks.check(ExpressionParser.parse(ExpressionKind.KEY_CONDITION, text), Map.of(),
                Map.of());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pk <> :v|Invalid operator used in KeyConditionExpression: <>",
            "pk = :v OR sk = :w|Invalid operator used in KeyConditionExpression: OR",
            "pk = :v AND NOT sk = :w|Invalid operator used in KeyConditionExpression: NOT",
            "pk IN (:v, :w)|Invalid operator used in KeyConditionExpression: IN",
            "pk = :v AND contains(sk, :w)|Invalid operator used in KeyConditionExpression: contains",
            "pk = :v AND attribute_exists(sk)|Invalid operator used in KeyConditionExpression: attribute_exists",
            "pk = :v AND size(sk) > :n|KeyConditionExpressions cannot contain nested operations",
            "pk = :v AND pk = :w|KeyConditionExpressions must only contain one condition per key",
            "#k = :v AND #k > :w|KeyConditionExpressions must only contain one condition per key",
            "pk.a = :v|KeyConditionExpressions cannot have conditions on nested attributes",
            "pk = sk|Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition",
            ":v = :w|Invalid condition in KeyConditionExpression: No key attribute specified",
            ":v BETWEEN sk AND :w|Invalid condition in KeyConditionExpression: BETWEEN operator must have the key "
                    + "attribute as its first operand",
            "begins_with(:v, sk)|Invalid condition in KeyConditionExpression: begins_with operator must have the key "
                    + "attribute as its first operand",
            "a = :v AND b = :v AND c = :v|Conditions can be of length 1 or 2 only",
    })
    void rejectsWhatDynamoDbRejects(String text, String message) {
        assertThat(check(text).problem()).map(ExpressionChecks.Problem::message).contains(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pk = :v",
            "pk = :v AND sk BETWEEN :a AND :b",
            "(pk = :v) AND (begins_with(sk, :p))",
            ":v = pk AND :w < sk",
            "#pk = :v AND #sk >= :w",
    })
    void acceptsKeyConditions(String text) {
        KeyConditionChecks.Outcome outcome = check(text);
        assertThat(outcome.problem()).isEmpty();
        assertThat(outcome.conditions()).isNotEmpty();
    }

    @Test
    void aReversedComparisonIsReadWithTheKeyOnTheLeft() {
        assertThat(check(":v = pk AND :w < sk").conditions()).extracting(KeyConditionChecks.Condition::operator)
                .containsExactly("=", ">");
    }

    @Test
    void thePartitionKeyNeedsAnEquality() {
        assertThat(partitionEquality("begins_with(pk, :v)")).isPresent();
        assertThat(partitionEquality("pk > :v AND sk < :w")).isPresent();
        assertThat(partitionEquality("pk = :v AND sk < :w")).isEmpty();
        assertThat(partitionEquality("sk < :w AND pk = :v")).isEmpty();
    }

    private static Optional<ExpressionChecks.Problem> partitionEquality(String text) {
        return KeyConditionChecks.partitionEquality(check(text).conditions(), 0, text.length());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "COMPOSITE|sk = :w|Query condition missed key schema element: pk",
            "COMPOSITE|pk = :v AND other = :w|Query condition missed key schema element: sk",
            "COMPOSITE|other = :w|Query condition missed key schema element: pk",
            "COMPOSITE|begins_with(pk, :v)|Query key condition not supported",
            "COMPOSITE|pk > :v AND sk = :w|Query key condition not supported",
            "HASH_ONLY|pk = :v AND sk = :w|Query key condition not supported",
            "HASH_ONLY|pk < :v|Query key condition not supported",
    })
    void rejectsConditionsAtOddsWithTheKeySchema(String schema, String text, String message) {
        KeySchema keys = schema.equals("COMPOSITE") ? COMPOSITE : HASH_ONLY;
        assertThat(KeyConditionChecks.schema(check(text).conditions(), keys, Map.of(), 0, 0))
                .map(ExpressionChecks.Problem::message).contains(message);
    }

    @Test
    void acceptsConditionsOnTheKeysAndStaysSilentOnUnknownNames() {
        assertThat(KeyConditionChecks.schema(check("pk = :v").conditions(), COMPOSITE, Map.of(), 0, 0)).isEmpty();
        assertThat(KeyConditionChecks.schema(check("pk = :v AND sk BETWEEN :a AND :b").conditions(), COMPOSITE,
                Map.of(), 0, 0)).isEmpty();
        assertThat(KeyConditionChecks.schema(check("pk = :v AND #x = :w").conditions(), HASH_ONLY, Map.of(), 0, 0))
                .isEmpty();
        List<KeyConditionChecks.Condition> resolved = KeyConditionChecks.check(
                ExpressionParser.parse(ExpressionKind.KEY_CONDITION, "#p = :v AND #x = :w"),
                Map.of("#p", "pk", "#x", "other"), Map.of()).conditions();
        assertThat(KeyConditionChecks.schema(resolved, COMPOSITE, Map.of(), 0, 0))
                .map(ExpressionChecks.Problem::message).contains("Query condition missed key schema element: sk");
    }

    @Test
    void betweenBoundsFollowDynamoDbsOrderWhenValuesAreKnown() {
        ParsedExpression e = ExpressionParser.parse(ExpressionKind.KEY_CONDITION, "pk = :p AND sk BETWEEN :lo AND :hi");
        assertThat(KeyConditionChecks.check(e, Map.of(), Map.of(":lo", ConstantValue.n("10"),
                ":hi", ConstantValue.n("9"))).problem()).map(ExpressionChecks.Problem::message)
                .contains("Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater "
                        + "than or equal to lower bound; lower bound operand: AttributeValue: {N:10}, upper bound "
                        + "operand: AttributeValue: {N:9}");
        // "9" > "10" as text, but not as numbers.
        assertThat(KeyConditionChecks.check(e, Map.of(), Map.of(":lo", ConstantValue.n("9"),
                ":hi", ConstantValue.n("10"))).problem()).isEmpty();
        // String.compareTo puts U+FF61 after U+1F600; DynamoDB's UTF-8 order puts it before.
        assertThat(KeyConditionChecks.check(e, Map.of(), Map.of(":lo", ConstantValue.s("\uFF61"),
                ":hi", ConstantValue.s("\uD83D\uDE00"))).problem()).isEmpty();
        assertThat(KeyConditionChecks.check(e, Map.of(), Map.of(":lo", ConstantValue.s("\uD83D\uDE00"),
                ":hi", ConstantValue.s("\uFF61"))).problem()).isPresent();
        assertThat(KeyConditionChecks.check(e, Map.of(), Map.of(":lo", ConstantValue.s("a"),
                ":hi", ConstantValue.n("1"))).problem()).map(ExpressionChecks.Problem::message)
                .hasValueSatisfying(m -> assertThat(m).contains("requires same data type"));
    }

    @Test
    void aValueOfAnotherTypeThanTheKeysIsRejected() {
        List<KeyConditionChecks.Condition> conditions = check("pk = :v AND sk > :w").conditions();
        assertThat(KeyConditionChecks.schema(conditions, COMPOSITE, Map.of(":v", ConstantValue.s("a"),
                ":w", ConstantValue.s("1")), 0, 0)).map(ExpressionChecks.Problem::message)
                .contains("One or more parameter values were invalid: Condition parameter type does not match "
                        + "schema type");
        assertThat(KeyConditionChecks.schema(conditions, COMPOSITE, Map.of(":v", ConstantValue.s("a"),
                ":w", ConstantValue.n("1")), 0, 0)).isEmpty();
    }
}
