package io.ddblint.core.fold;

import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import io.ddblint.core.facts.SymbolicString.Origin;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.java.ExpressionTypes;
import io.ddblint.core.java.Snippets;
import io.ddblint.core.java.Variable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a string expression into a {@link SymbolicString}: literals and text blocks, {@code +}, conditional choices,
 * locals every assignment of which is constant, and references to fields, left symbolic so that constants declared
 * in other files are folded at link time.
 */
public final class StringFolder {

    private static final int MAX_DEPTH = 16;
    private static final Set<String> BUILDERS = Set.of("StringBuilder", "StringBuffer");

    private final ExpressionTypes types;

    public StringFolder(ExpressionTypes types) {
        this.types = types;
    }

    public SymbolicString fold(Expression e) {
        return fold(e, new HashSet<>(), 0);
    }

    private SymbolicString fold(Expression e, Set<Variable> visiting, int depth) {
        String text = Snippets.normalize(e);
        if (depth > MAX_DEPTH) {
            return new SymbolicString.Unknown(Origin.OTHER, text);
        }
        if (e instanceof StringLiteralExpr s) {
            return new SymbolicString.Literal(s.asString(), text);
        }
        if (e instanceof TextBlockLiteralExpr tb) {
            return new SymbolicString.Literal(tb.asString(), text);
        }
        if (e instanceof IntegerLiteralExpr || e instanceof LongLiteralExpr) {
            return new SymbolicString.Literal(e.toString().replaceAll("[lL_]", ""), text);
        }
        if (e instanceof CharLiteralExpr c) {
            return new SymbolicString.Literal(String.valueOf(c.asChar()), text);
        }
        if (e instanceof EnclosedExpr en) {
            return fold(en.getInner(), visiting, depth + 1);
        }
        if (e instanceof CastExpr c) {
            return fold(c.getExpression(), visiting, depth + 1);
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            List<SymbolicString> parts = new ArrayList<>();
            addParts(parts, fold(b.getLeft(), visiting, depth + 1));
            addParts(parts, fold(b.getRight(), visiting, depth + 1));
            return new SymbolicString.Concat(parts, text);
        }
        if (e instanceof ConditionalExpr c) {
            return new SymbolicString.Choice(List.of(fold(c.getThenExpr(), visiting, depth + 1),
                    fold(c.getElseExpr(), visiting, depth + 1)), text);
        }
        if (e instanceof NameExpr n) {
            return foldName(n, visiting, depth, text);
        }
        if (e instanceof FieldAccessExpr fa) {
            return foldFieldAccess(fa, text);
        }
        if (e instanceof MethodCallExpr call) {
            return foldFormat(call, visiting, depth)
                    .or(() -> foldBuilder(call, visiting, depth))
                    .orElse(new SymbolicString.Unknown(Origin.CALL, text));
        }
        return new SymbolicString.Unknown(Origin.OTHER, text);
    }

    /**
     * {@code String.format("pk = '%s'", id)} and {@code "pk = '%s'".formatted(id)} with a literal format of plain
     * {@code %s}/{@code %d} specifiers: the concatenation they amount to, so a format of constants folds and a
     * value formatted into an expression stays visible as a part (DDB-S001). Anything fancier stays a call.
     */
    private Optional<SymbolicString> foldFormat(MethodCallExpr call, Set<Variable> visiting, int depth) {
        List<Expression> args = call.getArguments();
        Expression format;
        List<Expression> values;
        if (call.getNameAsString().equals("formatted") && call.getScope().isPresent()
                && isStringLiteral(call.getScope().get())) {
            format = call.getScope().get();
            values = args;
        } else if (call.getNameAsString().equals("format") && !args.isEmpty() && call.getScope().isPresent()
                && types.isTypeName(call.getScope().get())
                && types.typeName(call.getScope().get()).filter("java.lang.String"::equals).isPresent()) {
            // String.format(Locale, format, args...) puts the format second.
            int at = isStringLiteral(args.get(0)) ? 0 : args.size() > 1 && isStringLiteral(args.get(1)) ? 1 : -1;
            if (at < 0) {
                return Optional.empty();
            }
            format = args.get(at);
            values = args.subList(at + 1, args.size());
        } else {
            return Optional.empty();
        }
        SymbolicString f = fold(format, visiting, depth + 1);
        if (!(f instanceof SymbolicString.Literal literal)) {
            return Optional.empty();
        }
        List<SymbolicString> parts = new ArrayList<>();
        String spec = literal.value();
        StringBuilder run = new StringBuilder();
        int next = 0;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c != '%') {
                run.append(c);
                continue;
            }
            char conversion = i + 1 < spec.length() ? spec.charAt(++i) : ' ';
            if (conversion == '%') {
                run.append('%');
            } else if (conversion == 'n') {
                run.append(System.lineSeparator());
            } else if ((conversion == 's' || conversion == 'd') && next < values.size()) {
                parts.add(new SymbolicString.Literal(run.toString(), run.toString()));
                run.setLength(0);
                addParts(parts, fold(values.get(next++), visiting, depth + 1));
            } else {
                return Optional.empty();
            }
        }
        if (next != values.size()) {
            return Optional.empty();
        }
        parts.add(new SymbolicString.Literal(run.toString(), run.toString()));
        return Optional.of(new SymbolicString.Concat(parts, Snippets.normalize(call)));
    }

    /** {@code new StringBuilder("a").append(x).append("b").toString()} written as one chain. */
    private Optional<SymbolicString> foldBuilder(MethodCallExpr call, Set<Variable> visiting, int depth) {
        if (!call.getNameAsString().equals("toString") || !call.getArguments().isEmpty()) {
            return Optional.empty();
        }
        List<Expression> appended = new ArrayList<>();
        Expression scope = call.getScope().orElse(null);
        while (scope instanceof MethodCallExpr append && append.getNameAsString().equals("append")
                && append.getArguments().size() == 1) {
            appended.add(0, append.getArgument(0));
            scope = append.getScope().orElse(null);
        }
        if (!(scope instanceof ObjectCreationExpr created) || created.getAnonymousClassBody().isPresent()
                || !BUILDERS.contains(created.getType().getNameAsString()) || created.getArguments().size() > 1) {
            return Optional.empty();
        }
        List<SymbolicString> parts = new ArrayList<>();
        // new StringBuilder(64) sets a capacity, not content.
        if (created.getArguments().size() == 1 && !(created.getArgument(0) instanceof IntegerLiteralExpr)) {
            addParts(parts, fold(created.getArgument(0), visiting, depth + 1));
        }
        for (Expression a : appended) {
            addParts(parts, fold(a, visiting, depth + 1));
        }
        return Optional.of(new SymbolicString.Concat(parts, Snippets.normalize(call)));
    }

    private static boolean isStringLiteral(Expression e) {
        return e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr;
    }

    private static void addParts(List<SymbolicString> parts, SymbolicString part) {
        if (part instanceof SymbolicString.Concat c) {
            parts.addAll(c.parts());
        } else {
            parts.add(part);
        }
    }

    private SymbolicString foldName(NameExpr n, Set<Variable> visiting, int depth, String text) {
        String name = n.getNameAsString();
        Optional<Variable> found = types.scopes().find(name, n);
        if (found.isEmpty()) {
            // Not declared in this file: a statically imported field, an inherited one, or one reached by a static
            // on-demand import; the owners' files may not be read yet, so the link step decides.
            List<String> owners = new ArrayList<>();
            types.file().staticImportOwner(name).ifPresent(owners::add);
            ExpressionTypes.enclosingType(n).ifPresent(td -> owners.addAll(types.scopes().supertypes(td)));
            owners.addAll(types.file().staticOnDemandOwners());
            return owners.isEmpty() ? new SymbolicString.Unknown(Origin.OTHER, text)
                    : new SymbolicString.FieldRef(owners, name, text);
        }
        Variable v = found.get();
        return switch (v.kind()) {
            case PARAMETER, LAMBDA_PARAMETER -> new SymbolicString.Unknown(Origin.PARAMETER, text);
            case FIELD -> new SymbolicString.FieldRef(List.of(v.owner()), name, text);
            case LOCAL -> foldLocal(v, visiting, depth, text);
        };
    }

    /** A local is constant when its initializer and every later assignment are: a choice among them. */
    private SymbolicString foldLocal(Variable v, Set<Variable> visiting, int depth, String text) {
        if (!visiting.add(v)) {
            return new SymbolicString.Unknown(Origin.OTHER, text);
        }
        try {
            List<SymbolicString> options = new ArrayList<>();
            if (v.initializer() != null) {
                options.add(fold(v.initializer(), visiting, depth + 1));
            }
            for (AssignExpr a : v.scope().findAll(AssignExpr.class)) {
                if (a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(v.name())) {
                    if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
                        // s += x: the value depends on the path taken; keep it symbolic but unknown.
                        return new SymbolicString.Unknown(Origin.OTHER, text);
                    }
                    options.add(fold(a.getValue(), visiting, depth + 1));
                }
            }
            if (options.isEmpty()) {
                return new SymbolicString.Unknown(Origin.OTHER, text);
            }
            return options.size() == 1 ? options.get(0) : new SymbolicString.Choice(options, text);
        } finally {
            visiting.remove(v);
        }
    }

    private SymbolicString foldFieldAccess(FieldAccessExpr fa, String text) {
        String name = fa.getNameAsString();
        if (fa.getScope() instanceof ThisExpr t && t.getTypeName().isEmpty()) {
            Optional<TypeDeclaration<?>> td = ExpressionTypes.enclosingType(fa);
            return td.<SymbolicString>map(d -> new SymbolicString.FieldRef(
                    List.of(types.file().qualifiedName(d)), name, text))
                    .orElse(new SymbolicString.Unknown(Origin.OTHER, text));
        }
        if (types.isTypeName(fa.getScope())) {
            Optional<String> owner = types.typeName(fa.getScope());
            if (owner.isPresent()) {
                return new SymbolicString.FieldRef(List.of(owner.get()), name, text);
            }
        }
        return new SymbolicString.Unknown(Origin.OTHER, text);
    }
}
