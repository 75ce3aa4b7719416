package io.ddblint.core.facts;

import java.util.Optional;
import java.util.function.Function;

/**
 * What static analysis knows about one property of a request: set to a value it can see ({@link Known}), set to
 * something it cannot see or perhaps set where it could not look ({@link Unknown}), or not set ({@link Absent}).
 * One representation for every property, instead of null for "not set", a separate unknown marker and a flag for
 * "not everything was seen".
 *
 * @param <T> what a known value is: a {@link SymbolicString} for strings (which the model may still have to fold
 *            into a constant), {@link Boolean}, {@link KeySet}, a type name
 */
public sealed interface Value<T> {

    /** Set, to a value the code shows. */
    record Known<T>(T value) implements Value<T> {
        public Known {
            java.util.Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Not known statically.
     *
     * @param reason why; {@link Reason#NOT_FOLLOWED} means the property was not seen in the part of the request
     *               that could be followed, so it may or may not be set
     * @param text   the code as written, for messages; null when nothing was seen
     */
    record Unknown<T>(Reason reason, String text) implements Value<T> {
        public Unknown {
            java.util.Objects.requireNonNull(reason, "reason");
        }
    }

    /** Not set: the whole request was seen and it does not set this property. */
    record Absent<T>() implements Value<T> {
    }

    /** Why a value is unknown. */
    enum Reason {
        /** A method or lambda parameter. */
        PARAMETER,
        /** A method call result, including {@code String.format}, {@code formatted}, {@code StringBuilder}. */
        CALL,
        /** Anything else: a non-final field, an array element, a non-literal flag, ... */
        OTHER,
        /** Not seen, in a request built partly where the analysis cannot follow (another method, say). */
        NOT_FOLLOWED
    }

    static <T> Value<T> known(T value) {
        return new Known<>(value);
    }

    static <T> Value<T> absent() {
        return new Absent<>();
    }

    static <T> Value<T> unknown(Reason reason, String text) {
        return new Unknown<>(reason, text);
    }

    static <T> Value<T> notFollowed() {
        return new Unknown<>(Reason.NOT_FOLLOWED, null);
    }

    /**
     * A string expression as the extractor folded it: a {@link SymbolicString.Unknown} at the top becomes an
     * {@link Unknown} with its origin as the reason; anything else is known (perhaps only symbolically, until the
     * model folds it).
     */
    static Value<SymbolicString> of(SymbolicString s) {
        if (s == null) {
            return absent();
        }
        if (s instanceof SymbolicString.Unknown u) {
            Reason reason = switch (u.origin()) {
                case PARAMETER -> Reason.PARAMETER;
                case CALL -> Reason.CALL;
                case OTHER -> Reason.OTHER;
            };
            return unknown(reason, u.text());
        }
        return known(s);
    }

    /** The value, when known. */
    default Optional<T> known() {
        return this instanceof Known<T> k ? Optional.of(k.value()) : Optional.empty();
    }

    /** Whether the code is seen to set the property, to a known value or not. */
    default boolean isSet() {
        return this instanceof Known<T> || this instanceof Unknown<T> u && u.reason() != Reason.NOT_FOLLOWED;
    }

    /** Whether the value is known to be {@code value}. */
    default boolean is(T value) {
        return known().filter(value::equals).isPresent();
    }

    /** A known value mapped; unknown and absent values stay what they are. */
    default <R> Value<R> map(Function<? super T, ? extends R> f) {
        if (this instanceof Known<T> k) {
            return known(f.apply(k.value()));
        }
        return this instanceof Unknown<T> u ? unknown(u.reason(), u.text()) : absent();
    }

    /** An absent value as seen in a request that could not be followed whole: then it is only "not seen". */
    default Value<T> orNotFollowed(boolean followed) {
        return this instanceof Absent<T> && !followed ? notFollowed() : this;
    }
}
