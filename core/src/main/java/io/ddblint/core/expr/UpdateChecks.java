package io.ddblint.core.expr;

import io.ddblint.core.expr.ExpressionChecks.Category;
import io.ddblint.core.expr.ExpressionChecks.Problem;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What DynamoDB decides about an UpdateExpression from its constant values, beyond the grammar
 * {@link ExpressionChecks} applies: {@code ADD} takes a number or a set, {@code DELETE} a set, {@code +} and
 * {@code -} numbers, {@code list_append} lists. Messages are DynamoDB's, after {@code Invalid UpdateExpression: }.
 */
public final class UpdateChecks {

    /** How DynamoDB names a value type in ADD/DELETE messages; sets are not named because both take them. */
    private static final Map<String, String> TYPE_NAMES = Map.of("S", "STRING", "N", "NUMBER", "B", "BINARY",
            "NULL", "NULL", "BOOL", "BOOLEAN", "L", "LIST", "M", "MAP");

    private UpdateChecks() {
    }

    /** The first operand of a wrong type, or empty; values not in {@code values} are not judged. */
    public static Optional<Problem> operandTypes(ParsedExpression e, Map<String, ConstantValue> values) {
        if (!(e.root() instanceof Node.Update update) || values.isEmpty()) {
            return Optional.empty();
        }
        for (Node.Clause clause : update.clauses()) {
            for (Node.Action action : clause.actions()) {
                Optional<Problem> p = switch (clause.keyword()) {
                    case "ADD", "DELETE" -> clauseOperand(clause.keyword(), action, values);
                    case "SET" -> setOperands(action.value(), values);
                    default -> Optional.empty();
                };
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> clauseOperand(String keyword, Node.Action action,
                                                   Map<String, ConstantValue> values) {
        ConstantValue v = action.value() instanceof Node.Value val ? values.get(val.name()) : null;
        if (v == null || !TYPE_NAMES.containsKey(v.type()) || keyword.equals("ADD") && v.type().equals("N")) {
            return Optional.empty();
        }
        return Optional.of(new Problem(Category.OPERAND_TYPE, "Incorrect operand type for operator or function; "
                + "operator: " + keyword + ", operand type: " + TYPE_NAMES.get(v.type()), action.start(),
                action.end()));
    }

    private static Optional<Problem> setOperands(Node value, Map<String, ConstantValue> values) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(value);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            String operator = null;
            String wanted = null;
            List<Node> operands = List.of();
            if (n instanceof Node.Arithmetic a) {
                operator = String.valueOf(a.operator());
                wanted = "N";
                operands = List.of(a.left(), a.right());
            } else if (n instanceof Node.Function f && f.name().equals("list_append")) {
                operator = f.name();
                wanted = "L";
                operands = f.arguments();
            }
            for (Node o : operands) {
                Node inner = unwrapped(o);
                ConstantValue v = inner instanceof Node.Value val ? values.get(val.name()) : null;
                if (v != null && !v.type().equals(wanted)) {
                    return Optional.of(new Problem(Category.OPERAND_TYPE, "Incorrect operand type for operator or "
                            + "function; operator or function: " + operator + ", operand type: " + v.type(),
                            n.start(), n.end()));
                }
            }
            for (Node child : ParsedExpression.children(n)) {
                if (child != null) {
                    stack.push(child);
                }
            }
        }
        return Optional.empty();
    }

    private static Node unwrapped(Node n) {
        Node inner = n;
        while (inner instanceof Node.Paren p) {
            inner = p.inner();
        }
        return inner;
    }
}
