package io.ddblint.core.expr;

import io.ddblint.core.facts.ExpressionKind;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What DynamoDB decides about one expression string on its own, without the request's name/value maps: the problems
 * it rejects the expression for, with DynamoDB's wording and the span they point at. Placeholder consistency needs the
 * whole request and is the rules' business.
 */
public final class ExpressionChecks {

    /** DynamoDB's limits on one expression (developer guide, "Expression parameters" limits). */
    public static final int MAX_BYTES = 4096;
    public static final int MAX_OPERATORS = 300;
    public static final int MAX_IN_OPERANDS = 100;
    public static final int MAX_PATH_DEPTH = 32;

    /** What kind of problem: rules pick theirs (C004 reserved words, C012 the rest for filter/condition/projection). */
    public enum Category { EMPTY, TOO_LONG, SYNTAX, RESERVED_WORD, REDUNDANT_PARENTHESES, FUNCTION, OPERANDS,
        TOO_MANY_OPERATORS, IN_OPERANDS, PATH_DEPTH, OVERLAPPING_PATHS, CLAUSE,
        /** A constant value of a type the operator or function does not take, or BETWEEN bounds out of order. */
        OPERAND_TYPE,
        /** A key condition DynamoDB cannot run as a key lookup (operators, nesting, conditions per key). */
        KEY_CONDITION,
        /** A key condition or update at odds with the table's key schema (model). */
        KEY_SCHEMA }

    /**
     * One reason DynamoDB rejects the expression.
     *
     * @param message DynamoDB's text after {@code Invalid XxxExpression: }
     */
    public record Problem(Category category, String message, int start, int end) {
    }

    /** Functions that are conditions, with their operand counts. */
    private static final Map<String, Integer> CONDITION_FUNCTIONS = Map.of(
            "attribute_exists", 1, "attribute_not_exists", 1, "attribute_type", 2, "begins_with", 2, "contains", 2);
    /** Functions that are operands of a condition. */
    private static final Map<String, Integer> OPERAND_FUNCTIONS = Map.of("size", 1);
    /** Functions of SET values. */
    private static final Map<String, Integer> UPDATE_FUNCTIONS = Map.of("if_not_exists", 2, "list_append", 2);
    /** Functions whose first operand must be a document path (not begins_with/contains: DynamoDB takes a value). */
    private static final Set<String> PATH_FIRST = Set.of("attribute_exists", "attribute_not_exists", "attribute_type",
            "size", "if_not_exists");

    private ExpressionChecks() {
    }

    /** Every problem DynamoDB would see, in the order it checks them: size, syntax, then the tree. */
    public static List<Problem> check(ParsedExpression e) {
        List<Problem> out = new ArrayList<>();
        if (e.isEmpty()) {
            out.add(new Problem(Category.EMPTY, "The expression can not be empty;", 0, 0));
            return out;
        }
        int bytes = e.text().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            out.add(new Problem(Category.TOO_LONG, "Expression size has exceeded the maximum allowed size; "
                    + "expression size: " + bytes, 0, e.text().length()));
        }
        if (e.error() != null) {
            SyntaxError s = e.error();
            if (!s.tooDeep()) {
                Category c = s.keywordAsName() ? Category.RESERVED_WORD : Category.SYNTAX;
                out.add(new Problem(c, s.message(), s.offset(), s.offset() + tokenLength(s)));
            }
            return out;
        }
        for (Node.Path p : e.paths()) {
            for (Node.PathElement el : p.elements()) {
                if (el instanceof Node.Name n && !n.placeholder() && ReservedWords.isReserved(n.text())) {
                    out.add(new Problem(Category.RESERVED_WORD, "Attribute name is a reserved keyword; reserved "
                            + "keyword: " + n.text(), n.start(), n.start() + n.text().length()));
                }
            }
            if (p.elements().size() > MAX_PATH_DEPTH) {
                out.add(new Problem(Category.PATH_DEPTH, "The document path has too many nesting levels; "
                        + "nesting levels: " + p.elements().size(), p.start(), p.end()));
            }
        }
        tree(e, out);
        if (e.root() instanceof Node.Projection projection) {
            overlaps(projection.paths(), out);
        } else if (e.root() instanceof Node.Update update) {
            clauses(update, out);
        }
        return out;
    }

    private static int tokenLength(SyntaxError s) {
        return s.token().equals("<EOF>") ? 0 : s.token().length();
    }

    /** Walks the tree without recursion (AND chains are as long as the input), knowing where conditions stand. */
    private static void tree(ParsedExpression e, List<Problem> out) {
        boolean update = e.kind() == ExpressionKind.UPDATE;
        int operators = 0;
        Deque<Node> stack = new ArrayDeque<>();
        Deque<Boolean> conditionPlace = new ArrayDeque<>();
        stack.push(e.root());
        conditionPlace.push(!update && e.kind() != ExpressionKind.PROJECTION);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            boolean atCondition = conditionPlace.pop();
            boolean childrenAtCondition = false;
            if (n instanceof Node.Logical || n instanceof Node.Not) {
                operators++;
                childrenAtCondition = true;
            } else if (n instanceof Node.Paren p) {
                childrenAtCondition = atCondition;
                if (p.inner() instanceof Node.Paren) {
                    out.add(new Problem(Category.REDUNDANT_PARENTHESES, "The expression has redundant parentheses;",
                            p.start(), p.end()));
                }
            } else if (n instanceof Node.Comparison c) {
                operators++;
                distinct(c.operator(), c.left(), c.right(), c.start(), c.end(), out);
            } else if (n instanceof Node.Between || n instanceof Node.Arithmetic) {
                operators++;
            } else if (n instanceof Node.In in) {
                operators++;
                if (in.candidates().size() > MAX_IN_OPERANDS) {
                    out.add(new Problem(Category.IN_OPERANDS, "The IN operator is provided with too many operands; "
                            + "number of operands: " + in.candidates().size(), in.start(), in.end()));
                }
            } else if (n instanceof Node.Function f) {
                operators++;
                function(f, atCondition, update, out);
            }
            List<Node> children = ParsedExpression.children(n);
            for (int i = children.size() - 1; i >= 0; i--) {
                if (children.get(i) != null) {
                    stack.push(children.get(i));
                    conditionPlace.push(childrenAtCondition);
                }
            }
        }
        if (operators > MAX_OPERATORS) {
            out.add(new Problem(Category.TOO_MANY_OPERATORS, "The expression contains too many operators; "
                    + "operator count: " + operators, 0, e.text().length()));
        }
    }

    private static void function(Node.Function f, boolean atCondition, boolean update, List<Problem> out) {
        String name = f.name();
        int end = f.start() + name.length();
        Integer arity;
        if (update) {
            // Condition functions are as unknown to an update as misspelt ones: DynamoDB words it the same.
            arity = UPDATE_FUNCTIONS.get(name);
        } else {
            arity = CONDITION_FUNCTIONS.containsKey(name) ? CONDITION_FUNCTIONS.get(name) : OPERAND_FUNCTIONS.get(name);
        }
        if (arity == null) {
            out.add(new Problem(Category.FUNCTION, "Invalid function name; function: " + name, f.start(), end));
            return;
        }
        if (!update && atCondition != CONDITION_FUNCTIONS.containsKey(name)) {
            out.add(new Problem(Category.FUNCTION, "The function is not allowed to be used this way in an "
                    + "expression; function: " + name, f.start(), end));
            return;
        }
        if (f.arguments().size() != arity) {
            out.add(new Problem(Category.OPERANDS, "Incorrect number of operands for operator or function; "
                    + "operator or function: " + name + ", number of operands: " + f.arguments().size(),
                    f.start(), f.end()));
            return;
        }
        if (PATH_FIRST.contains(name) && !(unwrapped(f.arguments().get(0)) instanceof Node.Path)) {
            out.add(new Problem(Category.OPERANDS, "Operator or function requires a document path; "
                    + "operator or function: " + name, f.start(), f.end()));
            return;
        }
        if (name.equals("begins_with") || name.equals("contains")) {
            distinct(name, f.arguments().get(0), f.arguments().get(1), f.start(), f.end(), out);
        }
    }

    /** DynamoDB rejects comparing a path with itself ({@code a = a}, {@code begins_with(a, a)}). */
    private static void distinct(String operator, Node left, Node right, int start, int end, List<Problem> out) {
        if (unwrapped(left) instanceof Node.Path l && unwrapped(right) instanceof Node.Path r
                && listed(l).equals(listed(r))) {
            out.add(new Problem(Category.OPERANDS, "The first operand must be distinct from the remaining operands "
                    + "for this operator or function; operator: " + operator + ", first operand: " + listed(l),
                    start, end));
        }
    }

    private static Node unwrapped(Node n) {
        Node inner = n;
        while (inner instanceof Node.Paren p) {
            inner = p.inner();
        }
        return inner;
    }

    /** Each clause at most once, and no two actions on overlapping or conflicting paths. */
    private static void clauses(Node.Update update, List<Problem> out) {
        Set<String> seen = new java.util.HashSet<>();
        List<Node.Path> targets = new ArrayList<>();
        for (Node.Clause c : update.clauses()) {
            if (!seen.add(c.keyword())) {
                out.add(new Problem(Category.CLAUSE, "The \"" + c.keyword() + "\" section can only be used once in "
                        + "an update expression;", c.start(), c.end()));
            }
            c.actions().forEach(a -> targets.add(a.path()));
        }
        overlaps(targets, out);
    }

    /**
     * Two projected paths overlap when one is a prefix of the other (or they are equal), and conflict when they
     * part at one level with a name on one side and an index on the other. A trie keeps this linear.
     */
    private static void overlaps(List<Node.Path> paths, List<Problem> out) {
        TrieNode root = new TrieNode();
        for (Node.Path path : paths) {
            TrieNode at = root;
            for (Node.PathElement el : path.elements()) {
                if (at.ends != null) {
                    out.add(overlap(at.ends, path));
                    return;
                }
                boolean index = el instanceof Node.Index;
                Map<String, TrieNode> same = index ? at.indexes : at.names;
                Map<String, TrieNode> other = index ? at.names : at.indexes;
                if (!other.isEmpty()) {
                    Node.Path first = other.values().iterator().next().anyPath;
                    out.add(new Problem(Category.OVERLAPPING_PATHS, "Two document paths conflict with each other; "
                            + "must remove or rewrite one of these paths; path one: " + listed(first)
                            + ", path two: " + listed(path), path.start(), path.end()));
                    return;
                }
                String key = index ? Integer.toString(((Node.Index) el).value()) : ((Node.Name) el).text();
                at = same.computeIfAbsent(key, k -> new TrieNode());
                if (at.anyPath == null) {
                    at.anyPath = path;
                }
            }
            if (at.ends != null || !at.names.isEmpty() || !at.indexes.isEmpty()) {
                out.add(overlap(at.ends != null ? at.ends : at.anyPath, path));
                return;
            }
            at.ends = path;
        }
    }

    private static Problem overlap(Node.Path one, Node.Path two) {
        return new Problem(Category.OVERLAPPING_PATHS, "Two document paths overlap with each other; must remove or "
                + "rewrite one of these paths; path one: " + listed(one) + ", path two: " + listed(two),
                two.start(), two.end());
    }

    /** A path as DynamoDB lists it: {@code [a, b, [0]]}. */
    private static String listed(Node.Path p) {
        List<String> parts = new ArrayList<>();
        for (Node.PathElement el : p.elements()) {
            parts.add(el instanceof Node.Name n ? n.text() : "[" + ((Node.Index) el).value() + "]");
        }
        return parts.toString();
    }

    private static final class TrieNode {
        private final Map<String, TrieNode> names = new HashMap<>();
        private final Map<String, TrieNode> indexes = new HashMap<>();
        private Node.Path ends;
        private Node.Path anyPath;
    }

    /** The lower-case name of a function when only its case is wrong: for the fix hint. */
    public static String knownSpelling(String function) {
        String lower = function.toLowerCase(Locale.ROOT);
        boolean known = CONDITION_FUNCTIONS.containsKey(lower) || OPERAND_FUNCTIONS.containsKey(lower)
                || UPDATE_FUNCTIONS.containsKey(lower);
        return known && !lower.equals(function) ? lower : null;
    }
}
