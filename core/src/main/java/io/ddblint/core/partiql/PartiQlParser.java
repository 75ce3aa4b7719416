package io.ddblint.core.partiql;

import io.ddblint.core.partiql.Condition.Operand;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the PartiQL statements DynamoDB accepts ({@code SELECT}, {@code INSERT}, {@code UPDATE}, {@code DELETE})
 * far enough for rules: the verb, {@code "table"."index"}, the WHERE condition as a tree, the {@code ?} parameters.
 * Projections, SET/REMOVE clauses, inserted documents and ORDER BY are skipped as balanced token runs. Never throws on
 * any input and takes linear time: one token of look-ahead, no backtracking, and nesting deeper than {@link #MAX_DEPTH}
 * stops the parse (reported as {@link Statement.Error#tooDeep()}) instead of the stack.
 */
public final class PartiQlParser {

    /** Deeper conditions are not written by people; the cap keeps the recursion far from the thread's stack. */
    static final int MAX_DEPTH = 200;

    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");
    private static final Set<String> CLAUSE_ENDS = Set.of("ORDER", "RETURNING");

    private final String text;
    private final List<Token> tokens;
    private int pos;

    /** A parse stops by throwing this, caught in {@link #parse(String)}: the only way out of a deep recursion. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Statement.Error error;

        Stop(Statement.Error error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    private PartiQlParser(String text) {
        this.text = text;
        this.tokens = Lexer.tokens(text);
    }

    public static Statement parse(String text) {
        String s = text == null ? "" : text;
        return new PartiQlParser(s).statement();
    }

    private Statement statement() {
        List<Integer> parameters = tokens.stream().filter(t -> t.type() == Token.Type.PARAMETER)
                .map(Token::offset).toList();
        Statement.Verb verb = null;
        String[] target = {null, null};
        Condition where = null;
        boolean hasWhere = false;
        try {
            Token first = peek();
            verb = verb(first);
            if (verb == null) {
                throw stop(first, first.type() == Token.Type.EOF ? "empty statement"
                        : "a statement starts with SELECT, INSERT, UPDATE or DELETE");
            }
            pos++;
            switch (verb) {
                case SELECT -> {
                    skipUntil(Set.of("FROM"), "FROM");
                    expectWord("FROM");
                    target(target);
                }
                case INSERT -> {
                    expectWord("INTO");
                    target(target);
                    expectWord("VALUE");
                    operand(0);
                }
                case UPDATE -> {
                    target(target);
                    skipUntil(Set.of("WHERE", "RETURNING"), null);
                }
                case DELETE -> {
                    expectWord("FROM");
                    target(target);
                }
            }
            if (peek().isWord("WHERE")) {
                hasWhere = true;
                pos++;
                where = condition(0);
            }
            if (peek().type() == Token.Type.WORD && CLAUSE_ENDS.contains(peek().text().toUpperCase())) {
                skipUntil(Set.of(), null);
            }
            if (peek().isSymbol(";")) {
                pos++;
            }
            if (peek().type() != Token.Type.EOF) {
                throw stop(peek(), "unexpected token");
            }
            return new Statement(text, verb, target[0], target[1], where, hasWhere, parameters, null);
        } catch (Stop s) {
            return new Statement(text, verb, target[0], target[1], null, hasWhere, parameters, s.error);
        }
    }

    private static Statement.Verb verb(Token t) {
        if (t.type() != Token.Type.WORD) {
            return null;
        }
        for (Statement.Verb v : Statement.Verb.values()) {
            if (t.isWord(v.name())) {
                return v;
            }
        }
        return null;
    }

    /** {@code "table"}, {@code table} or {@code "table"."index"}. */
    private void target(String[] target) {
        target[0] = identifier();
        if (peek().isSymbol(".")) {
            pos++;
            target[1] = identifier();
        }
    }

    private String identifier() {
        Token t = peek();
        if (t.type() == Token.Type.QUOTED) {
            pos++;
            return unquote(t.text());
        }
        if (t.type() == Token.Type.WORD) {
            pos++;
            return t.text();
        }
        throw stop(t, "expected a table name");
    }

    private Condition condition(int depth) {
        Condition first = and(depth);
        if (!peek().isWord("OR")) {
            return first;
        }
        List<Condition> options = new ArrayList<>(List.of(first));
        while (peek().isWord("OR")) {
            pos++;
            options.add(and(depth));
        }
        return new Condition.Or(options);
    }

    private Condition and(int depth) {
        Condition first = not(depth);
        if (!peek().isWord("AND")) {
            return first;
        }
        List<Condition> terms = new ArrayList<>(List.of(first));
        while (peek().isWord("AND")) {
            pos++;
            terms.add(not(depth));
        }
        return new Condition.And(terms);
    }

    private Condition not(int depth) {
        int nots = 0;
        while (peek().isWord("NOT")) {
            pos++;
            nots++;
        }
        Condition c = predicate(depth + 1);
        for (int i = 0; i < nots; i++) {
            c = new Condition.Not(c);
        }
        return c;
    }

    private Condition predicate(int depth) {
        checkDepth(depth);
        if (peek().isSymbol("(")) {
            pos++;
            Condition inner = condition(depth + 1);
            expectSymbol(")");
            return inner;
        }
        Operand left = operand(depth);
        Token t = peek();
        if (t.type() == Token.Type.SYMBOL && COMPARISONS.contains(t.text())) {
            pos++;
            return new Condition.Comparison(left, t.text(), operand(depth));
        }
        boolean negated = false;
        if (t.isWord("NOT") && (peek(1).isWord("IN") || peek(1).isWord("BETWEEN"))) {
            pos++;
            negated = true;
            t = peek();
        }
        Condition c;
        if (t.isWord("IN")) {
            pos++;
            c = new Condition.In(left, list(depth));
        } else if (t.isWord("BETWEEN")) {
            pos++;
            Operand low = operand(depth);
            expectWord("AND");
            c = new Condition.Between(left, low, operand(depth));
        } else if (t.isWord("IS")) {
            pos++;
            boolean not = peek().isWord("NOT");
            if (not) {
                pos++;
            }
            Token what = peek();
            if (what.type() != Token.Type.WORD) {
                throw stop(what, "expected MISSING, NULL or a type after IS");
            }
            pos++;
            return new Condition.Is(left, not, what.text().toUpperCase());
        } else if (left instanceof Condition.Call call) {
            return new Condition.Function(call.name(), call.arguments());
        } else {
            return new Condition.Bare(left);
        }
        return negated ? new Condition.Not(c) : c;
    }

    /** {@code [a, b]} or {@code (a, b)}: the options of IN. */
    private List<Operand> list(int depth) {
        Token open = peek();
        String close = open.isSymbol("[") ? "]" : open.isSymbol("(") ? ")" : null;
        if (close == null) {
            throw stop(open, "expected a list after IN");
        }
        pos++;
        List<Operand> options = new ArrayList<>();
        if (!peek().isSymbol(close)) {
            options.add(operand(depth + 1));
            while (peek().isSymbol(",")) {
                pos++;
                options.add(operand(depth + 1));
            }
        }
        expectSymbol(close);
        return options;
    }

    private Operand operand(int depth) {
        checkDepth(depth);
        Token t = peek();
        switch (t.type()) {
            case PARAMETER -> {
                pos++;
                return new Condition.Parameter(t.offset());
            }
            case STRING, NUMBER -> {
                pos++;
                return new Condition.Literal(t.text());
            }
            case QUOTED -> {
                return path();
            }
            case WORD -> {
                if (peek(1).isSymbol("(")) {
                    return call(depth);
                }
                if (t.isWord("TRUE") || t.isWord("FALSE") || t.isWord("NULL") || t.isWord("MISSING")) {
                    pos++;
                    return new Condition.Literal(t.text());
                }
                return path();
            }
            case SYMBOL -> {
                if (t.isSymbol("-") && peek(1).type() == Token.Type.NUMBER) {
                    pos += 2;
                    return new Condition.Literal("-" + peek(-1).text());
                }
                if (t.isSymbol("[") || t.isSymbol("{") || t.isSymbol("<<") || t.isSymbol("(")) {
                    int start = t.offset();
                    skipBalanced();
                    return new Condition.Literal(text.substring(start, peek(-1).offset()
                            + peek(-1).text().length()));
                }
                throw stop(t, "expected a value or an attribute");
            }
            default -> throw stop(t, "expected a value or an attribute");
        }
    }

    private Operand call(int depth) {
        String name = peek().text();
        pos += 2;
        List<Operand> arguments = new ArrayList<>();
        if (!peek().isSymbol(")")) {
            arguments.add(operand(depth + 1));
            while (peek().isSymbol(",")) {
                pos++;
                arguments.add(operand(depth + 1));
            }
        }
        expectSymbol(")");
        return new Condition.Call(name, arguments);
    }

    /** {@code a}, {@code "a"}, {@code a.b}, {@code a[0]}, {@code a."b"[1]}. */
    private Operand path() {
        Token first = peek();
        String root = first.type() == Token.Type.QUOTED ? unquote(first.text()) : first.text();
        pos++;
        boolean nested = false;
        while (true) {
            if (peek().isSymbol(".") && (peek(1).type() == Token.Type.WORD || peek(1).type() == Token.Type.QUOTED)) {
                pos += 2;
                nested = true;
            } else if (peek().isSymbol("[")) {
                pos++;
                Token index = peek();
                if (index.type() != Token.Type.NUMBER && index.type() != Token.Type.STRING
                        && index.type() != Token.Type.PARAMETER) {
                    throw stop(index, "expected an index");
                }
                pos++;
                expectSymbol("]");
                nested = true;
            } else {
                break;
            }
        }
        Token last = peek(-1);
        return new Condition.Path(root, nested,
                text.substring(first.offset(), last.offset() + last.text().length()));
    }

    /**
     * Skips tokens up to one of the keywords at bracket depth 0 (or the end). {@code required}, when not null,
     * names what must come: reaching the end is then an error.
     */
    private void skipUntil(Set<String> keywords, String required) {
        int depth = 0;
        while (peek().type() != Token.Type.EOF) {
            Token t = peek();
            if (depth == 0 && t.type() == Token.Type.WORD && keywords.contains(t.text().toUpperCase())) {
                return;
            }
            if (isOpen(t)) {
                depth++;
            } else if (isClose(t)) {
                if (depth == 0) {
                    throw stop(t, "unbalanced " + t.text());
                }
                depth--;
            } else if (t.type() == Token.Type.INVALID) {
                throw stop(t, "unexpected character or unclosed quote");
            }
            pos++;
        }
        if (required != null || depth != 0) {
            throw stop(peek(), required != null ? "expected " + required : "unbalanced brackets");
        }
    }

    /** Skips one bracketed run starting at an opening bracket, nested brackets included. */
    private void skipBalanced() {
        int depth = 0;
        do {
            Token t = peek();
            if (t.type() == Token.Type.EOF || t.type() == Token.Type.INVALID) {
                throw stop(t, "unbalanced brackets");
            }
            if (isOpen(t)) {
                depth++;
            } else if (isClose(t)) {
                depth--;
            }
            pos++;
        } while (depth > 0);
    }

    private static boolean isOpen(Token t) {
        return t.isSymbol("(") || t.isSymbol("[") || t.isSymbol("{") || t.isSymbol("<<");
    }

    private static boolean isClose(Token t) {
        return t.isSymbol(")") || t.isSymbol("]") || t.isSymbol("}") || t.isSymbol(">>");
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            Token t = peek();
            throw new Stop(new Statement.Error(t.offset(), t.text(), "nested deeper than " + MAX_DEPTH + " levels",
                    true));
        }
    }

    private void expectWord(String keyword) {
        if (!peek().isWord(keyword)) {
            throw stop(peek(), "expected " + keyword);
        }
        pos++;
    }

    private void expectSymbol(String symbol) {
        if (!peek().isSymbol(symbol)) {
            throw stop(peek(), "expected " + symbol);
        }
        pos++;
    }

    private Token peek() {
        return peek(0);
    }

    private Token peek(int ahead) {
        int i = Math.max(0, Math.min(pos + ahead, tokens.size() - 1));
        return tokens.get(i);
    }

    private Stop stop(Token t, String why) {
        return new Stop(new Statement.Error(t.offset(), t.text(), "Statement wasn't well formed: " + why
                + "; token: \"" + t.text() + "\"", false));
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("\"\"", "\"");
    }
}
