package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.expr.ConstantExpressions;
import io.ddblint.core.expr.ConstantValue;
import io.ddblint.core.expr.ExpressionChecks;
import io.ddblint.core.expr.KeyConditionChecks;
import io.ddblint.core.expr.ParsedExpression;
import io.ddblint.core.facts.ApiFlavor;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.facts.Value;
import io.ddblint.core.model.KeySchema;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DDB-C006: a constant KeyConditionExpression that DynamoDB rejects: its grammar (as DDB-C012 judges other
 * conditions), its shape (one or two simple conditions joined by AND, one per top-level key, with key operators),
 * an equality on the partition key, BETWEEN bounds in DynamoDB's order, and, when the call is linked to a table of the
 * model, the key schema of the queried table or index. Also a Query that sets no key condition at all.
 */
@RuleInfo(
        id = "DDB-C006",
        name = "InvalidKeyCondition",
        summary = "A Query key condition that DynamoDB rejects",
        severity = Severity.ERROR,
        category = Category.CORRECTNESS,
        tags = {"expression", "query"})
public final class InvalidKeyCondition implements Rule {

    private static final Set<ApiFlavor> LOW_LEVEL_V2 = Set.of(ApiFlavor.V2_CLIENT, ApiFlavor.V2_ASYNC_CLIENT);

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        if (site.operation() != Operation.QUERY) {
            return;
        }
        Value<SymbolicString> keyCondition = site.request().expression(ExpressionKind.KEY_CONDITION);
        if (keyCondition instanceof Value.Absent<SymbolicString>) {
            missing(site, context);
            return;
        }
        Set<String> texts = ConstantExpressions.known(site.request(), context.model())
                .get(ExpressionKind.KEY_CONDITION);
        if (texts == null) {
            return;
        }
        Map<String, String> names = RequestConstants.names(site);
        Map<String, ConstantValue> values = RequestConstants.values(site);
        Optional<KeySchema> keys = RequestConstants.keys(site, context.model());
        for (String text : texts) {
            ParsedExpression parsed = context.expression(ExpressionKind.KEY_CONDITION, text);
            problem(parsed, names, values, keys).ifPresent(p -> context.report(site, p.message() + RequestConstants
                    .quoted(p.category() == ExpressionChecks.Category.TOO_LONG ? "" : text), hint(text, p)));
        }
    }

    /**
     * DynamoDB's first objection to the key condition, in the order it checks: the grammar (reserved words are
     * DDB-C004's), the values, the shape, the partition key's equality, then the key schema.
     */
    static Optional<ExpressionChecks.Problem> problem(ParsedExpression parsed, Map<String, String> names,
                                                      Map<String, ConstantValue> values, Optional<KeySchema> keys) {
        Optional<ExpressionChecks.Problem> grammar = ExpressionChecks.check(parsed).stream()
                .filter(p -> p.category() != ExpressionChecks.Category.RESERVED_WORD)
                .findFirst()
                .map(p -> new ExpressionChecks.Problem(p.category(), "Invalid KeyConditionExpression: " + p.message(),
                        p.start(), p.end()));
        if (grammar.isPresent() || parsed.root() == null) {
            return grammar;
        }
        KeyConditionChecks.Outcome outcome = KeyConditionChecks.check(parsed, names, values);
        if (outcome.problem().isPresent()) {
            return outcome.problem();
        }
        int end = parsed.text().length();
        Optional<ExpressionChecks.Problem> schema = keys.flatMap(k ->
                KeyConditionChecks.schema(outcome.conditions(), k, values, 0, end));
        return schema.isPresent() ? schema : KeyConditionChecks.partitionEquality(outcome.conditions(), 0, end);
    }

    /**
     * A low-level v2 Query that sets no KeyConditionExpression: DynamoDB needs one (or the legacy KeyConditions).
     */
    private static void missing(CallSite site, RuleContext context) {
        // LIMITATION: the facts do not record the legacy KeyConditions parameter, so only v2 requests written whole
        // inside the call are judged: their text, which the call site keeps, must show the request and no
        // keyConditions. Other flavors build key conditions themselves (mapper hash key objects, QuerySpec
        // withHashKey, enhanced QueryConditional) or commonly use KeyConditions (v1).
        String code = site.code();
        if (!LOW_LEVEL_V2.contains(site.flavor()) || code.endsWith("...") || !code.contains("tableName(") || code.contains("keyConditions(")) {
            return;
        }
        context.report(site, "Either the KeyConditions or KeyConditionExpression parameter must be specified in the "
                + "request: " + site.quote() + " sets no key condition",
                "Add keyConditionExpression(\"pk = :pk\") with the partition key's value; to read every item use "
                        + "Scan.");
    }

    private static String hint(String text, ExpressionChecks.Problem p) {
        return switch (p.category()) {
            case EMPTY -> "Give the partition key's equality condition, e.g. `pk = :pk`.";
            case REDUNDANT_PARENTHESES -> "Keep one pair of parentheses.";
            case FUNCTION -> {
                String spelling = ExpressionChecks.knownSpelling(text.substring(p.start(),
                        Math.min(text.length(), p.end())));
                yield spelling != null ? "Function names are case-sensitive: write `" + spelling + "`."
                        : "A key condition takes `=`, `<`, `<=`, `>`, `>=`, BETWEEN and begins_with only.";
            }
            case KEY_CONDITION -> "A key condition is `pk = :pk`, optionally AND one condition on the sort key "
                    + "(`=`, `<`, `<=`, `>`, `>=`, BETWEEN, begins_with); move other conditions into a "
                    + "FilterExpression.";
            case KEY_SCHEMA -> "Name the partition key of the queried table or index with `=`, and its sort key (if "
                    + "it has one) at most once; move conditions on other attributes into a FilterExpression.";
            case OPERAND_TYPE -> "Give BETWEEN its lower bound first, in DynamoDB's order (numbers numerically, "
                    + "strings by UTF-8 bytes), and both bounds of the key's type.";
            default -> null;
        };
    }
}
