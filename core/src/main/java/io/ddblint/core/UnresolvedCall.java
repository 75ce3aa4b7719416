package io.ddblint.core;

import java.util.Comparator;

/**
 * A call named like a DynamoDB operation whose receiver type could not be resolved. No rule looks at it (precision
 * first); it is listed so users can see what a quiet report did not cover, and add a classpath if they want it.
 */
public record UnresolvedCall(String path, SourceRange range, String code) {

    public static final Comparator<UnresolvedCall> ORDER =
            Comparator.comparing(UnresolvedCall::path).thenComparing(UnresolvedCall::range);
}
