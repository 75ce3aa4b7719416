package io.ddblint.core.expr;

import io.ddblint.core.expr.Lexer.Token;
import io.ddblint.core.expr.Lexer.Type;
import io.ddblint.core.facts.ExpressionKind;

import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for DynamoDB's expression grammar (key condition, condition/filter, projection, update).
 * It never throws and runs in time linear in the input: each token is looked at a bounded number of times, there is no
 * backtracking, and nesting deeper than {@link #MAX_NESTING} stops the parse (recursion, not the input, would
 * otherwise decide the stack it needs).
 *
 * <p>Grammar (DynamoDB developer guide, "Comparison operator and function reference", "Update expressions"):
 * <pre>
 * condition  ::= or
 * or         ::= and ( OR and )*
 * and        ::= not ( AND not )*
 * not        ::= NOT predicate | predicate
 * predicate  ::= primary ( comparator operand | BETWEEN operand AND operand | IN '(' operand (',' operand)* ')' )?
 * primary    ::= '(' condition ')' | operand
 * operand    ::= path | :value | function '(' operand (',' operand)* ')' | '(' operand ')'
 * path       ::= (name | #name) ( '.' (name | #name) | '[' digits ']' )*
 * projection ::= path (',' path)*
 * update     ::= ( SET set (',' set)* | REMOVE path (',' path)* | (ADD | DELETE) path :value (',' path :value)* )+
 * set        ::= path '=' operand ( ('+' | '-') operand )?
 * </pre>
 * Keywords are case-insensitive; function names are not (that is checked later, by {@link ExpressionChecks}).
 */
public final class ExpressionParser {

    /** Deeper nesting of parentheses, NOT and function calls ends the parse as too deep. */
    public static final int MAX_NESTING = 200;

    private final List<Token> tokens;
    private int pos;
    private int depth;

    private ExpressionParser(String text) {
        this.tokens = Lexer.tokens(text);
    }

    /** Parses {@code text} as an expression of {@code kind}; the result holds either a tree or a syntax error. */
    public static ParsedExpression parse(ExpressionKind kind, String text) {
        ExpressionParser p = new ExpressionParser(text);
        try {
            Node root = switch (kind) {
                case PROJECTION -> p.projection();
                case UPDATE -> p.update();
                default -> p.condition();
            };
            p.expect(Type.EOF);
            return ParsedExpression.of(kind, text, root, null);
        } catch (Failure f) {
            return ParsedExpression.of(kind, text, null, f.error);
        }
    }

    // ---- condition ----

    private Node condition() {
        return or();
    }

    private Node or() {
        Node left = and();
        while (peek().is("OR")) {
            next();
            Node right = and();
            left = new Node.Logical(false, left, right, left.start(), right.end());
        }
        return left;
    }

    private Node and() {
        Node left = not();
        while (peek().is("AND")) {
            next();
            Node right = not();
            left = new Node.Logical(true, left, right, left.start(), right.end());
        }
        return left;
    }

    private Node not() {
        if (peek().is("NOT")) {
            Token t = next();
            if (peek().is("NOT")) {
                // DynamoDB's NOT takes a comparison, a function or parentheses, never another NOT.
                throw fail(peek());
            }
            Node operand = predicate();
            return new Node.Not(operand, t.start(), operand.end());
        }
        return predicate();
    }

    private Node predicate() {
        Node left = primary();
        Token t = peek();
        if (t.type() == Type.CMP) {
            next();
            Node right = operand();
            return new Node.Comparison(t.text(), left, right, left.start(), right.end());
        }
        if (t.is("BETWEEN")) {
            next();
            Node low = operand();
            expectKeyword("AND");
            Node high = operand();
            return new Node.Between(left, low, high, left.start(), high.end());
        }
        if (t.is("IN")) {
            next();
            expect(Type.LPAREN);
            List<Node> candidates = new ArrayList<>();
            candidates.add(operand());
            while (peek().type() == Type.COMMA) {
                next();
                candidates.add(operand());
            }
            Token close = expect(Type.RPAREN);
            return new Node.In(left, candidates, left.start(), close.end());
        }
        if (isOperand(left)) {
            if (t.type() == Type.RPAREN && depth > 0) {
                // "(a) = :v": the enclosing parentheses decide whether a comparison follows them.
                return left;
            }
            // An operand alone is no condition: DynamoDB reports the token after it.
            throw fail(t);
        }
        return left;
    }

    private Node primary() {
        if (peek().type() == Type.LPAREN) {
            Token open = next();
            enter();
            Node inner = condition();
            depth--;
            Token close = expect(Type.RPAREN);
            return new Node.Paren(inner, open.start(), close.end());
        }
        return operand();
    }

    /** A path or value, bare or in parentheses: something to compare, not a condition. */
    private static boolean isOperand(Node n) {
        Node inner = n;
        while (inner instanceof Node.Paren p) {
            inner = p.inner();
        }
        return inner instanceof Node.Path || inner instanceof Node.Value;
    }

    // ---- operands and paths ----

    private Node operand() {
        Token t = peek();
        if (t.type() == Type.LPAREN) {
            next();
            enter();
            Node inner = operand();
            depth--;
            Token close = expect(Type.RPAREN);
            return new Node.Paren(inner, t.start(), close.end());
        }
        if (t.type() == Type.VALUE_PH) {
            next();
            return new Node.Value(t.text(), t.start(), t.end());
        }
        if (t.type() == Type.NAME && tokens.get(pos + 1).type() == Type.LPAREN) {
            return function();
        }
        if (t.type() == Type.NAME || t.type() == Type.NAME_PH) {
            return path();
        }
        throw fail(t);
    }

    private Node function() {
        Token name = next();
        next();
        enter();
        List<Node> args = new ArrayList<>();
        if (peek().type() != Type.RPAREN) {
            args.add(operand());
            while (peek().type() == Type.COMMA) {
                next();
                args.add(operand());
            }
        }
        depth--;
        Token close = expect(Type.RPAREN);
        return new Node.Function(name.text(), args, name.start(), close.end());
    }

    private Node arithmetic() {
        Node left = operand();
        Token t = peek();
        if (t.type() == Type.PLUS || t.type() == Type.MINUS) {
            next();
            Node right = operand();
            return new Node.Arithmetic(t.text().charAt(0), left, right, left.start(), right.end());
        }
        return left;
    }

    private Node.Path path() {
        Token first = peek();
        if (first.type() != Type.NAME && first.type() != Type.NAME_PH) {
            throw fail(first);
        }
        next();
        List<Node.PathElement> elements = new ArrayList<>();
        elements.add(new Node.Name(first.text(), first.type() == Type.NAME_PH, first.start()));
        int end = first.end();
        while (true) {
            Token t = peek();
            if (t.type() == Type.DOT) {
                next();
                Token name = peek();
                if (name.type() != Type.NAME && name.type() != Type.NAME_PH) {
                    throw fail(name);
                }
                next();
                elements.add(new Node.Name(name.text(), name.type() == Type.NAME_PH, name.start()));
                end = name.end();
            } else if (t.type() == Type.LBRACK) {
                next();
                Token number = expect(Type.NUMBER);
                Token close = expect(Type.RBRACK);
                elements.add(new Node.Index(index(number), number.start()));
                end = close.end();
            } else {
                return new Node.Path(elements, first.start(), end);
            }
        }
    }

    private static int index(Token number) {
        // Indexes past int range are out of any list DynamoDB stores; clamp rather than fail.
        return number.text().length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(number.text());
    }

    // ---- projection and update ----

    private Node projection() {
        List<Node.Path> paths = new ArrayList<>();
        paths.add(path());
        while (peek().type() == Type.COMMA) {
            next();
            paths.add(path());
        }
        return new Node.Projection(paths, paths.get(0).start(), paths.get(paths.size() - 1).end());
    }

    private Node update() {
        List<Node.Clause> clauses = new ArrayList<>();
        do {
            clauses.add(clause());
        } while (peek().type() != Type.EOF);
        return new Node.Update(clauses, clauses.get(0).start(), clauses.get(clauses.size() - 1).end());
    }

    private Node.Clause clause() {
        Token keyword = peek();
        if (keyword.type() != Type.KEYWORD
                || !(keyword.is("SET") || keyword.is("REMOVE") || keyword.is("ADD") || keyword.is("DELETE"))) {
            throw fail(keyword);
        }
        next();
        String upper = keyword.upper();
        List<Node.Action> actions = new ArrayList<>();
        do {
            if (!actions.isEmpty()) {
                next();
            }
            actions.add(action(upper));
        } while (peek().type() == Type.COMMA);
        return new Node.Clause(upper, actions, keyword.start(), actions.get(actions.size() - 1).end());
    }

    private Node.Action action(String keyword) {
        Node.Path target = path();
        switch (keyword) {
            case "SET" -> {
                Token eq = peek();
                if (eq.type() != Type.CMP || !eq.text().equals("=")) {
                    throw fail(eq);
                }
                next();
                Node value = arithmetic();
                return new Node.Action(target, value, target.start(), value.end());
            }
            case "REMOVE" -> {
                return new Node.Action(target, null, target.start(), target.end());
            }
            default -> {
                // ADD and DELETE take a value placeholder, nothing else.
                Token t = expect(Type.VALUE_PH);
                Node value = new Node.Value(t.text(), t.start(), t.end());
                return new Node.Action(target, value, target.start(), value.end());
            }
        }
    }

    // ---- tokens ----

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.type() != Type.EOF) {
            pos++;
        }
        return t;
    }

    private Token expect(Type type) {
        Token t = peek();
        if (t.type() != type) {
            throw fail(t);
        }
        return next();
    }

    private void expectKeyword(String keyword) {
        if (!peek().is(keyword)) {
            throw fail(peek());
        }
        next();
    }

    private void enter() {
        if (++depth > MAX_NESTING) {
            throw new Failure(new SyntaxError(peek().start(), peek().text(), near(pos), false, true));
        }
    }

    private Failure fail(Token t) {
        boolean keywordAsName = t.type() == Type.KEYWORD && Lexer.KEYWORDS.contains(t.upper())
                && expectsName(pos);
        return new Failure(new SyntaxError(t.start(), t.text(), near(pos), keywordAsName, false));
    }

    /**
     * True when the keyword at {@code at} stands where an attribute name could: after a comparator, a comma, an
     * opening parenthesis, a clause keyword, AND/OR/NOT/BETWEEN, or at the start, and followed by something a name
     * could be followed by. DynamoDB reports these as syntax errors; ddb-lint reports them as reserved words (C004).
     */
    private boolean expectsName(int at) {
        Token before = at == 0 ? null : tokens.get(at - 1);
        Token after = tokens.get(at + 1);
        boolean nameFollows = switch (after.type()) {
            case CMP, DOT, LBRACK, COMMA, RPAREN, EOF, PLUS, MINUS -> true;
            case KEYWORD -> after.is("BETWEEN") || after.is("IN") || after.is("AND") || after.is("OR");
            case VALUE_PH -> true;
            default -> false;
        };
        boolean namePlace = before == null || switch (before.type()) {
            case CMP, COMMA, LPAREN, KEYWORD, PLUS, MINUS -> true;
            default -> false;
        };
        return nameFollows && namePlace;
    }

    /** The tokens around the one at {@code at}, as DynamoDB's {@code near:} shows them. */
    private String near(int at) {
        int from = Math.max(0, at - 1);
        int to = Math.min(tokens.size() - 1, at + 1);
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            Token t = tokens.get(i);
            if (t.type() == Type.EOF) {
                break;
            }
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(t.text());
        }
        return b.toString();
    }

    /** Unwinds the parse to {@link #parse}; never leaves this class. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SyntaxError error;

        Failure(SyntaxError error) {
            super(null, null, false, false);
            this.error = error;
        }
    }
}
