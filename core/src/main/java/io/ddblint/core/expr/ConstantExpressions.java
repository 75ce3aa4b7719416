package io.ddblint.core.expr;

import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.Request;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.facts.Value;
import io.ddblint.core.model.Model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The expressions of a request as constants: for each kind, every text it can take (one for a constant, several for a
 * choice between constants). Expression rules only ever judge these; anything else is not statically known.
 */
public final class ConstantExpressions {

    private ConstantExpressions() {
    }

    /** The kinds whose expression is constant, with their possible texts; other kinds are left out. */
    public static Map<ExpressionKind, Set<String>> known(Request request, Model model) {
        Map<ExpressionKind, Set<String>> out = new EnumMap<>(ExpressionKind.class);
        request.expressions().byKind().forEach((kind, value) ->
                value.known().flatMap(model::values).ifPresent(v -> out.put(kind, v)));
        return out;
    }

    /**
     * Every expression of the request with its possible texts, or empty when one of them is not constant, or when
     * part of the request could not be followed (then an expression may be set where the analysis did not look).
     */
    public static Optional<Map<ExpressionKind, Set<String>>> all(Request request, Model model) {
        Map<ExpressionKind, Set<String>> known = known(request, model);
        long present = request.expressions().byKind().values().stream()
                .filter(v -> !(v instanceof Value.Absent<SymbolicString>)).count();
        return known.size() == present ? Optional.of(known) : Optional.empty();
    }
}
