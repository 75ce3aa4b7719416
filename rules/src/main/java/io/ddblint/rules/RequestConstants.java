package io.ddblint.rules;

import io.ddblint.core.expr.ConstantValue;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.Value;
import io.ddblint.core.model.KeySchema;
import io.ddblint.core.model.Model;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** Receivers that are an index: what they read is the index's, whose name the request may not show. */
    private static final Set<String> INDEX_RECEIVERS = Set.of("com.amazonaws.services.dynamodbv2.document.Index",
            "software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex",
            "software.amazon.awssdk.enhanced.dynamodb.DynamoDbAsyncIndex");

    /**
     * The key schema of what the call reads: {@link Model#keys}, except on an index object whose index name is not
     * known, which {@link Model#keys} would take for the table.
     */
    static Optional<KeySchema> keys(CallSite site, Model model) {
        if (INDEX_RECEIVERS.contains(site.receiverType())
                && !(site.request().indexName() instanceof Value.Known<?>)) {
            return Optional.empty();
        }
        return model.keys(site);
    }

    /** An expression as messages quote it. */
    static String quoted(String text) {
        return text.isEmpty() ? "" : " (in `" + (text.length() <= 80 ? text : text.substring(0, 77) + "...") + "`)";
    }
}
