package io.ddblint.core;

/** A 1-based, inclusive range in a source file, as JavaParser reports it. */
public record SourceRange(int line, int column, int endLine, int endColumn) implements Comparable<SourceRange> {

    public static final SourceRange UNKNOWN = new SourceRange(0, 0, 0, 0);

    public static SourceRange at(int line, int column) {
        return new SourceRange(line, column, line, column);
    }

    @Override
    public int compareTo(SourceRange o) {
        int c = Integer.compare(line, o.line);
        if (c == 0) c = Integer.compare(column, o.column);
        if (c == 0) c = Integer.compare(endLine, o.endLine);
        if (c == 0) c = Integer.compare(endColumn, o.endColumn);
        return c;
    }
}
