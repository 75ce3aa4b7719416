package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.facts.Value;
import io.ddblint.core.model.Model;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DDB-S001: a value concatenated (or formatted) into an expression or a PartiQL statement, where a {@code :value}
 * placeholder or a {@code ?} parameter belongs: whoever controls the value controls the condition (CWE-943).
 * Only a part standing where a value must stand is reported: inside quotes, or after a comparison in PartiQL.
 * Names built at run time ({@code "#" + name}, {@code ":v" + i}, a table name in {@code "..."}) are not values.
 */
@RuleInfo(
        id = "DDB-S001",
        name = "ExpressionInjection",
        summary = "A value concatenated into an expression or PartiQL statement instead of a placeholder",
        severity = Severity.ERROR,
        category = Category.SECURITY,
        tags = {"security", "injection", "cwe-943"})
public final class ExpressionInjection implements Rule {

    private static final String FIX = "Put a placeholder where the value stands and pass the value separately: "
            + "`:v` with expressionAttributeValues for expressions, `?` with parameters for PartiQL.";

    /** PartiQL value positions: after a comparison, inside {@code IN [...]}/{@code IN (...)}, after BETWEEN/AND. */
    private static final Pattern PARTIQL_VALUE_POSITION = Pattern.compile(
            "(?is).*(?:<>|!=|<=|>=|[=<>]|\\bIN\\s*[\\[(](?:[^\\])]*,)?|\\bBETWEEN|\\bBETWEEN\\s+\\S+\\s+AND)\\s*");
    private static final Set<Character> QUOTES = Set.of('\'', '"');

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        for (ExpressionKind kind : ExpressionKind.values()) {
            check(site, site.request().expression(kind), kind.wireName(), false, context);
        }
        check(site, site.request().statement(), "PartiQL statement", true, context);
    }

    private static void check(CallSite site, Value<SymbolicString> value, String what, boolean partiql,
                              RuleContext context) {
        Optional<SymbolicString> s = value.known();
        if (s.isEmpty() || context.model().values(s.get()).isPresent()) {
            return;
        }
        embedded(s.get(), partiql, context.model()).ifPresent(part -> context.report(site, "`" + site.quote()
                + "` builds its " + what + " by putting " + origin(part) + " `" + part.text()
                + "` where a value stands: whoever controls it controls the " + (partiql ? "statement" : "condition")
                + " (NoSQL injection, CWE-943), and a quote in it breaks the request. Use "
                + (partiql ? "a `?` parameter" : "a `:value` placeholder") + " instead.", FIX));
    }

    /** The first part of a string that is not constant and stands where a value must: the one to report. */
    private static Optional<SymbolicString.Unknown> embedded(SymbolicString s, boolean partiql, Model model) {
        if (s instanceof SymbolicString.Choice c) {
            for (SymbolicString option : c.options()) {
                Optional<SymbolicString.Unknown> found = embedded(option, partiql, model);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        List<Piece> pieces = new ArrayList<>();
        flatten(s, model, pieces);
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i).unknown() != null && isValuePosition(before(pieces, i), after(pieces, i), partiql)) {
                return Optional.of(pieces.get(i).unknown());
            }
        }
        return Optional.empty();
    }

    /**
     * One part of a concatenation: constant text, a value not known statically ({@code unknown}), or something
     * opaque (a constant of a library the analysis cannot read) that neither counts nor lets text run across it.
     */
    private record Piece(String text, SymbolicString.Unknown unknown) {
        boolean isText() {
            return text != null;
        }
    }

    private static void flatten(SymbolicString s, Model model, List<Piece> out) {
        Optional<String> constant = model.values(s).map(v -> v.iterator().next());
        if (constant.isPresent()) {
            out.add(new Piece(constant.get(), null));
        } else if (s instanceof SymbolicString.Concat c) {
            c.parts().forEach(p -> flatten(p, model, out));
        } else if (s instanceof SymbolicString.Unknown u) {
            out.add(new Piece(null, u));
        } else {
            out.add(new Piece(null, null));
        }
    }

    private static String before(List<Piece> pieces, int i) {
        StringBuilder text = new StringBuilder();
        for (int j = i - 1; j >= 0 && pieces.get(j).isText(); j--) {
            text.insert(0, pieces.get(j).text());
        }
        return text.toString();
    }

    private static String after(List<Piece> pieces, int i) {
        StringBuilder text = new StringBuilder();
        for (int j = i + 1; j < pieces.size() && pieces.get(j).isText(); j++) {
            text.append(pieces.get(j).text());
        }
        return text.toString();
    }

    /**
     * Inside quotes a part is a value in every grammar (expressions have no quoted literals at all, PartiQL quotes
     * strings with {@code '}); PartiQL's double quotes enclose names, not values. After a comparison a PartiQL part
     * is a value too, since PartiQL has no named placeholders; in an expression it may be a {@code :placeholder}
     * chosen at run time, so it is left alone there.
     */
    private static boolean isValuePosition(String before, String after, boolean partiql) {
        if (!before.isEmpty() && !after.isEmpty()) {
            char open = before.charAt(before.length() - 1);
            char close = after.charAt(0);
            if (open == close && QUOTES.contains(open) && (open == '\'' || !partiql)) {
                return true;
            }
        }
        if (!partiql || before.isEmpty()) {
            return false;
        }
        String trimmed = before.stripTrailing();
        if (trimmed.endsWith("\"") || trimmed.endsWith("'")) {
            return false;
        }
        return PARTIQL_VALUE_POSITION.matcher(before).matches();
    }

    private static String origin(SymbolicString.Unknown part) {
        return switch (part.origin()) {
            case PARAMETER -> "the parameter";
            case CALL -> "the result of";
            case OTHER -> "the value of";
        };
    }
}
