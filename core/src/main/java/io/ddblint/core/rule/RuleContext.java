package io.ddblint.core.rule;

import io.ddblint.core.SourceRange;
import io.ddblint.core.expr.ExpressionParser;
import io.ddblint.core.expr.ParsedExpression;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.Member;
import io.ddblint.core.model.Model;
import io.ddblint.core.partiql.PartiQlParser;
import io.ddblint.core.partiql.Statement;
import io.ddblint.core.rule.Limits;

/** What a rule sees of the run and how it reports. */
public interface RuleContext {

    /** The linked project model: tables, constants, call sites. */
    Model model();

    /** The service limits in force: the defaults, or what {@code ddb-lint.yml} says. */
    Limits limits();

    /**
     * A constant expression parsed with DynamoDB's grammar. The engine parses each kind and text once per run and
     * shares the result between rules; this default, for contexts outside the engine, parses every time.
     */
    default ParsedExpression expression(ExpressionKind kind, String text) {
        return ExpressionParser.parse(kind, text);
    }

    /**
     * A constant PartiQL statement parsed. The engine parses each text once per run and shares it; this default, for
     * contexts outside the engine, parses every time.
     */
    default Statement statement(String text) {
        return PartiQlParser.parse(text);
    }

    /** Reports a finding at the call site, with a hint on how to fix it (may be null). */
    void report(CallSite site, String message, String fixHint);

    default void report(CallSite site, String message) {
        report(site, message, null);
    }

    /**
     * Reports a finding at a location that is not a call site (a table definition, an entity field).
     *
     * @param member    the enclosing member, part of the fingerprint
     * @param enclosing the same member structured, for front ends that map findings to bytecode; null when the
     *                  location is not in a Java member (a template)
     * @param code      the code at the location, normalized into the fingerprint
     */
    void report(String path, SourceRange range, String member, Member enclosing, String code, String message,
                String fixHint);

    /** Reports a finding at a location that is not a call site, without a structured member. */
    default void report(String path, SourceRange range, String member, String code, String message,
                        String fixHint) {
        report(path, range, member, null, code, message, fixHint);
    }
}
