package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.expr.ConstantExpressions;
import io.ddblint.core.expr.Node;
import io.ddblint.core.expr.ParsedExpression;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ConstantValueProblems;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.KeySet;
import io.ddblint.core.facts.Request;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * DDB-C005: the {@code #name}/{@code :value} placeholders of a request's expressions and the keys of its
 * ExpressionAttributeNames/Values maps disagree: DynamoDB rejects undefined, unused and malformed ones.
 *
 * <p>Only requests whose every expression and both maps are statically known are judged. An expression that can take
 * several constant texts (a conditional choice) is judged path by path where that is sound: a placeholder that one
 * text uses and no map key defines is undefined on that path; a key that no text uses is unused on every path. Keys
 * put into a map under the same {@code if} that chooses the expression are therefore never reported.
 */
@RuleInfo(
        id = "DDB-C005",
        name = "ExpressionPlaceholderMismatch",
        summary = "Expression placeholders and the request's attribute name/value maps disagree",
        severity = Severity.ERROR,
        category = Category.CORRECTNESS,
        tags = {"expression", "placeholder"})
public final class ExpressionPlaceholderMismatch implements Rule {

    private static final Pattern NAME_KEY = Pattern.compile("#[A-Za-z0-9_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[A-Za-z0-9_]+");

    // LIMITATION: the facts hold the names map's keys, not its values, so names mapped to "" are not checked, and an
    // empty map cannot be told from an absent one.

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        Request request = site.request();
        // DynamoDB validates every value before it reads an expression, whatever the expressions are.
        Optional<String> invalid = request.attributeValueContents().known().flatMap(ConstantValueProblems::first);
        if (invalid.isPresent()) {
            context.report(site, "ExpressionAttributeValues contains invalid value: " + invalid.get(),
                    "Give each AttributeValue exactly one data type; sets hold at least one element, each once; "
                            + "numbers have at most 38 significant digits.");
            return;
        }
        Optional<KeySet> knownNames = KeySet.allKnown(request.attributeNames());
        Optional<KeySet> knownValues = KeySet.allKnown(request.attributeValues());
        if (knownNames.isEmpty() || knownValues.isEmpty()) {
            return;
        }
        KeySet names = knownNames.get();
        KeySet values = knownValues.get();
        Optional<Map<ExpressionKind, Set<String>>> expressions = ConstantExpressions.all(request, context.model());
        if (expressions.isEmpty()) {
            return;
        }
        if (expressions.get().isEmpty()) {
            noExpression(site, context, names, "ExpressionAttributeNames");
            noExpression(site, context, values, "ExpressionAttributeValues");
            return;
        }
        List<ParsedExpression> parsed = new ArrayList<>();
        for (Map.Entry<ExpressionKind, Set<String>> e : expressions.get().entrySet()) {
            for (String text : e.getValue()) {
                ParsedExpression p = context.expression(e.getKey(), text);
                if (p.root() == null) {
                    // What a malformed expression uses is unknown: DDB-C012 and its kin report it.
                    return;
                }
                parsed.add(p);
            }
        }
        Set<String> usedNames = new TreeSet<>();
        Set<String> usedValues = new TreeSet<>();
        for (ParsedExpression p : parsed) {
            undefinedName(site, context, p, names).ifPresent(usedNames::add);
            undefinedValue(site, context, p, values).ifPresent(usedValues::add);
            p.namePlaceholders().forEach(n -> usedNames.add(n.text()));
            p.values().forEach(v -> usedValues.add(v.name()));
        }
        keys(site, context, names, usedNames, NAME_KEY, "ExpressionAttributeNames");
        keys(site, context, values, usedValues, VALUE_KEY, "ExpressionAttributeValues");
    }


    private static Optional<String> undefinedName(CallSite site, RuleContext context, ParsedExpression p,
                                                  KeySet names) {
        for (Node.Name n : p.namePlaceholders()) {
            if (!names.keys().contains(n.text())) {
                context.report(site, "Invalid " + p.kind().wireName() + ": An expression attribute name used in the "
                        + "document path is not defined; attribute name: " + n.text(),
                        "Add \"" + n.text() + "\" to the request's ExpressionAttributeNames.");
                return Optional.of(n.text());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> undefinedValue(CallSite site, RuleContext context, ParsedExpression p,
                                                   KeySet values) {
        for (Node.Value v : p.values()) {
            if (!values.keys().contains(v.name())) {
                context.report(site, "Invalid " + p.kind().wireName() + ": An expression attribute value used in "
                        + "expression is not defined; attribute value: " + v.name(),
                        "Add \"" + v.name() + "\" to the request's ExpressionAttributeValues.");
                return Optional.of(v.name());
            }
        }
        return Optional.empty();
    }

    private static void keys(CallSite site, RuleContext context, KeySet keys, Set<String> used, Pattern valid,
                             String map) {
        Set<String> unused = new TreeSet<>();
        for (String key : keys.keys()) {
            if (!valid.matcher(key).matches()) {
                context.report(site, map + " contains invalid key: Syntax error; key: \"" + key + "\"",
                        "Keys start with " + (valid == NAME_KEY ? "'#'" : "':'")
                                + " followed by letters, digits or '_'.");
            } else if (!used.contains(key)) {
                unused.add(key);
            }
        }
        if (!unused.isEmpty()) {
            context.report(site, "Value provided in " + map + " unused in expressions: keys: {"
                    + String.join(", ", unused) + "}", "Remove the unused keys, or use them in an expression.");
        }
    }

    private static void noExpression(CallSite site, RuleContext context, KeySet keys, String map) {
        if (!keys.keys().isEmpty()) {
            context.report(site, map + " can only be specified when using expressions",
                    "Remove the map, or set the expression that uses it.");
        }
    }
}
