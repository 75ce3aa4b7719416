package io.ddblint.core.facts;

import io.ddblint.core.SourceRange;

/**
 * The creation of a DynamoDB client, enhanced client, document API {@code DynamoDB} or {@code DynamoDBMapper}:
 * {@code DynamoDbClient.create()}, a {@code builder()...build()} chain, {@code AmazonDynamoDBClientBuilder.standard()
 * ...build()}, {@code defaultClient()}, or {@code new AmazonDynamoDBClient(..)}/{@code new DynamoDBMapper(..)}/
 * {@code new DynamoDB(..)}, matched on resolved types.
 *
 * @param clientType the created API type, fully qualified
 * @param context    the code around the creation, as for a call site ({@code forwarding} is always false)
 * @param placement  its loop and the role of its member
 * @param cached     whether the created object is kept for later: assigned to a field, put into a field's map, or
 *                   made inside a lambda given to {@code computeIfAbsent}-like caches; then it is not made per use
 * @param code       the creation's source text, normalized, for messages and fingerprints
 */
public record ClientCreation(Location location, String clientType, CallSite.Context context, Placement placement,
                             boolean cached, String code) {

    public String path() {
        return location.path();
    }

    public SourceRange range() {
        return location.range();
    }

    public boolean isProduction() {
        return context.kind() == SourceKind.MAIN;
    }

    /** The simple name of the created type ({@code DynamoDbClient}). */
    public String simpleType() {
        return clientType.substring(clientType.lastIndexOf('.') + 1);
    }

    /** {@code com.acme.Handler#handleRequest(Map,Context)}: the member as findings name it. */
    public String qualifiedMember() {
        return context.enclosingType() + "#" + context.enclosingMember();
    }
}
