package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.expr.ConstantExpressions;
import io.ddblint.core.expr.ConstantValue;
import io.ddblint.core.expr.ExpressionChecks;
import io.ddblint.core.expr.Node;
import io.ddblint.core.expr.ParsedExpression;
import io.ddblint.core.expr.UpdateChecks;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.model.KeySchema;
import io.ddblint.core.model.Table;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DDB-C010: a constant UpdateExpression that DynamoDB rejects: its grammar (a clause twice, overlapping or conflicting
 * paths, unknown functions and operand counts, condition functions in SET, 4 KB), operand types of ADD, DELETE,
 * {@code +}, {@code -} and list_append where the values are constant, and, when the call is linked to a table of the
 * model, an action on a key attribute of the table.
 */
@RuleInfo(
        id = "DDB-C010",
        name = "InvalidUpdateExpression",
        summary = "An update expression that DynamoDB rejects",
        severity = Severity.ERROR,
        category = Category.CORRECTNESS,
        tags = {"expression", "update"})
public final class InvalidUpdateExpression implements Rule {

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        Set<String> texts = ConstantExpressions.known(site.request(), context.model()).get(ExpressionKind.UPDATE);
        if (texts == null) {
            return;
        }
        Map<String, String> names = RequestConstants.names(site);
        Map<String, ConstantValue> values = RequestConstants.values(site);
        Optional<KeySchema> keys = context.model().table(site).map(Table::keys);
        for (String text : texts) {
            ParsedExpression parsed = context.expression(ExpressionKind.UPDATE, text);
            problem(parsed, names, values, keys).ifPresent(p -> context.report(site, p.message() + RequestConstants
                    .quoted(p.category() == ExpressionChecks.Category.TOO_LONG ? "" : text), hint(text, p)));
        }
    }

    /**
     * DynamoDB's first objection, in the order it checks: the grammar (reserved words are DDB-C004's), the operand
     * types, then the key schema.
     */
    static Optional<ExpressionChecks.Problem> problem(ParsedExpression parsed, Map<String, String> names,
                                                      Map<String, ConstantValue> values, Optional<KeySchema> keys) {
        Optional<ExpressionChecks.Problem> grammar = ExpressionChecks.check(parsed).stream()
                .filter(p -> p.category() != ExpressionChecks.Category.RESERVED_WORD)
                .findFirst()
                .or(() -> UpdateChecks.operandTypes(parsed, values))
                .map(p -> new ExpressionChecks.Problem(p.category(), "Invalid UpdateExpression: " + p.message(),
                        p.start(), p.end()));
        if (grammar.isPresent() || !(parsed.root() instanceof Node.Update update)) {
            return grammar;
        }
        return keys.flatMap(k -> keyAttribute(update, names, k));
    }

    /** An action whose path starts at a key attribute of the table: DynamoDB never updates a key in place. */
    private static Optional<ExpressionChecks.Problem> keyAttribute(Node.Update update, Map<String, String> names,
                                                                    KeySchema keys) {
        for (Node.Clause clause : update.clauses()) {
            for (Node.Action action : clause.actions()) {
                Node.Name first = (Node.Name) action.path().elements().get(0);
                String attribute = first.placeholder() ? names.get(first.text()) : first.text();
                if (attribute != null && keys.isKey(attribute)) {
                    return Optional.of(new ExpressionChecks.Problem(ExpressionChecks.Category.KEY_SCHEMA,
                            "One or more parameter values were invalid: Cannot update attribute " + attribute
                                    + ". This attribute is part of the key", action.start(), action.end()));
                }
            }
        }
        return Optional.empty();
    }

    private static String hint(String text, ExpressionChecks.Problem p) {
        return switch (p.category()) {
            case EMPTY -> "Leave the expression unset instead of passing an empty string.";
            case CLAUSE -> "Write each of SET, REMOVE, ADD and DELETE once, with its actions separated by commas.";
            case OVERLAPPING_PATHS -> "Update the enclosing path once, or each nested path, not both.";
            case FUNCTION -> {
                String spelling = ExpressionChecks.knownSpelling(text.substring(p.start(),
                        Math.min(text.length(), p.end())));
                yield spelling != null ? "Function names are case-sensitive: write `" + spelling + "`."
                        : "SET values take if_not_exists and list_append only; conditions such as attribute_exists "
                        + "belong in a ConditionExpression.";
            }
            case KEY_SCHEMA -> "Keys cannot change in place: write a new item with PutItem (and delete the old one, "
                    + "in a transaction if needed); leave key attributes out of the UpdateExpression.";
            case OPERAND_TYPE -> "ADD takes a number or a set, DELETE a set, + and - numbers, list_append lists.";
            case TOO_LONG -> "Split the update into several requests so each expression stays within 4 KB.";
            default -> null;
        };
    }
}
