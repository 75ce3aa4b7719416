package io.ddblint.core.keys;

import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.facts.WrittenValue;
import io.ddblint.core.fold.StringFolder;
import io.ddblint.core.java.AstShapes;
import io.ddblint.core.java.ExpressionTypes;
import io.ddblint.core.java.Variable;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Says what a written value is: a string the model can fold (constants, choices between constants), an enum value,
 * a value derived from the current date truncated to a day, hour or month, or anything else.
 */
final class ValueClassifier {

    private static final int MAX_DEPTH = 8;
    private static final WrittenValue OTHER = new WrittenValue.Other();
    /** {@code X.now()} roots and the unit their value is truncated to; null: precise to the (milli)second. */
    private static final Map<String, String> NOW_ROOTS = Map.of("LocalDate", "day", "YearMonth", "month",
            "Year", "year", "LocalDateTime", "", "ZonedDateTime", "", "OffsetDateTime", "", "Instant", "");
    /** Calls on a date that keep its unit: it still takes one value per day (or hour, month). */
    private static final Set<String> KEEPS_UNIT = Set.of("toString", "plusDays", "minusDays", "plusMonths",
            "minusMonths", "plusYears", "minusYears", "atStartOfDay", "withDayOfMonth", "plusHours", "minusHours");
    private static final Set<String> STRING_VALUE_SETTERS = Set.of("s", "n", "withS", "withN", "fromS", "fromN");

    private final ExpressionTypes types;
    private final StringFolder folder;

    ValueClassifier(ExpressionTypes types, StringFolder folder) {
        this.types = types;
        this.folder = folder;
    }

    /**
     * An {@code AttributeValue}: v2 {@code AttributeValue.builder().s(x).build()}, {@code AttributeValue.fromS(x)},
     * v1 {@code new AttributeValue(x)}, {@code new AttributeValue().withS(x)}, or a local holding one.
     */
    WrittenValue classifyAttributeValue(Expression value) {
        return attributeValue(value, 0);
    }

    private WrittenValue attributeValue(Expression value, int depth) {
        Expression e = AstShapes.unwrap(value);
        if (depth > MAX_DEPTH) {
            return OTHER;
        }
        if (e instanceof ObjectCreationExpr oce && oce.getType().getNameAsString().equals("AttributeValue")) {
            return oce.getArguments().size() == 1 ? classify(oce.getArgument(0)) : OTHER;
        }
        if (e instanceof MethodCallExpr m) {
            for (Expression cur = m; cur instanceof MethodCallExpr c; cur = c.getScope().orElse(null)) {
                if (STRING_VALUE_SETTERS.contains(c.getNameAsString()) && c.getArguments().size() == 1) {
                    return classify(c.getArgument(0));
                }
                if (c.getScope().orElse(null) instanceof ObjectCreationExpr oce
                        && oce.getType().getNameAsString().equals("AttributeValue") && oce.getArguments().isEmpty()) {
                    continue;
                }
            }
            return OTHER;
        }
        if (e instanceof NameExpr n) {
            return initializer(n).map(i -> attributeValue(i, depth + 1)).orElse(OTHER);
        }
        return OTHER;
    }

    /** A plain Java value: a string, number, enum or date. */
    WrittenValue classify(Expression value) {
        return classify(value, 0);
    }

    private WrittenValue classify(Expression value, int depth) {
        Expression e = AstShapes.unwrap(value);
        if (depth > MAX_DEPTH) {
            return OTHER;
        }
        if (e instanceof StringLiteralExpr || e.isLiteralExpr()) {
            return new WrittenValue.Text(folder.fold(e));
        }
        if (e instanceof BinaryExpr b) {
            return b.getOperator() == BinaryExpr.Operator.PLUS ? concat(b, depth) : OTHER;
        }
        if (e instanceof ConditionalExpr) {
            // "A" : "B" folds to a choice; a choice between dates or enums is not followed
            return text(e);
        }
        // "" is a time precise to the second (LocalDateTime.now()): no evidence of few values
        Optional<String> date = dateUnit(e, depth).filter(u -> !u.isEmpty());
        if (date.isPresent()) {
            return new WrittenValue.DateTime(date.get());
        }
        Optional<WrittenValue> enumValue = enumValue(e);
        if (enumValue.isPresent()) {
            return enumValue.get();
        }
        if (e instanceof NameExpr n && types.typeOf(n).filter("java.lang.String"::equals).isEmpty()) {
            Optional<Expression> init = initializer(n);
            if (init.isPresent() && dateUnit(AstShapes.unwrap(init.get()), depth + 1)
                    .filter(u -> !u.isEmpty()).isPresent()) {
                return classify(init.get(), depth + 1);
            }
        }
        if (e instanceof NameExpr n) {
            Optional<Expression> init = initializer(n);
            if (init.isPresent() && !(classify(init.get(), depth + 1) instanceof WrittenValue.Text)) {
                return classify(init.get(), depth + 1);
            }
        }
        return text(e);
    }

    private WrittenValue text(Expression e) {
        return new WrittenValue.Text(folder.fold(e));
    }

    /**
     * {@code "DAY#" + LocalDate.now()} is a date; {@code date + "#" + (hash % 10)} (a calculated shard suffix) is not:
     * any part the analysis cannot see makes the whole value another value.
     */
    private WrittenValue concat(BinaryExpr b, int depth) {
        WrittenValue left = classify(b.getLeft(), depth + 1);
        WrittenValue right = classify(b.getRight(), depth + 1);
        if (left instanceof WrittenValue.Other || right instanceof WrittenValue.Other) {
            return OTHER;
        }
        if (left instanceof WrittenValue.Text && right instanceof WrittenValue.Text) {
            return text(b);
        }
        for (WrittenValue side : new WrittenValue[] {left, right}) {
            if (side instanceof WrittenValue.Text t && !constantParts(t.value())) {
                return OTHER;
            }
        }
        if (left instanceof WrittenValue.DateTime || right instanceof WrittenValue.DateTime) {
            return left instanceof WrittenValue.DateTime ? left : right;
        }
        WrittenValue.EnumValue en = left instanceof WrittenValue.EnumValue l ? l : (WrittenValue.EnumValue) right;
        return new WrittenValue.EnumValue(en.enumType(), null, null);
    }

    /** Whether a string is built of literals and constants only (the model folds those it can). */
    private static boolean constantParts(SymbolicString s) {
        if (s instanceof SymbolicString.Unknown) {
            return false;
        }
        if (s instanceof SymbolicString.Concat c) {
            return c.parts().stream().allMatch(ValueClassifier::constantParts);
        }
        if (s instanceof SymbolicString.Choice c) {
            return c.options().stream().allMatch(ValueClassifier::constantParts);
        }
        return true;
    }

    /**
     * The unit a value derived from the current date or time is truncated to: {@code LocalDate.now()},
     * {@code Instant.now().truncatedTo(ChronoUnit.DAYS)}, {@code LocalDateTime.now().format(ofPattern("yyyy-MM"))},
     * {@code DateTimeFormatter.ISO_LOCAL_DATE.format(now)}, {@code String.valueOf(LocalDate.now())}.
     */
    private Optional<String> dateUnit(Expression e, int depth) {
        if (depth > MAX_DEPTH || !(e instanceof MethodCallExpr m)) {
            if (e instanceof NameExpr n && depth <= MAX_DEPTH) {
                return initializer(n).flatMap(i -> dateUnit(AstShapes.unwrap(i), depth + 1));
            }
            return Optional.empty();
        }
        String name = m.getNameAsString();
        if (name.equals("now") && m.getScope().isPresent()) {
            String root = m.getScope().get().toString();
            root = root.substring(root.lastIndexOf('.') + 1);
            String unit = NOW_ROOTS.get(root);
            return unit == null ? Optional.empty() : Optional.of(unit);
        }
        if (name.equals("valueOf") && m.getArguments().size() == 1) {
            return dateUnit(AstShapes.unwrap(m.getArgument(0)), depth + 1).filter(u -> !u.isEmpty());
        }
        if (name.equals("format") && m.getArguments().size() == 1) {
            // date.format(formatter) or formatter.format(date)
            Expression arg = AstShapes.unwrap(m.getArgument(0));
            Optional<String> onDate = m.getScope().flatMap(s -> dateUnit(AstShapes.unwrap(s), depth + 1));
            if (onDate.isPresent()) {
                return coarser(onDate.get(), formatterUnit(arg, depth));
            }
            Optional<String> ofArg = dateUnit(arg, depth + 1);
            if (ofArg.isPresent() && m.getScope().isPresent()) {
                return coarser(ofArg.get(), formatterUnit(AstShapes.unwrap(m.getScope().get()), depth));
            }
            return Optional.empty();
        }
        if (m.getScope().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> inner = dateUnit(AstShapes.unwrap(m.getScope().get()), depth + 1);
        if (inner.isEmpty()) {
            return Optional.empty();
        }
        if (name.equals("truncatedTo") && m.getArguments().size() == 1) {
            String unit = m.getArgument(0).toString();
            if (unit.endsWith("DAYS")) {
                return Optional.of("day");
            }
            return unit.endsWith("HOURS") ? Optional.of("hour") : Optional.empty();
        }
        if (name.equals("toLocalDate")) {
            return Optional.of("day");
        }
        return KEEPS_UNIT.contains(name) && !inner.get().isEmpty() ? inner : Optional.empty();
    }

    /** The unit a formatter keeps: a pattern without minutes or seconds, or an ISO date formatter. */
    private Optional<String> formatterUnit(Expression formatter, int depth) {
        Expression f = formatter;
        if (f instanceof NameExpr n) {
            Optional<Expression> init = initializer(n);
            if (init.isEmpty() || depth > MAX_DEPTH) {
                return Optional.empty();
            }
            f = AstShapes.unwrap(init.get());
        }
        String text = f.toString();
        if (text.endsWith("ISO_LOCAL_DATE") || text.endsWith("ISO_DATE") || text.endsWith("BASIC_ISO_DATE")) {
            return Optional.of("day");
        }
        if (f instanceof MethodCallExpr m && m.getNameAsString().equals("ofPattern") && !m.getArguments().isEmpty()) {
            SymbolicString pattern = folder.fold(m.getArgument(0));
            if (pattern instanceof SymbolicString.Literal l) {
                return patternUnit(l.value());
            }
        }
        return Optional.empty();
    }

    static Optional<String> patternUnit(String pattern) {
        String letters = pattern.replaceAll("'[^']*'", "");
        if (letters.matches(".*[msSnAN].*")) {
            return Optional.empty();
        }
        if (letters.matches(".*[HhKk].*")) {
            return Optional.of("hour");
        }
        if (letters.matches(".*[dDE].*")) {
            return Optional.of("day");
        }
        return letters.contains("M") ? Optional.of("month") : letters.matches(".*[yu].*") ? Optional.of("year")
                : Optional.empty();
    }

    /** A date unit after formatting: the formatter's when the date itself is precise. */
    private static Optional<String> coarser(String dateUnit, Optional<String> formatterUnit) {
        if (formatterUnit.isPresent()) {
            return formatterUnit;
        }
        return dateUnit.isEmpty() ? Optional.empty() : Optional.of(dateUnit);
    }

    /**
     * {@code Status.ACTIVE}, {@code Status.ACTIVE.name()}, {@code status.name()}, {@code status} of a project type that
     * is not a string: an enum value candidate, confirmed at link time against the enums the project declares.
     */
    private Optional<WrittenValue> enumValue(Expression e) {
        Expression target = e;
        if (e instanceof MethodCallExpr m && m.getArguments().isEmpty() && m.getScope().isPresent()
                && (m.getNameAsString().equals("name") || m.getNameAsString().equals("toString"))) {
            target = AstShapes.unwrap(m.getScope().get());
        }
        if (target instanceof FieldAccessExpr fa && types.isTypeName(fa.getScope())) {
            Optional<String> owner = types.typeName(fa.getScope());
            Optional<String> type = types.typeOf(fa);
            if (owner.isPresent() && (type.isEmpty() || type.get().equals(owner.get()))) {
                return Optional.of(new WrittenValue.EnumValue(owner.get(), fa.getNameAsString(),
                        e == target ? folder.fold(fa) : null));
            }
            return Optional.empty();
        }
        if (target instanceof NameExpr || target instanceof MethodCallExpr) {
            Optional<String> type = types.typeOf(target);
            if (type.isPresent() && !type.get().startsWith("java.") && type.get().contains(".")) {
                return Optional.of(new WrittenValue.EnumValue(type.get(), null, null));
            }
        }
        return Optional.empty();
    }

    /** The initializer of a local that is never reassigned. */
    private Optional<Expression> initializer(NameExpr n) {
        Optional<Variable> v = types.scopes().find(n.getNameAsString(), n);
        if (v.isEmpty() || v.get().initializer() == null
                || v.get().kind() != Variable.Kind.LOCAL && !(v.get().kind() == Variable.Kind.FIELD
                && v.get().isFinal())) {
            return Optional.empty();
        }
        for (AssignExpr a : v.get().scope().findAll(AssignExpr.class)) {
            if (a.getTarget() instanceof NameExpr t && t.getNameAsString().equals(n.getNameAsString())) {
                return Optional.empty();
            }
        }
        return Optional.of(v.get().initializer());
    }
}
