package io.ddblint.core.expr;

import io.ddblint.core.facts.ExpressionKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * One expression string parsed as one kind: the tree, or the syntax error that stopped the parse, and what rules
 * ask of it most (every path, name placeholder and value placeholder in the order written).
 *
 * @param root  null when the parse failed
 * @param error null when the parse succeeded
 */
public record ParsedExpression(
        ExpressionKind kind,
        String text,
        Node root,
        SyntaxError error,
        List<Node.Path> paths,
        List<Node.Value> values) {

    public ParsedExpression {
        paths = List.copyOf(paths);
        values = List.copyOf(values);
    }

    static ParsedExpression of(ExpressionKind kind, String text, Node root, SyntaxError error) {
        List<Node.Path> paths = new ArrayList<>();
        List<Node.Value> values = new ArrayList<>();
        if (root != null) {
            collect(root, paths, values);
        }
        return new ParsedExpression(kind, text, root, error, paths, values);
    }

    public Optional<SyntaxError> syntaxError() {
        return Optional.ofNullable(error);
    }

    public boolean isEmpty() {
        return text.isBlank();
    }

    /** Every {@code #name} placeholder used, in the order written (with repeats). */
    public List<Node.Name> namePlaceholders() {
        return names(true);
    }

    /** Every bare attribute name in a document path, in the order written. */
    public List<Node.Name> bareNames() {
        return names(false);
    }

    private List<Node.Name> names(boolean placeholder) {
        List<Node.Name> out = new ArrayList<>();
        for (Node.Path p : paths) {
            for (Node.PathElement e : p.elements()) {
                if (e instanceof Node.Name n && n.placeholder() == placeholder) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** Pre-order walk with an explicit stack: trees are at most {@link ExpressionParser#MAX_NESTING} deep anyway. */
    private static void collect(Node root, List<Node.Path> paths, List<Node.Value> values) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            List<Node> children = children(n);
            for (int i = children.size() - 1; i >= 0; i--) {
                if (children.get(i) != null) {
                    stack.push(children.get(i));
                }
            }
            if (n instanceof Node.Path p) {
                paths.add(p);
            } else if (n instanceof Node.Value v) {
                values.add(v);
            }
        }
    }

    /** The direct children of a node, in the order written (null entries for a REMOVE action's missing value). */
    public static List<Node> children(Node n) {
        List<Node> c = new ArrayList<>();
        if (n instanceof Node.Function f) {
            c.addAll(f.arguments());
        } else if (n instanceof Node.Comparison x) {
            c.add(x.left());
            c.add(x.right());
        } else if (n instanceof Node.Between b) {
            c.add(b.operand());
            c.add(b.low());
            c.add(b.high());
        } else if (n instanceof Node.In in) {
            c.add(in.operand());
            c.addAll(in.candidates());
        } else if (n instanceof Node.Logical l) {
            c.add(l.left());
            c.add(l.right());
        } else if (n instanceof Node.Not not) {
            c.add(not.operand());
        } else if (n instanceof Node.Paren p) {
            c.add(p.inner());
        } else if (n instanceof Node.Arithmetic a) {
            c.add(a.left());
            c.add(a.right());
        } else if (n instanceof Node.Projection p) {
            c.addAll(p.paths());
        } else if (n instanceof Node.Update u) {
            c.addAll(u.clauses());
        } else if (n instanceof Node.Clause cl) {
            c.addAll(cl.actions());
        } else if (n instanceof Node.Action a) {
            c.add(a.path());
            c.add(a.value());
        }
        return c;
    }
}
