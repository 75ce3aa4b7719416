package io.ddblint.core.facts;

/**
 * An enhanced client {@code Key}: {@code Key.builder().partitionValue(..).sortValue(..).build()}, whose values are
 * the table's partition and sort key by position, whatever their attribute names.
 *
 * @param partition the partition value; an {@link ConstantValue.Unknown} when not seen
 * @param sort      the sort value, or null when the key sets none
 */
public record PositionalKey(ConstantValue partition, ConstantValue sort) {

    public PositionalKey {
        java.util.Objects.requireNonNull(partition, "partition");
    }
}
