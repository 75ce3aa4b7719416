package io.ddblint.core.suppress;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import io.ddblint.core.SourceRange;
import io.ddblint.core.java.Annotations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the suppressions of one file: {@code @SuppressWarnings("ddb-lint:...")} from the AST and
 * {@code // ddb-lint:ignore ...} from the text. Comments are read from the text because the parser runs without
 * comment attribution (it costs time on every parsed file, and only this step needs comments).
 */
public final class SuppressionCollector {

    private static final String PREFIX = "ddb-lint:";
    /** {@code // ddb-lint:ignore KEY[,KEY...] [reason]}, matched from the start of the line comment. */
    private static final Pattern IGNORE = ignoreComment("//");

    private SuppressionCollector() {
    }

    /**
     * @param text the file's source text, or null when only annotations are to be read
     */
    public static List<Suppression> collect(String path, CompilationUnit unit, String text) {
        List<Suppression> found = new ArrayList<>();
        for (AnnotationExpr annotation : unit.findAll(AnnotationExpr.class)) {
            String name = annotation.getNameAsString();
            if (name.equals("SuppressWarnings") || name.equals("java.lang.SuppressWarnings")) {
                annotation(path, annotation, found);
            }
        }
        if (text != null && text.contains("ddb-lint:ignore")) {
            comments(path, text, found);
        }
        return found;
    }

    private static void annotation(String path, AnnotationExpr annotation, List<Suppression> found) {
        Optional<Node> target = annotation.getParentNode();
        if (target.isEmpty() || target.get().getRange().isEmpty() || annotation.getRange().isEmpty()) {
            return;
        }
        var declared = target.get().getRange().get();
        var at = annotation.getRange().get();
        SourceRange marker = new SourceRange(at.begin.line, at.begin.column, at.end.line, at.end.column);
        for (StringLiteralExpr value : values(annotation)) {
            String v = value.getValue().strip();
            String key;
            if (v.equals(Suppression.ALL)) {
                key = Suppression.ALL;
            } else if (v.startsWith(PREFIX) && v.length() > PREFIX.length()) {
                key = v.substring(PREFIX.length()).strip();
            } else {
                continue; // "unchecked" and friends belong to javac and other tools
            }
            found.add(new Suppression(Suppression.Kind.ANNOTATION, path, key, declared.begin.line,
                    declared.end.line, marker, "@SuppressWarnings(\"" + v + "\")", memberName(target.get()), null));
        }
    }

    private static List<StringLiteralExpr> values(AnnotationExpr annotation) {
        Expression value = Annotations.member(annotation, "value").orElse(null);
        if (value instanceof StringLiteralExpr literal) {
            return List.of(literal);
        }
        if (value instanceof ArrayInitializerExpr array) {
            return array.getValues().stream().filter(StringLiteralExpr.class::isInstance)
                    .map(StringLiteralExpr.class::cast).toList();
        }
        // LIMITATION: values built from constants (SuppressWarnings(MY_KEY)) are not read.
        return List.of();
    }

    /** A readable name for the annotated declaration; it goes into messages and the fingerprint, not matching. */
    private static String memberName(Node target) {
        if (target instanceof TypeDeclaration<?> type) {
            return type.getNameAsString();
        }
        if (target instanceof CallableDeclaration<?> callable) {
            return callable.getNameAsString();
        }
        if (target instanceof FieldDeclaration field) {
            return field.getVariables().isEmpty() ? "field" : field.getVariable(0).getNameAsString();
        }
        if (target instanceof VariableDeclarationExpr local) {
            return local.getVariables().isEmpty() ? "local" : local.getVariable(0).getNameAsString();
        }
        if (target instanceof Parameter parameter) {
            return parameter.getNameAsString();
        }
        return target instanceof BodyDeclaration<?> ? "declaration" : target.getClass().getSimpleName();
    }

    /**
     * The ignore-comment grammar after a language's comment token ({@code //} in Java, {@code #} in YAML): the
     * marker, then optional rule keys separated by commas (group 1), then an optional reason (group 2).
     */
    public static Pattern ignoreComment(String commentToken) {
        return Pattern.compile(Pattern.quote(commentToken) + "\\s*ddb-lint:ignore(?:\\s+(\\S+)(?:\\s+(.*))?)?\\s*$");
    }

    /**
     * The suppressions one ignore comment makes, matched by {@link #ignoreComment(String)} on {@code line}: one per
     * rule key, all applying to {@code target} (the comment's own line, or the line it stands above).
     */
    public static List<Suppression> fromIgnoreComment(String path, String line, Matcher m, int markerLine,
                                                      int target) {
        SourceRange marker = new SourceRange(markerLine, m.start() + 1, markerLine, line.length());
        String comment = line.substring(m.start()).strip();
        String reason = m.group(2) == null || m.group(2).isBlank() ? null : m.group(2).strip();
        // With no key at all the comment suppresses nothing; it is reported as unused, which says so.
        String keys = m.group(1) == null ? "" : m.group(1);
        List<Suppression> found = new ArrayList<>();
        for (String key : keys.split(",", -1)) {
            if (!key.isBlank() || keys.isEmpty()) {
                found.add(new Suppression(Suppression.Kind.COMMENT, path, key.strip(), target, target, marker,
                        comment, null, reason));
            }
        }
        return found;
    }

    private static void comments(String path, String text, List<Suppression> found) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            // The marker must open the line comment, so prose that mentions it (like this class's Javadoc) is no
            // suppression. LIMITATION: block comments and text blocks spanning lines are not tracked.
            int commentStart = lineCommentStart(lines[i]);
            if (commentStart < 0) {
                continue;
            }
            Matcher m = IGNORE.matcher(lines[i]).region(commentStart, lines[i].length());
            if (!m.lookingAt()) {
                continue;
            }
            int markerLine = i + 1;
            boolean alone = lines[i].substring(0, m.start()).isBlank();
            int target = alone ? nextCodeLine(lines, i + 1) : markerLine;
            found.addAll(fromIgnoreComment(path, lines[i], m, markerLine, target));
        }
    }

    /** Where the line's {@code //} comment starts, skipping string and char literals and one-line block comments. */
    static int lineCommentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '/' && i + 1 < line.length()) {
                char next = line.charAt(i + 1);
                if (next == '/') {
                    return i;
                }
                if (next == '*') {
                    int end = line.indexOf("*/", i + 2);
                    if (end < 0) {
                        return -1;
                    }
                    i = end + 1;
                }
            }
        }
        return -1;
    }

    /** The 1-based number of the first line at or after {@code from} (0-based) that is neither blank nor a comment. */
    private static int nextCodeLine(String[] lines, int from) {
        for (int j = from; j < lines.length; j++) {
            String t = lines[j].strip();
            if (!t.isEmpty() && !t.startsWith("//")) {
                return j + 1;
            }
        }
        return from + 1;
    }
}
