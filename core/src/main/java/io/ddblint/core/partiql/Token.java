package io.ddblint.core.partiql;

/**
 * One PartiQL token.
 *
 * @param text   the token as written (a quoted identifier or string keeps its quotes)
 * @param offset where it starts in the statement
 */
record Token(Type type, String text, int offset) {

    enum Type {
        /** A bare word: a keyword or an identifier; keywords are case-insensitive. */
        WORD,
        /** {@code "name"}: an identifier that may be a reserved word or hold any character. */
        QUOTED,
        /** {@code 'text'}: a string value. */
        STRING,
        NUMBER,
        /** {@code ?}: a parameter. */
        PARAMETER,
        /** Operators and punctuation: {@code = <> != < <= > >= ( ) [ ] { } , . * : ; << >>}. */
        SYMBOL,
        /** A character PartiQL does not know, or a string or identifier left open. */
        INVALID,
        EOF
    }

    boolean isWord(String keyword) {
        return type == Type.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol) {
        return type == Type.SYMBOL && text.equals(symbol);
    }
}
