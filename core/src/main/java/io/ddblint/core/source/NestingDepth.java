package io.ddblint.core.source;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How deeply a source text nests, found by a linear scan that skips comments, string and character literals and
 * text blocks. Run before parsing: JavaParser's look-ahead is quadratic in nested lambdas and exponential in nested
 * anonymous class bodies (about 1.6 times slower per level: 16 levels take 4 s, 20 take 30 s, 25 never end), so a
 * file nested deeper than hand-written code is refused before it can stall the parser.
 *
 * @param brackets         the deepest nesting of {@code ( [ {}
 * @param anonymousClasses the deepest nesting of anonymous class bodies ({@code new T(..) { ... }})
 */
public record NestingDepth(int brackets, int anonymousClasses) {

    /** Anonymous class bodies nested deeper than this make the parse cost seconds; hand-written code stays below 6. */
    public static final int MAX_ANONYMOUS_CLASSES = 12;

    public static NestingDepth of(CharSequence text) {
        int depth = 0;
        int max = 0;
        int anonymous = 0;
        int maxAnonymous = 0;
        Deque<Integer> openParens = new ArrayDeque<>();
        Deque<Boolean> braceIsAnonymous = new ArrayDeque<>();
        int lastSignificant = -1;
        int lastClosedParenOpen = -1;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                i = skipTo(text, i + 2, "\n");
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                i = skipTo(text, i + 2, "*/");
                continue;
            }
            if (c == '"' && i + 2 < n && text.charAt(i + 1) == '"' && text.charAt(i + 2) == '"') {
                i = skipQuoted(text, i + 3, "\"\"\"");
                lastSignificant = i - 1;
                continue;
            }
            if (c == '"' || c == '\'') {
                i = skipQuoted(text, i + 1, c == '"' ? "\"" : "'");
                lastSignificant = i - 1;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                max = Math.max(max, ++depth);
                if (c == '(') {
                    openParens.push(i);
                } else if (c == '{') {
                    boolean anonymousBody = lastSignificant >= 0 && text.charAt(lastSignificant) == ')'
                            && lastClosedParenOpen >= 0 && followsNew(text, lastClosedParenOpen);
                    braceIsAnonymous.push(anonymousBody);
                    if (anonymousBody) {
                        maxAnonymous = Math.max(maxAnonymous, ++anonymous);
                    }
                }
            } else if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
                if (c == ')' && !openParens.isEmpty()) {
                    lastClosedParenOpen = openParens.pop();
                } else if (c == '}' && !braceIsAnonymous.isEmpty() && braceIsAnonymous.pop()) {
                    anonymous--;
                }
            }
            if (!Character.isWhitespace(c)) {
                lastSignificant = i;
            }
            i++;
        }
        return new NestingDepth(max, maxAnonymous);
    }

    /** Whether the parenthesis at {@code openParen} follows {@code new Type} or {@code new Type<..>}. */
    private static boolean followsNew(CharSequence text, int openParen) {
        int i = skipSpaceBack(text, openParen - 1);
        if (i >= 0 && text.charAt(i) == '>') {
            int angle = 0;
            for (; i >= 0; i--) {
                char c = text.charAt(i);
                if (c == '>') {
                    angle++;
                } else if (c == '<' && --angle == 0) {
                    break;
                }
            }
            i = skipSpaceBack(text, i - 1);
        }
        int end = i;
        while (i >= 0 && (Character.isJavaIdentifierPart(text.charAt(i)) || text.charAt(i) == '.')) {
            i--;
        }
        if (i == end) {
            return false;
        }
        i = skipSpaceBack(text, i);
        return i >= 2 && text.charAt(i) == 'w' && text.charAt(i - 1) == 'e' && text.charAt(i - 2) == 'n'
                && (i == 2 || !Character.isJavaIdentifierPart(text.charAt(i - 3)));
    }

    private static int skipSpaceBack(CharSequence text, int from) {
        int i = from;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i;
    }

    private static int skipTo(CharSequence text, int from, String end) {
        for (int i = from; i <= text.length() - end.length(); i++) {
            if (matches(text, i, end)) {
                return i + end.length();
            }
        }
        return text.length();
    }

    /** Past the closing quote, honouring backslash escapes; a line break ends an unterminated ordinary literal. */
    private static int skipQuoted(CharSequence text, int from, String quote) {
        boolean block = quote.length() == 3;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (matches(text, i, quote)) {
                return i + quote.length();
            } else if (c == '\n' && !block) {
                return i + 1;
            }
        }
        return text.length();
    }

    private static boolean matches(CharSequence text, int at, String s) {
        if (at + s.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (text.charAt(at + k) != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
