package io.ddblint.core.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits an expression into DynamoDB's tokens in one pass; never fails (an unknown character is a BAD token). */
final class Lexer {

    enum Type { NAME, NAME_PH, VALUE_PH, NUMBER, KEYWORD, LPAREN, RPAREN, LBRACK, RBRACK, COMMA, DOT, CMP, PLUS, MINUS,
        BAD, EOF }

    /**
     * A token: {@code text} as written; for keywords {@code upper} is the keyword in upper case.
     */
    record Token(Type type, String text, int start, int end) {
        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }

        boolean is(String keyword) {
            return type == Type.KEYWORD && upper().equals(keyword);
        }
    }

    /**
     * Words DynamoDB's grammar owns in every expression kind: used as a bare attribute name they are a syntax error,
     * not a reserved-word error.
     */
    static final Set<String> KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN", "SET", "REMOVE", "ADD", "DELETE");

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
                continue;
            }
            int start = i;
            if (isNameStart(c)) {
                while (i < n && isNamePart(s.charAt(i))) {
                    i++;
                }
                String word = s.substring(start, i);
                Type t = KEYWORDS.contains(word.toUpperCase(Locale.ROOT)) ? Type.KEYWORD : Type.NAME;
                out.add(new Token(t, word, start, i));
                continue;
            }
            if ((c == '#' || c == ':') && i + 1 < n && isNamePart(s.charAt(i + 1))) {
                i++;
                while (i < n && isNamePart(s.charAt(i))) {
                    i++;
                }
                out.add(new Token(c == '#' ? Type.NAME_PH : Type.VALUE_PH, s.substring(start, i), start, i));
                continue;
            }
            if (c >= '0' && c <= '9') {
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                out.add(new Token(Type.NUMBER, s.substring(start, i), start, i));
                continue;
            }
            if (c == '<' || c == '>') {
                i++;
                if (i < n && (s.charAt(i) == '=' || (c == '<' && s.charAt(i) == '>'))) {
                    i++;
                }
                out.add(new Token(Type.CMP, s.substring(start, i), start, i));
                continue;
            }
            Type single = switch (c) {
                case '(' -> Type.LPAREN;
                case ')' -> Type.RPAREN;
                case '[' -> Type.LBRACK;
                case ']' -> Type.RBRACK;
                case ',' -> Type.COMMA;
                case '.' -> Type.DOT;
                case '=' -> Type.CMP;
                case '+' -> Type.PLUS;
                case '-' -> Type.MINUS;
                default -> Type.BAD;
            };
            // A surrogate pair is one character of the user's text: keep it whole in messages.
            i += Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1)) ? 2 : 1;
            out.add(new Token(single, s.substring(start, i), start, i));
        }
        out.add(new Token(Type.EOF, "<EOF>", n, n));
        return out;
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
