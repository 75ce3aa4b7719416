package io.ddblint.core.facts;

/**
 * The innermost loop-like construct around a call or a client creation, inside its member: a loop statement, a
 * lambda passed to {@code forEach}, or a lambda passed to a per-element operation of a {@code Stream}.
 *
 * @param kind           what the construct is; {@link LoopKind#NONE} when there is none
 * @param construct      the construct as a message quotes it ({@code for (String id : ids)}, {@code ids.forEach(...)},
 *                       {@code .map(...)}); empty when there is none
 * @param exitsAfterCall whether the loop body always leaves the loop right after the call: the call is in a
 *                       {@code return} or {@code throw}, or the next statement is {@code break}, {@code return} or
 *                       {@code throw}, so the call runs at most once per execution of the loop
 */
public record Loop(LoopKind kind, String construct, boolean exitsAfterCall) {

    public static final Loop NONE = new Loop(LoopKind.NONE, "", false);

    /** Whether the call runs once per element of a collection or stream: not a retry or polling loop. */
    public boolean perElement() {
        return kind == LoopKind.FOR_EACH || kind == LoopKind.FOR || kind == LoopKind.FOR_EACH_METHOD
                || kind == LoopKind.STREAM_LAMBDA;
    }

    /** Whether the call can run more than once per execution of its member. */
    public boolean repeats() {
        return kind.isLoop() && !exitsAfterCall;
    }
}
