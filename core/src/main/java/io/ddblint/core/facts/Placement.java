package io.ddblint.core.facts;

/**
 * Where in the program's flow a call or client creation sits: the loop around it and the role of its member.
 * Computed while the AST is alive, so rules can judge "once per element" or "once per request" from facts alone.
 */
public record Placement(Loop loop, MethodRole role) {

    public static final Placement NONE = new Placement(Loop.NONE, MethodRole.OTHER);
}
