package io.ddblint.core.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Just enough of Java's lexical structure to tell, character by character, a line comment from code, a string or
 * char literal, a text block or a block comment. Fed the lines of one file in order, because text blocks and block
 * comments span lines. A regular expression cannot do this: {@code "// expect: DDB-P001"} in a string is not a marker.
 */
final class JavaLexer {

    enum Region { CODE, STRING, TEXT_BLOCK, BLOCK_COMMENT, LINE_COMMENT }

    /**
     * One lexed line.
     *
     * @param lineCommentStart index of the {@code //} that opens a line comment, or -1
     * @param hasCode          whether the line holds anything but whitespace and comments (text block lines do)
     */
    record Line(List<Region> regions, int lineCommentStart, boolean hasCode) {

        Region regionAt(int index) {
            return regions.get(index);
        }
    }

    /** The region a line starts in: a block comment or text block left open by an earlier line, or code. */
    private Region open = Region.CODE;

    Line next(String line) {
        List<Region> regions = new ArrayList<>(Collections.nCopies(line.length(), Region.CODE));
        int commentStart = -1;
        boolean code = false;
        Region state = open;
        int i = 0;
        while (i < line.length()) {
            int end;
            Region region = state;
            if (state == Region.BLOCK_COMMENT) {
                end = line.startsWith("*/", i) ? i + 2 : i + 1;
                state = end == i + 2 ? Region.CODE : state;
            } else if (state == Region.TEXT_BLOCK) {
                code = true;
                if (line.charAt(i) == '\\') {
                    end = Math.min(i + 2, line.length());
                } else if (line.startsWith("\"\"\"", i)) {
                    end = i + 3;
                    state = Region.CODE;
                } else {
                    end = i + 1;
                }
            } else if (line.startsWith("//", i)) {
                region = Region.LINE_COMMENT;
                commentStart = i;
                end = line.length();
            } else if (line.startsWith("/*", i)) {
                region = state = Region.BLOCK_COMMENT;
                end = i + 2;
            } else if (line.startsWith("\"\"\"", i)) {
                region = state = Region.TEXT_BLOCK;
                code = true;
                end = i + 3;
            } else if (line.charAt(i) == '"' || line.charAt(i) == '\'') {
                region = Region.STRING;
                code = true;
                end = endOfLiteral(line, i);
            } else {
                code |= !Character.isWhitespace(line.charAt(i));
                end = i + 1;
            }
            for (int k = i; k < end; k++) {
                regions.set(k, region);
            }
            i = end;
        }
        open = state;
        return new Line(List.copyOf(regions), commentStart, code);
    }

    /** The index after the quote that closes the literal opened at {@code start}, or the line's end. */
    private static int endOfLiteral(String line, int start) {
        char quote = line.charAt(start);
        int j = start + 1;
        while (j < line.length()) {
            char c = line.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == quote) {
                return j + 1;
            } else {
                j++;
            }
        }
        return line.length();
    }
}
