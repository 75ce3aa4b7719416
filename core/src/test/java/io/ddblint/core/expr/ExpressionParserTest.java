package io.ddblint.core.expr;

import io.ddblint.core.facts.ExpressionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.ddblint.core.facts.ExpressionKind.FILTER;
import static io.ddblint.core.facts.ExpressionKind.KEY_CONDITION;
import static io.ddblint.core.facts.ExpressionKind.PROJECTION;
import static io.ddblint.core.facts.ExpressionKind.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

class ExpressionParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FILTER|#s = :v",
            "FILTER|a.b[0].#c <> :v AND NOT (x < :y OR size(z) >= :n)",
            "FILTER|a BETWEEN :lo AND :hi",
            "FILTER|a IN (:a, :b, :c)",
            "FILTER|begins_with(#n, :p) and attribute_exists(q)",
            "FILTER|(a) = :v",
            "FILTER|a = (:v) AND size((b)) > :n AND NOT (NOT c = :v)",
            "FILTER|a BETWEEN a AND :v AND begins_with(:v, a)",
            "FILTER|contains(tags, :t) OR attribute_type(a, :type)",
            "KEY_CONDITION|pk = :pk AND begins_with(sk, :prefix)",
            "PROJECTION|a, b.c, d[1], #e.f[2][3]",
            "UPDATE|SET a = :v, b = b + :one, c = list_append(if_not_exists(c, :empty), :items) REMOVE d, e[0] "
                    + "ADD n :one DELETE s :members",
            "UPDATE|set a = if_not_exists(a, :zero) - :one",
    })
    void parsesValidExpressions(ExpressionKind kind, String text) {
        ParsedExpression parsed = ExpressionParser.parse(kind, text);
        assertThat(parsed.error()).isNull();
        assertThat(parsed.root()).isNotNull();
        assertThat(ExpressionChecks.check(parsed)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "FILTER|a = |<EOF>",
            "FILTER|a = :v AND|<EOF>",
            "FILTER|a|<EOF>",
            "FILTER|a == :v|=",
            "FILTER|a BETWEEN :x OR :y|OR",
            "FILTER|a IN :x|:x",
            "PROJECTION|a,,b|,",
            "PROJECTION|a.[0]|[",
            "UPDATE|a = :v|a",
            "UPDATE|SET a :v|:v",
            "UPDATE|SET a = b + c + d|+",
            "FILTER|a + b = :v|+",
            "FILTER|a = :v ;|;",
            "FILTER|NOT NOT a = :v|NOT",
            "UPDATE|ADD a b|b",
            "UPDATE|SET a = list_append(a, b + :v)|+",
    })
    void reportsTheOffendingToken(ExpressionKind kind, String text, String token) {
        ParsedExpression parsed = ExpressionParser.parse(kind, text);
        assertThat(parsed.error()).isNotNull();
        assertThat(parsed.error().token()).isEqualTo(token);
        assertThat(parsed.error().message()).startsWith("Syntax error; token: \"" + token + "\"");
    }

    @Test
    void keepsPositionsPlaceholdersAndPaths() {
        ParsedExpression parsed = ExpressionParser.parse(FILTER, "#st = :s AND a.b[2] > :n");
        assertThat(parsed.namePlaceholders()).extracting(Node.Name::text, Node.Name::start)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("#st", 0));
        assertThat(parsed.values()).extracting(Node.Value::name, Node.Value::start)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(":s", 6),
                        org.assertj.core.groups.Tuple.tuple(":n", 22));
        assertThat(parsed.paths()).extracting(Node.Path::text).containsExactly("#st", "a.b[2]");
        assertThat(parsed.bareNames()).extracting(Node.Name::text).containsExactly("a", "b");
    }

    @Test
    void theReservedWordListIsThePublishedOne() {
        assertThat(ReservedWords.size()).isEqualTo(573);
        assertThat(ReservedWords.isReserved("Status")).isTrue();
        assertThat(ReservedWords.isReserved("remove")).as("a grammar keyword the list omits").isTrue();
        assertThat(ReservedWords.isReserved("orderId")).isFalse();
    }

    @Test
    void grammarKeywordsAsNamesAreSyntaxErrorsMarkedAsReservedWords() {
        ParsedExpression parsed = ExpressionParser.parse(UPDATE, "SET remove = :v");
        assertThat(parsed.error().keywordAsName()).isTrue();
        assertThat(parsed.error().message()).isEqualTo("Syntax error; token: \"remove\", near: \"SET remove =\"");
        assertThat(categories(FILTER, "a = :v AND status = :s")).containsExactly(
                ExpressionChecks.Category.RESERVED_WORD);
        assertThat(categories(FILTER, "#status = :s")).isEmpty();
        assertThat(categories(FILTER, "size(a) > :n")).isEmpty();
    }

    @Test
    void findsWhatDynamoDbRejectsInAParsedExpression() {
        assertThat(categories(FILTER, "")).containsExactly(ExpressionChecks.Category.EMPTY);
        assertThat(categories(FILTER, "((a = :v))")).containsExactly(
                ExpressionChecks.Category.REDUNDANT_PARENTHESES);
        assertThat(categories(FILTER, "(a = :v)")).isEmpty();
        assertThat(categories(FILTER, "BEGINS_WITH(a, :p)")).containsExactly(ExpressionChecks.Category.FUNCTION);
        assertThat(categories(FILTER, "begins_with(a)")).containsExactly(ExpressionChecks.Category.OPERANDS);
        assertThat(categories(FILTER, "attribute_exists(:v)")).containsExactly(ExpressionChecks.Category.OPERANDS);
        assertThat(categories(FILTER, "size(a)")).containsExactly(ExpressionChecks.Category.FUNCTION);
        assertThat(categories(FILTER, "begins_with(a, :p) = :t")).containsExactly(
                ExpressionChecks.Category.FUNCTION);
        assertThat(categories(UPDATE, "SET a = size(b)")).containsExactly(ExpressionChecks.Category.FUNCTION);
        assertThat(categories(PROJECTION, "a, a.b")).containsExactly(ExpressionChecks.Category.OVERLAPPING_PATHS);
        assertThat(categories(PROJECTION, "a.b, a[0]")).containsExactly(
                ExpressionChecks.Category.OVERLAPPING_PATHS);
        assertThat(categories(PROJECTION, "a.b, a.c, a[0].b")).containsExactly(
                ExpressionChecks.Category.OVERLAPPING_PATHS);
        assertThat(categories(PROJECTION, "a.b, a.c, #a")).isEmpty();
        assertThat(categories(KEY_CONDITION, "pk = :p")).isEmpty();
        assertThat(categories(FILTER, "((a)) = :v")).containsExactly(
                ExpressionChecks.Category.REDUNDANT_PARENTHESES);
        assertThat(categories(FILTER, "a.b = a.b")).containsExactly(ExpressionChecks.Category.OPERANDS);
        assertThat(categories(FILTER, "contains(a, (a))")).containsExactly(ExpressionChecks.Category.OPERANDS);
        assertThat(categories(UPDATE, "SET a = :v SET b = :v")).containsExactly(ExpressionChecks.Category.CLAUSE);
        assertThat(categories(UPDATE, "SET a[0] = :v REMOVE a.b")).containsExactly(
                ExpressionChecks.Category.OVERLAPPING_PATHS);
        assertThat(categories(UPDATE, "SET a = :v, b = a REMOVE c")).isEmpty();
    }

    @Test
    void countsLimitsAtTheirBoundaries() {
        assertThat(categories(FILTER, "a IN (" + values(100) + ")")).isEmpty();
        assertThat(categories(FILTER, "a IN (" + values(101) + ")")).containsExactly(
                ExpressionChecks.Category.IN_OPERANDS);
        assertThat(categories(PROJECTION, "a" + ".b".repeat(31))).isEmpty();
        assertThat(categories(PROJECTION, "a" + ".b".repeat(32))).containsExactly(
                ExpressionChecks.Category.PATH_DEPTH);
        // 150 comparisons joined by 149 ANDs: 299 operators; one more comparison makes 301.
        assertThat(categories(FILTER, conjunction(150))).isEmpty();
        assertThat(categories(FILTER, conjunction(151))).containsExactly(
                ExpressionChecks.Category.TOO_MANY_OPERATORS);
        String padded = "a = :v" + " ".repeat(4090);
        assertThat(categories(FILTER, padded)).isEmpty();
        assertThat(categories(FILTER, padded + " ")).containsExactly(ExpressionChecks.Category.TOO_LONG);
    }

    private static String values(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append(":v").append(i);
        }
        return b.toString();
    }

    private static String conjunction(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " AND ").append("a").append(i).append(" = :v");
        }
        return b.toString();
    }

    private static List<ExpressionChecks.Category> categories(ExpressionKind kind, String text) {
        return ExpressionChecks.check(ExpressionParser.parse(kind, text)).stream()
                .map(ExpressionChecks.Problem::category).toList();
    }
}
