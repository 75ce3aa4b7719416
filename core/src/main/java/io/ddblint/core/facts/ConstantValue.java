package io.ddblint.core.facts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One DynamoDB {@code AttributeValue} as the code builds it, read as DynamoDB will see it: which data type it sets
 * (v2 {@code AttributeValue.builder().s(..)}, {@code AttributeValue.fromS(..)}, v1 {@code new AttributeValue()
 * .withS(..)}, setters, the document API's {@code ValueMap.withString(..)}) and its content when that is constant.
 * A value built with no type or with several is kept as such: DynamoDB rejects both.
 */
public sealed interface ConstantValue {

    /** DynamoDB's data types, by their wire names. */
    enum Type {
        S, N, B, BOOL, NULL, L, M, SS, NS, BS;

        /** The SDK's method suffix ({@code s}, {@code bool}, {@code nul}, {@code ss}...) or wire name, any case. */
        public static Optional<Type> ofSuffix(String suffix) {
            String s = suffix.toUpperCase(java.util.Locale.ROOT);
            if (s.equals("NUL")) {
                return Optional.of(NULL);
            }
            return Arrays.stream(values()).filter(t -> t.name().equals(s)).findFirst();
        }

        public boolean isSet() {
            return this == SS || this == NS || this == BS;
        }
    }

    /** The one type the value sets, when it sets exactly one that is known. */
    default Optional<Type> dataType() {
        return Optional.empty();
    }

    /** A value whose type the analysis cannot see (a parameter, a helper's result, ...). */
    record Unknown(String code) implements ConstantValue {
    }

    /**
     * A value of a scalar type: S, N, B, BOOL or NULL.
     *
     * @param text the content as DynamoDB receives it when constant ({@code "42"}, {@code "true"}; a binary's UTF-8
     *             text when built from a string), or null
     */
    record Scalar(Type type, String text) implements ConstantValue {
        @Override
        public Optional<Type> dataType() {
            return Optional.of(type);
        }
    }

    /**
     * A string, number or binary set.
     *
     * @param elements the elements in the code's order, duplicates kept, when every one is constant; else null
     */
    record SetOf(Type type, List<String> elements) implements ConstantValue {
        public SetOf {
            elements = elements == null ? null : List.copyOf(elements);
        }

        @Override
        public Optional<Type> dataType() {
            return Optional.of(type);
        }
    }

    /** A list (L): its elements when every one is seen, else null. */
    record ListOf(List<ConstantValue> elements) implements ConstantValue {
        public ListOf {
            elements = elements == null ? null : List.copyOf(elements);
        }

        @Override
        public Optional<Type> dataType() {
            return Optional.of(Type.L);
        }
    }

    /** A map (M). */
    record MapOf(AttributeMap entries) implements ConstantValue {
        @Override
        public Optional<Type> dataType() {
            return Optional.of(Type.M);
        }
    }

    /** A value built with no data type, or with more than one: DynamoDB rejects both. */
    record Untyped(List<Type> types) implements ConstantValue {
        public Untyped {
            types = List.copyOf(types);
        }
    }
}
