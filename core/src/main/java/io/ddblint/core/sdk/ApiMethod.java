package io.ddblint.core.sdk;

import io.ddblint.core.facts.Operation;

import java.util.List;
import java.util.Optional;

/**
 * One public method of an SDK type, as one row of {@code dynamodb-api.txt}: what it does, the request it reads and the
 * response it yields, and which accessors of that response tell a caller about more results or unprocessed items.
 *
 * @param receiver      fully qualified name of the type that declares the method (an API type, or a client
 *                      factory / schema type for the static rows)
 * @param name          the method name; overloads share one row (two for mapper {@code count}, one per request type)
 * @param kind          what calling it does
 * @param operation     the DynamoDB operation, for {@link Kind#OPERATION} rows only
 * @param paginates     whether the method pages through all results itself
 * @param tracked       whether the extractor reports call sites of it
 * @param requestType   the type carrying the request's properties, when an overload takes one
 * @param responseType  what the call yields (a future's value for async methods), fully qualified; {@code void},
 *                      a primitive, or {@link #ITEM} for the mapped item class
 * @param continuationAccessors accessors of the response that say whether more results follow
 * @param unprocessedAccessors  accessors of the response that give what DynamoDB did not process
 */
public record ApiMethod(String receiver, String name, Kind kind, Optional<Operation> operation, boolean paginates,
                        boolean tracked, Optional<String> requestType, String responseType,
                        List<String> continuationAccessors, List<String> unprocessedAccessors) {

    /** The response type of a method that returns the mapped item ({@code T getItem(..)}, {@code T load(..)}). */
    public static final String ITEM = "T";

    /** What calling a method does. */
    public enum Kind {
        /** Performs a DynamoDB operation. */
        OPERATION,
        /** Returns another API object: {@code enhanced.table(..)}, {@code table.index(..)}, {@code getTable(..)}. */
        NAVIGATION,
        /** A static method that returns a client. */
        CLIENT_FACTORY,
        /** A static method that starts a builder whose {@code build()} returns a client. */
        CLIENT_BUILDER,
        /** A static enhanced {@code TableSchema} factory whose argument is the mapped class. */
        SCHEMA_FACTORY
    }

    public ApiMethod {
        if (operation.isPresent() != (kind == Kind.OPERATION)) {
            throw new IllegalArgumentException(receiver + "." + name + ": an operation exactly for operation rows");
        }
        continuationAccessors = List.copyOf(continuationAccessors);
        unprocessedAccessors = List.copyOf(unprocessedAccessors);
    }

    /** Whether this row performs an operation the extractor reports. */
    public boolean isTrackedOperation() {
        return kind == Kind.OPERATION && tracked;
    }
}
