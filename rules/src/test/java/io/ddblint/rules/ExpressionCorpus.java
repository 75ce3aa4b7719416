package io.ddblint.rules;

import io.ddblint.core.facts.ExpressionKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A seeded generator of expressions of every kind, each drawn as a valid shape and, about half the time, turned into
 * an invalid variant of the same shape: reserved words, grammar keywords as names, undefined/unused/malformed
 * placeholders, doubled parentheses, miscased/unknown functions, wrong operand counts, functions out of place, syntax
 * slips, a path compared with itself, overlapping paths, and DynamoDB's limits (4 KB, 300 operators, 32 levels,
 * 100 IN operands) on both sides of each boundary.
 *
 * <p>Key conditions also get the shapes DDB-C006 judges on any table (operators, functions, nesting, conditions per
 * key, no equality on the partition key), updates the problems DDB-C010 judges (a clause twice, overlapping paths,
 * functions, operand counts, syntax). Their values are strings here: value types and key schemas are
 * {@link TypedCorpus}'s.
 */
final class ExpressionCorpus {

    /**
     * One generated request.
     *
     * @param names     keys of ExpressionAttributeNames (empty: no map)
     * @param values    keys of ExpressionAttributeValues (empty: no map)
     * @param exception why ddb-lint may reject what the oracle accepts (a published limit the oracle does not
     *                  enforce), else null
     */
    record Case(ExpressionKind kind, String text, Set<String> names, Set<String> values, String exception) {
    }

    static final String LIMIT = "a published DynamoDB limit (4 KB, 300 operators, 32 levels, 100 IN operands) that "
            + "dynalite does not enforce; the published limit wins";
    static final String REMOVE = "REMOVE as a bare attribute name: RULES.md (DDB-C004) records that DynamoDB rejects "
            + "it although the reserved-word list omits it; dynalite takes it";

    private static final String[] PLAIN = {"a", "b", "price", "buyer", "orderId", "tags", "qty", "note_1", "x9",
        "shipTo", "lines", "total_cents"};
    private static final String[] RESERVED = {"status", "name", "date", "count", "size", "value", "data", "comment",
        "timestamp", "convert", "user", "year", "region", "level", "items", "Owner", "TTL", "hash", "range", "key"};
    private static final String[] KEYWORDS = {"remove", "SET", "add", "delete", "between", "in", "not"};
    private static final String[] OPERATORS = {"=", "<>", "<", "<=", ">", ">="};

    private final Random random;
    private Set<String> names;
    private Set<String> values;
    private String exception;

    ExpressionCorpus(long seed) {
        this.random = new Random(seed);
    }

    List<Case> generate(ExpressionKind kind, int count) {
        List<Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names = new LinkedHashSet<>();
            values = new LinkedHashSet<>();
            exception = null;
            boolean invalid = random.nextBoolean();
            String text = switch (kind) {
                case FILTER, CONDITION -> condition(invalid);
                case PROJECTION -> projection(invalid);
                case KEY_CONDITION -> keyCondition(invalid);
                case UPDATE -> update(invalid);
            };
            if (invalid && random.nextInt(4) == 0) {
                placeholderSlip();
            }
            cases.add(new Case(kind, text, Set.copyOf(names), Set.copyOf(values), exception));
        }
        return cases;
    }

    // ---- conditions ----

    private String condition(boolean invalid) {
        if (invalid) {
            switch (random.nextInt(14)) {
                case 0 -> {
                    return "((" + predicate(false) + "))";
                }
                case 1 -> {
                    return predicate(false) + " AND";
                }
                case 2 -> {
                    return path(false) + " == " + value();
                }
                case 3 -> {
                    return pick("BEGINS_WITH", "Contains", "startsWith", "attribute_Exists") + "(" + path(false) + ", "
                            + value() + ")";
                }
                case 4 -> {
                    return pick(() -> "begins_with(" + path(false) + ")", () -> "contains(" + path(false) + ")",
                            () -> "attribute_exists(" + path(false) + ", " + value() + ")",
                            () -> "size(" + path(false) + ", " + path(false) + ") > " + number());
                }
                case 5 -> {
                    return pick(() -> "size(" + path(false) + ")",
                            () -> "begins_with(" + path(false) + ", " + value() + ") = " + value(),
                            () -> "attribute_exists(" + value() + ")");
                }
                case 6 -> {
                    String p = path(false);
                    return p + " " + pick("=", "<>", "<") + " " + p;
                }
                case 7 -> {
                    return "NOT NOT " + predicate(false);
                }
                case 8 -> {
                    return inList(random.nextBoolean() ? 100 : 101);
                }
                case 9 -> {
                    return chain(random.nextBoolean() ? 150 : 151);
                }
                case 10 -> {
                    String c = predicate(false);
                    int length = Math.max(c.length(), 4096 + (random.nextBoolean() ? 0 : 1));
                    exception = length > 4096 ? LIMIT : null;
                    return c + " ".repeat(length - c.length());
                }
                case 11 -> {
                    return deepPath(random.nextBoolean() ? 32 : 33) + " = " + value();
                }
                case 12 -> {
                    return path(true) + " = " + value();
                }
                default -> {
                    return keyword() + " = " + value();
                }
            }
        }
        return tree(2);
    }

    private String tree(int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return predicate(false);
        }
        return switch (random.nextInt(4)) {
            case 0 -> tree(depth - 1) + " AND " + tree(depth - 1);
            case 1 -> tree(depth - 1) + " OR " + tree(depth - 1);
            case 2 -> "NOT " + predicate(false);
            default -> "(" + tree(depth - 1) + ")";
        };
    }

    private String predicate(boolean reserved) {
        String p = path(reserved);
        return switch (random.nextInt(8)) {
            case 0 -> p + " " + pick(OPERATORS) + " " + value();
            case 1 -> p + " BETWEEN " + number() + " AND " + number();
            case 2 -> p + " IN (" + value() + ", " + value() + ")";
            case 3 -> "attribute_exists(" + p + ")";
            case 4 -> "attribute_not_exists(" + p + ")";
            case 5 -> "begins_with(" + p + ", " + value() + ")";
            case 6 -> "contains(" + p + ", " + value() + ")";
            default -> "size(" + p + ") " + pick(OPERATORS) + " " + number();
        };
    }

    private String inList(int operands) {
        exception = operands > 100 ? LIMIT : null;
        StringBuilder b = new StringBuilder(path(false)).append(" IN (");
        for (int i = 0; i < operands; i++) {
            b.append(i == 0 ? "" : ", ").append(value());
        }
        return b.append(')').toString();
    }

    private String chain(int comparisons) {
        exception = comparisons * 2 - 1 > 300 ? LIMIT : null;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < comparisons; i++) {
            b.append(i == 0 ? "" : " AND ").append("a").append(i).append(" = ").append(value());
        }
        return b.toString();
    }

    private String deepPath(int levels) {
        exception = levels > 32 ? LIMIT : null;
        StringBuilder b = new StringBuilder("doc");
        for (int i = 1; i < levels; i++) {
            b.append(random.nextInt(4) == 0 ? "[0]" : ".m");
        }
        return b.toString();
    }

    // ---- projection ----

    private String projection(boolean invalid) {
        List<String> paths = new ArrayList<>();
        int n = 1 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            paths.add("p" + i + suffix());
        }
        if (invalid) {
            switch (random.nextInt(8)) {
                case 0 -> paths.add(paths.get(0) + ".leaf");
                case 1 -> paths.add(paths.get(0));
                case 2 -> {
                    paths.add("conf.m");
                    paths.add("conf[0]");
                }
                case 3 -> paths.add(deepPath(random.nextBoolean() ? 32 : 33));
                case 4 -> paths.add(path(true));
                case 5 -> paths.add("");
                case 6 -> paths.add(keyword());
                default -> paths.add("size(q)");
            }
        } else if (random.nextBoolean()) {
            paths.add(placeholder());
        }
        java.util.Collections.shuffle(paths, random);
        return String.join(", ", paths);
    }

    private String suffix() {
        return switch (random.nextInt(4)) {
            case 0 -> ".c";
            case 1 -> "[" + random.nextInt(3) + "]";
            case 2 -> "." + placeholder();
            default -> "";
        };
    }

    // ---- key condition and update: the variants DDB-C004 and DDB-C005 judge ----

    private String keyCondition(boolean invalid) {
        String pk = invalid && random.nextBoolean() ? pick(RESERVED) : random.nextBoolean() ? "pk" : placeholder();
        String sk = invalid && random.nextBoolean() ? pick(RESERVED) : random.nextBoolean() ? "sk" : "#sk";
        if (sk.equalsIgnoreCase(pk)) {
            sk = "sk";
        }
        if (sk.equals("#sk")) {
            names.add("#sk");
        }
        String key = pk + " = " + value();
        if (invalid && random.nextBoolean()) {
            return keyConditionShape(pk, sk, key);
        }
        return switch (random.nextInt(4)) {
            case 0 -> key;
            case 1 -> key + " AND " + sk + " " + pick("=", "<", "<=", ">", ">=") + " " + value();
            case 2 -> key + " AND begins_with(" + sk + ", " + value() + ")";
            default -> key + " AND " + sk + " BETWEEN " + number() + " AND " + number();
        };
    }

    /** Key conditions DDB-C006 judges whatever the table: operators, functions, nesting, conditions per key. */
    private String keyConditionShape(String pk, String sk, String key) {
        return switch (random.nextInt(19)) {
            case 0 -> pk + " <> " + value();
            case 1 -> key + " OR " + sk + " = " + value();
            case 2 -> key + " AND NOT " + sk + " = " + value();
            case 3 -> pk + " IN (" + value() + ", " + value() + ")";
            case 4 -> key + " AND " + pick("contains", "attribute_type") + "(" + sk + ", " + value() + ")";
            case 5 -> key + " AND " + pick("attribute_exists", "attribute_not_exists") + "(" + sk + ")";
            case 6 -> key + " AND size(" + sk + ") > " + value();
            case 7 -> key + " AND " + sk + " > " + value() + " AND " + sk + " < " + value();
            case 8 -> pk + ".inner = " + value();
            case 9 -> pk + " = " + sk;
            case 10 -> value() + " = " + value();
            case 11 -> key + " AND " + value() + " BETWEEN " + sk + " AND " + value();
            case 12 -> key + " AND begins_with(" + value() + ", " + sk + ")";
            case 13 -> key + " AND " + sk + " = " + value() + " AND extra = " + value();
            case 14 -> pk + " " + pick(">", "<=") + " " + value();
            case 15 -> "((" + key + "))";
            case 16 -> key + " AND " + pick("BEGINS_WITH", "Begins_With", "beginsWith") + "(" + sk + ", " + value()
                    + ")";
            case 17 -> key + " AND begins_with(" + sk + ")";
            default -> "(" + key + ") AND (" + sk + " >= " + value() + ")";
        };
    }

    private String update(boolean invalid) {
        List<String> set = new ArrayList<>();
        set.add("u0 = " + value());
        if (random.nextBoolean()) {
            set.add("u1 = if_not_exists(u1, " + number() + ") + " + number());
        }
        if (random.nextBoolean()) {
            set.add("u2 = list_append(u2, " + list() + ")");
        }
        if (random.nextBoolean()) {
            set.add(placeholder() + ".leaf = " + value());
        }
        boolean slip = invalid && random.nextBoolean();
        if (invalid && !slip) {
            set.add((random.nextBoolean() ? pick(RESERVED) : pick(KEYWORDS)) + " = " + value());
        }
        StringBuilder b = new StringBuilder("SET ").append(String.join(", ", set));
        if (random.nextBoolean()) {
            b.append(" REMOVE r0, r1[2]");
        }
        if (random.nextBoolean()) {
            b.append(" ADD visits ").append(number());
        }
        if (random.nextBoolean()) {
            b.append(" DELETE labels ").append(stringSet());
        }
        return slip ? updateSlip(b.toString()) : b.toString();
    }

    private String keyword() {
        String k = pick(KEYWORDS);
        exception = k.equals("remove") ? REMOVE : null;
        return k;
    }

    /**
     * Update expressions with the problems DDB-C010 will judge (syntax, functions, operand counts, a clause twice,
     * overlapping paths), for the parser's own verdict: placeholders always consistent.
     */
    List<Case> updateGrammar(int count) {
        List<Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names = new LinkedHashSet<>();
            values = new LinkedHashSet<>();
            String text = update(false);
            if (random.nextBoolean()) {
                text = updateSlip(text);
            }
            cases.add(new Case(ExpressionKind.UPDATE, text, Set.copyOf(names), Set.copyOf(values), null));
        }
        return cases;
    }

    /** An update with one of the problems DDB-C010 judges. */
    private String updateSlip(String text) {
        return switch (random.nextInt(12)) {
            case 0 -> text + " SET " + "w0 = " + value();
            case 1 -> text.replaceFirst("u0 = ", "u0 ");
            case 2 -> text + ",";
            case 3 -> text + ", u0.leaf = " + value();
            case 4 -> text + ", w1 = size(u2)";
            case 5 -> text + ", w1 = LIST_APPEND(w1, " + list() + ")";
            case 6 -> text + ", w1 = list_append(w1)";
            case 7 -> text + ", w1 = if_not_exists(" + number() + ", w1)";
            case 8 -> text + " ADD w2 w3";
            case 9 -> text + ", w1 = w1 + " + number() + " + " + number();
            case 10 -> text + " REMOVE u0[1]";
            default -> "SET w1[0] = " + value() + ", w1.leaf = " + value();
        };
    }

    // ---- placeholders ----

    /** Leaves a used placeholder undefined, defines an unused one, or a key without its prefix. */
    private void placeholderSlip() {
        switch (random.nextInt(4)) {
            case 0 -> names.add("#unused");
            case 1 -> values.add(":unused");
            case 2 -> {
                if (!values.isEmpty()) {
                    values.remove(values.iterator().next());
                } else {
                    values.add("v");
                }
            }
            default -> {
                if (!names.isEmpty()) {
                    names.remove(names.iterator().next());
                } else {
                    names.add("n");
                }
            }
        }
    }

    private String path(boolean reserved) {
        String first = reserved ? pick(RESERVED) : random.nextInt(4) == 0 ? placeholder() : pick(PLAIN);
        return random.nextInt(3) == 0 ? first + suffix() : first;
    }

    private String placeholder() {
        String n = "#n" + random.nextInt(4);
        names.add(n);
        return n;
    }

    private String value() {
        return use(":v" + random.nextInt(4));
    }

    private String number() {
        return use(":num" + random.nextInt(3));
    }

    private String list() {
        return use(":list" + random.nextInt(2));
    }

    private String stringSet() {
        return use(":sset" + random.nextInt(2));
    }

    private String use(String v) {
        values.add(v);
        return v;
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    /** Draws lazily, so that only the chosen option adds its placeholders. */
    @SafeVarargs
    private String pick(Supplier<String>... options) {
        return options[random.nextInt(options.length)].get();
    }
}
