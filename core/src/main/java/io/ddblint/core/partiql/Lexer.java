package io.ddblint.core.partiql;

import java.util.ArrayList;
import java.util.List;

/** Splits a PartiQL statement into tokens in one pass; never throws, whatever the input. */
final class Lexer {

    private static final String TWO_CHAR_SYMBOLS = "<> != <= >= << >> ||";

    private Lexer() {
    }

    static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                // A line comment: PartiQL allows them; DynamoDB ignores them.
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                int end = closing(s, i, c);
                Token.Type type = end < 0 ? Token.Type.INVALID : c == '"' ? Token.Type.QUOTED : Token.Type.STRING;
                int stop = end < 0 ? n : end + 1;
                out.add(new Token(type, s.substring(i, stop), i));
                i = stop;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Token.Type.WORD, s.substring(start, i), start));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.'
                        || (s.charAt(i) == '-' || s.charAt(i) == '+') && (s.charAt(i - 1) == 'e'
                        || s.charAt(i - 1) == 'E'))) {
                    i++;
                }
                out.add(new Token(Token.Type.NUMBER, s.substring(start, i), start));
            } else if (c == '?') {
                out.add(new Token(Token.Type.PARAMETER, "?", i++));
            } else if (i + 1 < n && TWO_CHAR_SYMBOLS.contains(s.substring(i, i + 2))
                    && s.substring(i, i + 2).indexOf(' ') < 0) {
                out.add(new Token(Token.Type.SYMBOL, s.substring(i, i + 2), i));
                i += 2;
            } else if ("=<>()[]{},.*:;+-/%".indexOf(c) >= 0) {
                out.add(new Token(Token.Type.SYMBOL, String.valueOf(c), i++));
            } else {
                out.add(new Token(Token.Type.INVALID, String.valueOf(c), i++));
            }
        }
        out.add(new Token(Token.Type.EOF, "<EOF>", n));
        return out;
    }

    /** The offset of the quote closing the one at {@code start} (a doubled quote escapes it), or -1. */
    private static int closing(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }
}
