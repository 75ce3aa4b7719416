package io.ddblint.core.partiql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PartiQlParserTest {

    @Test
    void selectWithTableIndexAndCondition() {
        Statement s = PartiQlParser.parse(
                "SELECT * FROM \"orders\".\"byStatus\" WHERE \"status\" = ? AND begins_with(sk, 'ORDER#')");
        assertThat(s.error()).isNull();
        assertThat(s.verb()).isEqualTo(Statement.Verb.SELECT);
        assertThat(s.table()).isEqualTo("orders");
        assertThat(s.index()).isEqualTo("byStatus");
        assertThat(s.parameters()).hasSize(1);
        assertThat(s.where()).isInstanceOf(Condition.And.class);
        Condition.And and = (Condition.And) s.where();
        assertThat(and.terms().get(0)).isEqualTo(new Condition.Comparison(
                new Condition.Path("status", false, "\"status\""), "=", new Condition.Parameter(s.parameters().get(0))));
        assertThat(and.terms().get(1)).isInstanceOf(Condition.Function.class);
    }

    @Test
    void selectWithoutWhere() {
        Statement s = PartiQlParser.parse("select id, total from Orders");
        assertThat(s.error()).isNull();
        assertThat(s.table()).isEqualTo("Orders");
        assertThat(s.hasWhere()).isFalse();
        assertThat(s.where()).isNull();
    }

    @Test
    void precedenceOfOrAndNotAndParentheses() {
        Statement s = PartiQlParser.parse("SELECT * FROM t WHERE a = 1 OR b = 2 AND NOT (c = 3 OR d IN [4, 5])");
        assertThat(s.error()).isNull();
        Condition.Or or = (Condition.Or) s.where();
        assertThat(or.options()).hasSize(2);
        Condition.And and = (Condition.And) or.options().get(1);
        assertThat(and.terms().get(1)).isInstanceOf(Condition.Not.class);
        Condition.Or inner = (Condition.Or) ((Condition.Not) and.terms().get(1)).inner();
        assertThat(inner.options().get(1)).isInstanceOf(Condition.In.class);
    }

    @Test
    void betweenInIsAndNestedPaths() {
        Statement s = PartiQlParser.parse("SELECT a FROM t WHERE pk IN (?, ?) AND n NOT BETWEEN 1 AND 9 "
                + "AND a.b[0] IS NOT MISSING AND x <> 'y'");
        assertThat(s.error()).isNull();
        List<Condition> terms = ((Condition.And) s.where()).terms();
        assertThat(terms.get(0)).isInstanceOf(Condition.In.class);
        assertThat(terms.get(1)).isInstanceOf(Condition.Not.class);
        assertThat(terms.get(2)).isEqualTo(new Condition.Is(new Condition.Path("a", true, "a.b[0]"), true,
                "MISSING"));
    }

    @Test
    void updateDeleteAndInsert() {
        Statement update = PartiQlParser.parse(
                "UPDATE \"orders\" SET total = total + 1 SET tags = list_append(tags, ['x']) WHERE pk = ? RETURNING ALL NEW *");
        assertThat(update.error()).isNull();
        assertThat(update.verb()).isEqualTo(Statement.Verb.UPDATE);
        assertThat(update.where()).isInstanceOf(Condition.Comparison.class);

        Statement delete = PartiQlParser.parse("DELETE FROM orders WHERE pk = ? AND sk = ?");
        assertThat(delete.error()).isNull();
        assertThat(delete.verb()).isEqualTo(Statement.Verb.DELETE);

        Statement insert = PartiQlParser.parse("INSERT INTO \"orders\" VALUE {'pk': ?, 'items': [1, {'a': 2}]}");
        assertThat(insert.error()).isNull();
        assertThat(insert.verb()).isEqualTo(Statement.Verb.INSERT);
        assertThat(insert.parameters()).hasSize(1);
    }

    @Test
    void quotedIdentifiersAndStringsUnescape() {
        Statement s = PartiQlParser.parse("SELECT * FROM \"we\"\"ird\" WHERE \"a\"\"b\" = 'it''s'");
        assertThat(s.error()).isNull();
        assertThat(s.table()).isEqualTo("we\"ird");
        Condition.Comparison c = (Condition.Comparison) s.where();
        assertThat(((Condition.Path) c.left()).root()).isEqualTo("a\"b");
        assertThat(c.right()).isEqualTo(new Condition.Literal("'it''s'"));
    }

    @Test
    void errorsSayWhereTheParseStopped() {
        assertThat(PartiQlParser.parse("").error().message()).contains("empty statement");
        assertThat(PartiQlParser.parse("SCAN orders").error().token()).isEqualTo("SCAN");
        assertThat(PartiQlParser.parse("SELECT * orders").error().message()).contains("expected FROM");
        Statement open = PartiQlParser.parse("SELECT * FROM t WHERE a = 'x");
        assertThat(open.error()).isNotNull();
        assertThat(open.hasWhere()).isTrue();
        assertThat(open.table()).isEqualTo("t");
        assertThat(PartiQlParser.parse("SELECT * FROM t WHERE").error().token()).isEqualTo("<EOF>");
        assertThat(PartiQlParser.parse("SELECT * FROM t WHERE a = 1 garbage").error().token()).isEqualTo("garbage");
    }

    @Test
    void deepNestingStopsAtTheCap() {
        int depth = PartiQlParser.MAX_DEPTH + 50;
        Statement s = PartiQlParser.parse("SELECT * FROM t WHERE " + "(".repeat(depth) + "a = 1" + ")".repeat(depth));
        assertThat(s.error()).isNotNull();
        assertThat(s.error().tooDeep()).isTrue();
        Statement fine = PartiQlParser.parse("SELECT * FROM t WHERE ((a = 1))");
        assertThat(fine.error()).isNull();
    }
}
