package io.ddblint.core.expr;

import java.util.List;

/**
 * A node of a parsed DynamoDB expression. Every node knows its span in the expression string ({@code start}
 * inclusive, {@code end} exclusive), so findings can point at the offending token.
 */
public sealed interface Node {

    int start();

    int end();

    /** One element of a document path: an attribute name (bare or {@code #placeholder}) or a list index. */
    sealed interface PathElement {
        int start();
    }

    /** A bare attribute name ({@code status}) or a name placeholder ({@code #s}, text with the {@code #}). */
    record Name(String text, boolean placeholder, int start) implements PathElement {
    }

    /** A list index {@code [3]}. */
    record Index(int value, int start) implements PathElement {
    }

    /** A document path {@code a.b[0].#c}: one or more elements. */
    record Path(List<PathElement> elements, int start, int end) implements Node {
        public Path {
            elements = List.copyOf(elements);
        }

        /** The path as written, for messages. */
        public String text() {
            StringBuilder b = new StringBuilder();
            for (PathElement e : elements) {
                if (e instanceof Name n) {
                    if (!b.isEmpty()) {
                        b.append('.');
                    }
                    b.append(n.text());
                } else {
                    b.append('[').append(((Index) e).value()).append(']');
                }
            }
            return b.toString();
        }
    }

    /** A value placeholder {@code :v} (text with the colon). */
    record Value(String name, int start, int end) implements Node {
    }

    /** A function call, {@code begins_with(a, :p)}: the name as written (DynamoDB's function names are case-sensitive). */
    record Function(String name, List<Node> arguments, int start, int end) implements Node {
        public Function {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code left op right} with op one of {@code = <> < <= > >=}. */
    record Comparison(String operator, Node left, Node right, int start, int end) implements Node {
    }

    /** {@code operand BETWEEN low AND high}. */
    record Between(Node operand, Node low, Node high, int start, int end) implements Node {
    }

    /** {@code operand IN (a, b, ...)}. */
    record In(Node operand, List<Node> candidates, int start, int end) implements Node {
        public In {
            candidates = List.copyOf(candidates);
        }
    }

    /** {@code left AND right} / {@code left OR right}. */
    record Logical(boolean and, Node left, Node right, int start, int end) implements Node {
    }

    /** {@code NOT operand}. */
    record Not(Node operand, int start, int end) implements Node {
    }

    /** Parentheses kept as a node: DynamoDB rejects doubled ones ({@code ((a = :v))}). */
    record Paren(Node inner, int start, int end) implements Node {
    }

    /** {@code left + right} / {@code left - right} in a SET action. */
    record Arithmetic(char operator, Node left, Node right, int start, int end) implements Node {
    }

    /** A ProjectionExpression: paths separated by commas. */
    record Projection(List<Path> paths, int start, int end) implements Node {
        public Projection {
            paths = List.copyOf(paths);
        }
    }

    /** An UpdateExpression: its clauses in the order written. */
    record Update(List<Clause> clauses, int start, int end) implements Node {
        public Update {
            clauses = List.copyOf(clauses);
        }
    }

    /** {@code SET a = :v, b = b + :n}, {@code REMOVE a, b}, {@code ADD n :one}, {@code DELETE s :members}. */
    record Clause(String keyword, List<Action> actions, int start, int end) implements Node {
        public Clause {
            actions = List.copyOf(actions);
        }
    }

    /** One action of a clause: the path it writes and its value (null for REMOVE). */
    record Action(Path path, Node value, int start, int end) implements Node {
    }
}
