package io.ddblint.core.facts;

/** The innermost loop-like construct around a call site, inside its method. */
public enum LoopKind {
    NONE, FOR_EACH, FOR, WHILE, DO, FOR_EACH_METHOD, STREAM_LAMBDA;

    public boolean isLoop() {
        return this != NONE;
    }
}
