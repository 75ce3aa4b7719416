package io.ddblint.core.expr;

import io.ddblint.core.facts.ExpressionKind;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The expressions of one run, each parsed once: several rules ask for the same expression of the same call site
 * (C004, C005, C012, ...), and many call sites repeat one constant expression. Keyed by kind and text, since the
 * parse depends on nothing else; it lives as long as the run's rule contexts.
 */
public final class ParsedExpressions {

    private record Key(ExpressionKind kind, String text) {
    }

    private final Map<Key, ParsedExpression> parsed = new ConcurrentHashMap<>();

    public ParsedExpression get(ExpressionKind kind, String text) {
        return parsed.computeIfAbsent(new Key(kind, text), k -> ExpressionParser.parse(k.kind(), k.text()));
    }
}
