package io.ddblint.core.facts;

/** Whether a file is production code. Decided once, at discovery, from the source roots (RULES.md). */
public enum SourceKind { MAIN, TEST }
