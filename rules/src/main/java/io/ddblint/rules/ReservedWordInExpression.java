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

import java.util.Map;
import java.util.Set;

/**
 * DDB-C004: a constant expression names an attribute with a DynamoDB reserved word instead of a
 * {@code #placeholder}; DynamoDB rejects the request. Grammar keywords used as names ({@code REMOVE}, {@code SET}...)
 * are syntax errors to DynamoDB and are reported here with its syntax-error text, since the fix is the same.
 */
@RuleInfo(
        id = "DDB-C004",
        name = "ReservedWordInExpression",
        summary = "An expression uses a DynamoDB reserved word as a bare attribute name",
        severity = Severity.ERROR,
        category = Category.CORRECTNESS,
        tags = {"expression", "reserved-word"})
public final class ReservedWordInExpression implements Rule {

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        Map<ExpressionKind, Set<String>> expressions = ConstantExpressions.known(site.request(), context.model());
        expressions.forEach((kind, texts) -> {
            for (String text : texts) {
                // DynamoDB stops at the first reserved word it meets, so one finding per expression.
                ExpressionChecks.check(context.expression(kind, text)).stream()
                        .filter(p -> p.category() == ExpressionChecks.Category.RESERVED_WORD)
                        .findFirst()
                        .ifPresent(p -> report(site, context, kind, text, p));
            }
        });
    }

    private static void report(CallSite site, RuleContext context, ExpressionKind kind, String text,
                               ExpressionChecks.Problem p) {
        String word = text.substring(p.start(), p.end());
        String placeholder = "#" + word.replaceAll("[^A-Za-z0-9_]", "");
        context.report(site, "Invalid " + kind.wireName() + ": " + p.message() + " (in `" + shorten(text) + "`)",
                "Name the attribute through a placeholder: write `" + placeholder + "` in the expression and map \""
                        + placeholder + "\" to \"" + word + "\" in the request's ExpressionAttributeNames.");
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
