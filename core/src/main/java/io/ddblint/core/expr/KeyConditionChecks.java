package io.ddblint.core.expr;

import io.ddblint.core.expr.ExpressionChecks.Category;
import io.ddblint.core.expr.ExpressionChecks.Problem;
import io.ddblint.core.model.KeyAttribute;
import io.ddblint.core.model.KeySchema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What DynamoDB decides about a KeyConditionExpression beyond the grammar {@link ExpressionChecks} applies to every
 * condition: that it is a conjunction of one or two simple conditions, each on one top-level key attribute with an
 * operator a key lookup can use; with constant values, that BETWEEN bounds are ordered and of one type; with the key
 * schema of the queried table or index, that the conditions name its keys, the partition key by equality.
 *
 * <p>The checks follow the order DynamoDB applies them in, so the first problem is the one it answers with. Messages
 * are DynamoDB's whole ValidationException texts. Name placeholders whose attribute is not known stand for an unknown
 * attribute: checks that would need to know which one stay silent.
 */
public final class KeyConditionChecks {

    /** Functions DynamoDB does not take in a key condition, named in its message. */
    private static final Set<String> NOT_KEY_OPERATORS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "contains");
    private static final String INVALID_OPERATOR = "Invalid operator used in KeyConditionExpression: ";
    private static final String INVALID_CONDITION = "Invalid condition in KeyConditionExpression: ";
    /** DynamoDB's answer to a partition key condition that is not an equality, and to a sort key it does not have. */
    public static final String NOT_SUPPORTED = "Query key condition not supported";

    /**
     * One condition on one key attribute.
     *
     * @param attribute the attribute name, or the {@code #placeholder} when its attribute is not known
     * @param resolved  whether {@code attribute} is the attribute's name
     * @param operator  {@code = < <= > >=}, {@code BETWEEN} or {@code begins_with}, with the key on the left
     * @param values    the value operands, in order
     */
    public record Condition(String attribute, boolean resolved, String operator, List<Node> values, int start,
                            int end) {
        public Condition {
            values = List.copyOf(values);
        }
    }

    /**
     * The verdict on the expression alone.
     *
     * @param problem    the first problem DynamoDB would answer with, if any
     * @param conditions the conditions, in the order written, when there is no problem
     */
    public record Outcome(Optional<Problem> problem, List<Condition> conditions) {
        public Outcome {
            conditions = List.copyOf(conditions);
        }
    }

    private KeyConditionChecks() {
    }

    /**
     * The key condition's own problems, after those of {@link ExpressionChecks#check}: BETWEEN bounds (when values are
     * known), then the shape of the conditions, then their count.
     *
     * @param e      a parsed key condition without syntax error
     * @param names  the attribute each {@code #name} stands for, where known
     * @param values the constant value of each {@code :value}, where known
     */
    public static Outcome check(ParsedExpression e, Map<String, String> names, Map<String, ConstantValue> values) {
        if (e.root() == null) {
            return new Outcome(Optional.empty(), List.of());
        }
        Optional<Problem> between = betweenBounds(e.root(), values);
        if (between.isPresent()) {
            return new Outcome(between, List.of());
        }
        Map<String, Condition> conditions = new LinkedHashMap<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(e.root());
        while (!stack.isEmpty()) {
            Node n = unwrapped(stack.pop());
            if (n instanceof Node.Logical l) {
                if (!l.and()) {
                    return failed(INVALID_OPERATOR + "OR", l);
                }
                stack.push(l.right());
                stack.push(l.left());
                continue;
            }
            Optional<Problem> p = condition(n, names, conditions);
            if (p.isPresent()) {
                return new Outcome(p, List.of());
            }
        }
        if (conditions.size() > 2) {
            return failed("Conditions can be of length 1 or 2 only", e.root());
        }
        return new Outcome(Optional.empty(), new ArrayList<>(conditions.values()));
    }

    private static Optional<Problem> condition(Node n, Map<String, String> names, Map<String, Condition> out) {
        List<Node> operands;
        String operator;
        if (n instanceof Node.Not) {
            return problem(INVALID_OPERATOR + "NOT", n);
        } else if (n instanceof Node.In) {
            return problem(INVALID_OPERATOR + "IN", n);
        } else if (n instanceof Node.Comparison c) {
            if (c.operator().equals("<>")) {
                return problem(INVALID_OPERATOR + "<>", n);
            }
            operands = List.of(c.left(), c.right());
            operator = c.operator();
        } else if (n instanceof Node.Between b) {
            if (!(unwrapped(b.operand()) instanceof Node.Path)) {
                return problem(INVALID_CONDITION + "BETWEEN operator must have the key attribute as its first operand",
                        n);
            }
            operands = List.of(b.operand(), b.low(), b.high());
            operator = "BETWEEN";
        } else if (n instanceof Node.Function f) {
            Optional<Problem> function = function(f);
            if (function.isPresent()) {
                return function;
            }
            if (!(unwrapped(f.arguments().get(0)) instanceof Node.Path)) {
                return problem(INVALID_CONDITION + f.name() + " operator must have the key attribute as its first "
                        + "operand", n);
            }
            operands = f.arguments();
            operator = f.name();
        } else {
            // Anything else at a condition's place is a grammar problem ExpressionChecks reports.
            return Optional.empty();
        }
        String attribute = null;
        boolean resolved = false;
        int at = 0;
        List<Node> values = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) {
            Node o = unwrapped(operands.get(i));
            if (o instanceof Node.Path p) {
                if (attribute != null) {
                    return problem(INVALID_CONDITION + "Multiple attribute names used in one condition", n);
                }
                if (p.elements().size() > 1) {
                    return problem("KeyConditionExpressions cannot have conditions on nested attributes", n);
                }
                Node.Name name = (Node.Name) p.elements().get(0);
                String known = name.placeholder() ? names.get(name.text()) : name.text();
                resolved = known != null;
                attribute = resolved ? known : name.text();
                at = i;
            } else if (o instanceof Node.Function f) {
                Optional<Problem> function = function(f);
                return function.isPresent() ? function
                        : problem("KeyConditionExpressions cannot contain nested operations", o);
            } else {
                values.add(o);
            }
        }
        if (attribute == null) {
            return problem(INVALID_CONDITION + "No key attribute specified", n);
        }
        if (out.containsKey(attribute)) {
            return problem("KeyConditionExpressions must only contain one condition per key", n);
        }
        out.put(attribute, new Condition(attribute, resolved, at == 0 ? operator : flipped(operator), values,
                n.start(), n.end()));
        return Optional.empty();
    }

    private static Optional<Problem> function(Node.Function f) {
        if (NOT_KEY_OPERATORS.contains(f.name())) {
            return problem(INVALID_OPERATOR + f.name(), f);
        }
        if (f.name().equals("size")) {
            return problem("KeyConditionExpressions cannot contain nested operations", f);
        }
        return Optional.empty();
    }

    /** {@code :v < sk} is {@code sk > :v}. */
    private static String flipped(String operator) {
        return switch (operator) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> operator;
        };
    }

    /**
     * BETWEEN bounds of one type, the lower not above the upper, in DynamoDB's order ({@link ConstantValue#compare});
     * begins_with of a string or binary. DynamoDB checks these while it parses, before the shape of the conditions.
     */
    static Optional<Problem> betweenBounds(Node root, Map<String, ConstantValue> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof Node.Function f && f.name().equals("begins_with")) {
                for (Node argument : f.arguments()) {
                    ConstantValue v = unwrapped(argument) instanceof Node.Value val ? values.get(val.name()) : null;
                    if (v != null && !v.type().equals("S") && !v.type().equals("B")) {
                        return Optional.of(new Problem(Category.OPERAND_TYPE, "Invalid KeyConditionExpression: "
                                + "Incorrect operand type for operator or function; operator or function: "
                                + "begins_with, operand type: " + v.type(), f.start(), f.end()));
                    }
                }
            }
            if (n instanceof Node.Between b && unwrapped(b.low()) instanceof Node.Value lo
                    && unwrapped(b.high()) instanceof Node.Value hi && values.containsKey(lo.name())
                    && values.containsKey(hi.name())) {
                ConstantValue low = values.get(lo.name());
                ConstantValue high = values.get(hi.name());
                String operands = "lower bound operand: " + low.describe() + ", upper bound operand: "
                        + high.describe();
                if (!low.type().equals(high.type())) {
                    return Optional.of(new Problem(Category.OPERAND_TYPE, "Invalid KeyConditionExpression: The "
                            + "BETWEEN operator requires same data type for lower and upper bounds; " + operands,
                            b.start(), b.end()));
                }
                if (ConstantValue.compare(low, high).filter(c -> c > 0).isPresent()) {
                    return Optional.of(new Problem(Category.OPERAND_TYPE, "Invalid KeyConditionExpression: The "
                            + "BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                            + operands, b.start(), b.end()));
                }
            }
            List<Node> children = ParsedExpression.children(n);
            for (int i = children.size() - 1; i >= 0; i--) {
                if (children.get(i) != null) {
                    stack.push(children.get(i));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A Query's conditions need an equality on the partition key: with one condition it must be {@code =}, with two
     * one of them must be. This holds whatever the key schema, so it needs no model.
     */
    public static Optional<Problem> partitionEquality(List<Condition> conditions, int start, int end) {
        if (!conditions.isEmpty() && conditions.stream().noneMatch(c -> c.operator().equals("="))) {
            return Optional.of(new Problem(Category.KEY_CONDITION, NOT_SUPPORTED + ": no equality condition on the "
                    + "partition key", start, end));
        }
        return Optional.empty();
    }

    /**
     * The conditions against the key schema of the queried table or index, as DynamoDB checks them: the partition key
     * first, then the sort key. Silent when a condition's attribute is not known (an unresolved {@code #name}).
     */
    public static Optional<Problem> schema(List<Condition> conditions, KeySchema keys,
                                           Map<String, ConstantValue> values, int start, int end) {
        if (conditions.isEmpty() || conditions.stream().anyMatch(c -> !c.resolved())) {
            return Optional.empty();
        }
        Map<String, Condition> byName = new LinkedHashMap<>();
        conditions.forEach(c -> byName.put(c.attribute(), c));
        for (KeyAttribute key : keys.attributes()) {
            boolean hash = key == keys.partitionKey();
            if (hash && !keys.hasSortKey() && conditions.size() > 1) {
                return problem(Category.KEY_SCHEMA, NOT_SUPPORTED, start, end);
            }
            Condition c = byName.get(key.name());
            if (c == null) {
                if (hash || conditions.size() > 1) {
                    return problem(Category.KEY_SCHEMA, "Query condition missed key schema element: " + key.name(),
                            start, end);
                }
                continue;
            }
            if (key.type() != null && c.values().stream().anyMatch(v -> v instanceof Node.Value val
                    && values.containsKey(val.name()) && !values.get(val.name()).type().equals(key.type()))) {
                return problem(Category.KEY_SCHEMA, "One or more parameter values were invalid: Condition parameter "
                        + "type does not match schema type", c.start(), c.end());
            }
            if (hash && !c.operator().equals("=")) {
                return problem(Category.KEY_SCHEMA, NOT_SUPPORTED, c.start(), c.end());
            }
        }
        return Optional.empty();
    }

    private static Outcome failed(String message, Node at) {
        return new Outcome(problem(message, at), List.of());
    }

    private static Optional<Problem> problem(String message, Node at) {
        return problem(Category.KEY_CONDITION, message, at.start(), at.end());
    }

    private static Optional<Problem> problem(Category category, String message, int start, int end) {
        return Optional.of(new Problem(category, message, start, end));
    }

    private static Node unwrapped(Node n) {
        Node inner = n;
        while (inner instanceof Node.Paren p) {
            inner = p.inner();
        }
        return inner;
    }
}
