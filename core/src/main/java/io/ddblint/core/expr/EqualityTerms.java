package io.ddblint.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code attribute = :value} terms that pin an attribute in every item an expression lets through: the
 * equalities of its top-level conjunction ({@code a = :x AND b > :y AND (c = :z)}). A top-level {@code OR} pins
 * nothing, and neither does a term under {@code NOT}.
 */
public final class EqualityTerms {

    /**
     * One equality.
     *
     * @param attribute the top-level attribute name, {@code #placeholders} resolved
     * @param written   the path as written ({@code #s})
     * @param value     the value placeholder compared with ({@code :v})
     */
    public record Term(String attribute, String written, String value, Node.Comparison node) {
    }

    private EqualityTerms() {
    }

    /**
     * The equality terms of a parsed expression; empty when it did not parse.
     *
     * @param names the request's constant attribute names ({@code "#s" -> "status"}); a placeholder not among them
     *              gives no term
     */
    public static List<Term> of(ParsedExpression expression, Map<String, String> names) {
        List<Term> out = new ArrayList<>();
        if (expression.root() != null) {
            collect(expression.root(), names, out);
        }
        return out;
    }

    private static void collect(Node n, Map<String, String> names, List<Term> out) {
        if (n instanceof Node.Paren p) {
            collect(p.inner(), names, out);
        } else if (n instanceof Node.Logical l && l.and()) {
            collect(l.left(), names, out);
            collect(l.right(), names, out);
        } else if (n instanceof Node.Comparison c && c.operator().equals("=")) {
            term(c, c.left(), c.right(), names, out);
            term(c, c.right(), c.left(), names, out);
        }
    }

    private static void term(Node.Comparison c, Node side, Node other, Map<String, String> names, List<Term> out) {
        if (!(side instanceof Node.Path path) || !(other instanceof Node.Value value) || path.elements().size() != 1
                || !(path.elements().get(0) instanceof Node.Name name)) {
            return;
        }
        String attribute = name.placeholder() ? names.get(name.text()) : name.text();
        if (attribute != null) {
            out.add(new Term(attribute, name.text(), value.name(), c));
        }
    }
}
