package io.ddblint.core.facts;

/** A boolean request property as far as static analysis knows it. */
public enum Flag {
    /** Not set in the request. */
    UNSET,
    TRUE,
    FALSE,
    /** Set to a value not known statically. */
    UNKNOWN
}
