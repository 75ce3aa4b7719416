package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.expr.ConstantExpressions;
import io.ddblint.core.expr.Node;
import io.ddblint.core.expr.ParsedExpression;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.model.KeyAttribute;
import io.ddblint.core.model.KeySchema;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DDB-C011: a Query whose FilterExpression names a key attribute of the queried table or index. DynamoDB rejects it:
 * conditions on keys belong in the KeyConditionExpression, where they narrow what is read instead of filtering what
 * was read.
 */
@RuleInfo(
        id = "DDB-C011",
        name = "FilterOnKeyAttribute",
        summary = "A Query filter on a key attribute of the queried table or index",
        severity = Severity.ERROR,
        category = Category.CORRECTNESS,
        tags = {"expression", "query", "model"})
public final class FilterOnKeyAttribute implements Rule {

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        if (site.operation() != Operation.QUERY) {
            return;
        }
        Set<String> texts = ConstantExpressions.known(site.request(), context.model()).get(ExpressionKind.FILTER);
        Optional<KeySchema> keys = RequestConstants.keys(site, context.model());
        if (texts == null || keys.isEmpty()) {
            return;
        }
        Map<String, String> names = RequestConstants.names(site);
        for (String text : texts) {
            ParsedExpression parsed = context.expression(ExpressionKind.FILTER, text);
            keyNamed(parsed, names, keys.get()).ifPresent(key -> context.report(site,
                    "Filter Expression can only contain non-primary key attributes: Primary key attribute: "
                            + key.name() + RequestConstants.quoted(text),
                    "Move the condition on `" + key.name() + "` into the KeyConditionExpression (`=` on the "
                            + "partition key; `=`, `<`, `<=`, `>`, `>=`, BETWEEN or begins_with on the sort key)."));
        }
    }

    /** The first key attribute, in key-schema order, that the filter names at the head of a path. */
    private static Optional<KeyAttribute> keyNamed(ParsedExpression parsed, Map<String, String> names,
                                                   KeySchema keys) {
        if (parsed.root() == null) {
            return Optional.empty();
        }
        Set<String> heads = new HashSet<>();
        for (Node.Path p : parsed.paths()) {
            Node.Name first = (Node.Name) p.elements().get(0);
            String attribute = first.placeholder() ? names.get(first.text()) : first.text();
            if (attribute != null) {
                heads.add(attribute);
            }
        }
        return keys.attributes().stream().filter(k -> heads.contains(k.name())).findFirst();
    }
}
