package io.ddblint.rules;

import io.ddblint.core.expr.ConstantValue;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.Value;
import io.ddblint.core.model.KeySchema;
import io.ddblint.core.model.Model;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the expression rules know of a request's ExpressionAttributeNames and ExpressionAttributeValues contents:
 * the attribute each {@code #name} stands for and the constant behind each {@code :value}. Checks that need them
 * (BETWEEN order, operand types, a key's type, a key named through a placeholder) are silent where they are unknown.
 * Values come from the facts' constant AttributeValues ({@code Request.attributeValueContents()}).
 */
final class RequestConstants {

    private RequestConstants() {
    }

    // LIMITATION: the facts hold the ExpressionAttributeNames' keys only (KeySet), not the attributes they stand for,
    // so a key named through a #placeholder is never judged against the model. Once they carry them, map them here.

    /** The attribute each {@code #name} of the request stands for, where statically known. */
    static Map<String, String> names(CallSite site) {
        return Map.of();
    }

    /**
     * The constant value of each {@code :value} of the request that every path through the code puts: its type, and
     * for strings, numbers and binaries its content when constant.
     */
    static Map<String, ConstantValue> values(CallSite site) {
        Map<String, ConstantValue> out = new HashMap<>();
        site.request().attributeValueContents().known().ifPresent(map -> map.entries().forEach((key, value) -> {
            if (value instanceof io.ddblint.core.facts.ConstantValue.Scalar scalar) {
                String text = scalar.text();
                if (text != null && scalar.type() == io.ddblint.core.facts.ConstantValue.Type.B) {
                    // The facts hold a binary as its UTF-8 text; core.expr as the wire's base64.
                    text = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
                }
                out.put(key, new ConstantValue(scalar.type().name(), text));
            } else if (!(value instanceof io.ddblint.core.facts.ConstantValue.Untyped)) {
                value.dataType().ifPresent(type -> out.put(key, ConstantValue.of(type.name())));
            }
        }));
        return Map.copyOf(out);
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
