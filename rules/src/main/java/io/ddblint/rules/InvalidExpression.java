package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.expr.ConstantExpressions;
import io.ddblint.core.expr.ExpressionChecks;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.Set;

/**
 * DDB-C012: a constant FilterExpression, ConditionExpression or ProjectionExpression that DynamoDB rejects on its
 * own: syntax, emptiness, doubled parentheses, functions, operand counts, the size limits, overlapping projected
 * paths. Key conditions and update expressions have their own rules (DDB-C006, DDB-C010); reserved words and
 * placeholders are DDB-C004's and DDB-C005's.
 */
@RuleInfo(
        id = "DDB-C012",
        name = "InvalidExpression",
        summary = "A filter, condition or projection expression that DynamoDB rejects",
        severity = Severity.ERROR,
        category = Category.CORRECTNESS,
        tags = {"expression"})
public final class InvalidExpression implements Rule {

    private static final Set<ExpressionKind> KINDS =
            Set.of(ExpressionKind.FILTER, ExpressionKind.CONDITION, ExpressionKind.PROJECTION);

    // LIMITATION: checks that need the constant values of :placeholders (operand types of <, begins_with, BETWEEN;
    // BETWEEN bound order; attribute_type's type name) wait for values in the facts.

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        ConstantExpressions.known(site.request(), context.model()).forEach((kind, texts) -> {
            if (!KINDS.contains(kind)) {
                return;
            }
            for (String text : texts) {
                // DynamoDB answers with its first objection, so one finding per expression.
                ExpressionChecks.check(context.expression(kind, text)).stream()
                        .filter(p -> p.category() != ExpressionChecks.Category.RESERVED_WORD)
                        .findFirst()
                        .ifPresent(p -> context.report(site, "Invalid " + kind.wireName() + ": " + p.message()
                                + quoted(text, p), hint(text, p)));
            }
        });
    }

    private static String quoted(String text, ExpressionChecks.Problem p) {
        if (text.isEmpty() || p.category() == ExpressionChecks.Category.TOO_LONG) {
            return "";
        }
        return " (in `" + (text.length() <= 80 ? text : text.substring(0, 77) + "...") + "`)";
    }

    private static String hint(String text, ExpressionChecks.Problem p) {
        return switch (p.category()) {
            case EMPTY -> "Leave the expression unset instead of passing an empty string.";
            case REDUNDANT_PARENTHESES -> "Keep one pair of parentheses.";
            case FUNCTION -> {
                String spelling = ExpressionChecks.knownSpelling(text.substring(p.start(), p.end()));
                yield spelling != null ? "Function names are case-sensitive: write `" + spelling + "`."
                        : "Use one of DynamoDB's functions in its place: attribute_exists, attribute_not_exists, "
                        + "attribute_type, begins_with, contains as conditions; size as an operand.";
            }
            case OVERLAPPING_PATHS -> "Project the enclosing path only; DynamoDB returns what lies under it.";
            case TOO_LONG, TOO_MANY_OPERATORS, IN_OPERANDS -> "Split the request, or move the condition into the "
                    + "key (a Query on a fitting index) so the expression stays within DynamoDB's limits.";
            default -> null;
        };
    }
}
