package io.ddblint.rules;

import io.ddblint.core.expr.ConstantValue;
import io.ddblint.core.facts.CallSite;

import java.util.Map;

/**
 * What the expression rules know of a request's ExpressionAttributeNames and ExpressionAttributeValues contents:
 * the attribute each {@code #name} stands for and the constant behind each {@code :value}. Checks that need them
 * (BETWEEN order, operand types, a key's type, a key named through a placeholder) are silent where they are unknown.
 */
final class RequestConstants {

    private RequestConstants() {
    }

    // LIMITATION: the facts hold the maps' keys only (KeySet). Once they carry the constant contents (names'
    // attributes, AttributeValues' types and texts), map them here; the checks in core.expr already take them.

    /** The attribute each {@code #name} of the request stands for, where statically known. */
    static Map<String, String> names(CallSite site) {
        return Map.of();
    }

    /** The constant value of each {@code :value} of the request, where statically known. */
    static Map<String, ConstantValue> values(CallSite site) {
        return Map.of();
    }

    /** An expression as messages quote it. */
    static String quoted(String text) {
        return text.isEmpty() ? "" : " (in `" + (text.length() <= 80 ? text : text.substring(0, 77) + "...") + "`)";
    }
}
