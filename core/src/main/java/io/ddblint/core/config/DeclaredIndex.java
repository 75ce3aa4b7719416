package io.ddblint.core.config;

/**
 * A secondary index declared in the configuration.
 *
 * @param sortKey null for an index without a sort key
 */
public record DeclaredIndex(String name, String partitionKey, String sortKey) {
}
