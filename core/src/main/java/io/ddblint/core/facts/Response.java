package io.ddblint.core.facts;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the method around a call site does with the call's result, seen while the file's AST was alive. For calls
 * that return a future (v2 async clients, v1 {@code xxxAsync}), the result is the future's value as far as the method
 * waits for it ({@code join()}, {@code get()}, or a {@code thenApply}/{@code thenAccept} lambda's parameter).
 *
 * <p>Every way the value is read is one {@link Path}: the methods called on it in a chain, and where that chain ends.
 * {@code client.getItem(r).item().get("k").s()} is one path {@code item, get, s}; a response held in a local has one
 * path per reading of the local. A value derived from the response and held in a local of its own
 * ({@code Map item = response.item();}) continues its path through that local.
 *
 * @param use                  what happens to the result itself
 * @param paths                every reading of the result; empty when it is discarded or {@link Use#UNKNOWN}
 * @param readsContinuation    whether the enclosing member reads a continuation anywhere ({@code lastEvaluatedKey()},
 *                             {@code hasLastEvaluatedKey()}, {@code getLastEvaluatedKey()})
 * @param setsStartKey         whether the enclosing member sets a start key anywhere ({@code exclusiveStartKey},
 *                             {@code withExclusiveStartKey}, {@code setExclusiveStartKey})
 * @param loadingStrategy      for v1 mapper calls: the {@code PaginationLoadingStrategy} the call passes
 *                             ({@code ITERATION_ONLY}...), absent when it passes no mapper config, unknown when it
 *                             passes one that cannot be read; absent for other calls
 */
public record Response(Use use, List<Path> paths, boolean readsContinuation, boolean setsStartKey,
                       Value<String> loadingStrategy) {

    /** What happens to a call's result. */
    public enum Use {
        /** An expression statement: nobody reads the result. */
        DISCARDED,
        /** Returned from the method, or the result of a lambda's expression body ({@code () -> client.scan(r)}). */
        RETURNED,
        /** Passed as an argument to a method or constructor other than the null checks of {@link End#NULL_CHECKED}. */
        PASSED,
        /** Stored in a field (or a variable that is not a local of the method). */
        STORED,
        /** Held in a local variable assigned once, not aliased and not read in a lambda: {@link #paths} say how. */
        LOCAL,
        /** A method is called on it directly: one path. */
        CHAINED,
        /** Read in another way the paths describe (a null check, a for-each loop, a condition). */
        OTHER,
        /** A future nobody waits for in the method: what becomes of its value is not known. */
        NOT_AWAITED,
        /** Not followed: a local reassigned, aliased or read in a lambda, a future handled in a way not modelled. */
        UNKNOWN;

        /** Whether the result leaves the method, so whoever receives it may do what the method does not. */
        public boolean escapes() {
            return this == RETURNED || this == PASSED || this == STORED;
        }
    }

    /** Where one path of reading ends. */
    public enum End {
        /** The last call's value is not used further (a statement, or compared, tested, indexed...). */
        USED,
        /**
         * Compared with {@code null}, or given to {@code Objects.isNull/nonNull/requireNonNull} or
         * {@code Optional.ofNullable}.
         */
        NULL_CHECKED,
        /** Returned from the method or a lambda. */
        RETURNED,
        /** Passed as an argument. */
        PASSED,
        /** Copied into a new collection: {@code new ArrayList<>(x)}, {@code addAll(x)}. */
        COPIED,
        /** Stored in a field. */
        STORED,
        /** Iterated by an enhanced {@code for}. */
        ITERATED,
        /** Held in a local that cannot be followed (reassigned, aliased, read in a lambda). */
        UNKNOWN;

        public boolean escapes() {
            return this == RETURNED || this == PASSED || this == STORED || this == UNKNOWN;
        }
    }

    /**
     * One reading of the result.
     *
     * @param calls the methods called one after another, starting on the result; empty when the result itself ends
     *              the path ({@code if (order == null)}, {@code for (x : list)})
     * @param end   what becomes of the last value
     */
    public record Path(List<String> calls, End end) {

        public Path {
            calls = List.copyOf(calls);
        }

        /** The first method called on the result, if any. */
        public Optional<String> first() {
            return calls.isEmpty() ? Optional.empty() : Optional.of(calls.get(0));
        }

        /** Whether the path starts with exactly these calls. */
        public boolean startsWith(String... prefix) {
            if (calls.size() < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (!calls.get(i).equals(prefix[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Nothing known: method references, and call sites built outside the extractor. */
    public static final Response UNKNOWN = new Response(Use.UNKNOWN, List.of(), false, false, Value.absent());

    public Response {
        paths = List.copyOf(paths);
    }

    /** Whether the result, or a value read from it, leaves the method. */
    public boolean escapes() {
        return use.escapes() || paths.stream().anyMatch(p -> p.calls().isEmpty() && p.end().escapes());
    }

    /** Whether the result is followed: held in a local, chained, or read in a way the paths describe. */
    public boolean followed() {
        return use == Use.LOCAL || use == Use.CHAINED || use == Use.OTHER;
    }

    /** Whether any path calls one of these methods first. */
    public boolean callsAny(Set<String> methods) {
        return paths.stream().anyMatch(p -> p.first().filter(methods::contains).isPresent());
    }

    /** Whether the result itself is null-checked (or wrapped in {@code Optional.ofNullable}). */
    public boolean nullChecked() {
        return paths.stream().anyMatch(p -> p.calls().isEmpty() && p.end() == End.NULL_CHECKED);
    }

    /** Whether the continuation is read or a start key set anywhere in the member. */
    public boolean pages() {
        return readsContinuation || setsStartKey;
    }
}
