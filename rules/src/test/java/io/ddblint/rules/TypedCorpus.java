package io.ddblint.rules;

import io.ddblint.core.expr.ConstantValue;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.model.KeyAttribute;
import io.ddblint.core.model.KeySchema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of key conditions and update expressions with a table and typed constant values, for the checks
 * that need both (DDB-C006's key schema, value types and BETWEEN order; DDB-C010's key attributes and operand types),
 * valid and invalid variants of the same shapes. The facts do not carry the attributes behind {@code #names}, so these
 * cases are judged by the rules' checks directly (names and values given) rather than through generated Java sources.
 */
final class TypedCorpus {

    /**
     * One generated request.
     *
     * @param names     each {@code #name} and the attribute it stands for
     * @param values    each {@code :value} and its constant
     * @param exception why ddb-lint and the oracle may disagree, else null
     */
    record Case(ExpressionKind kind, String text, String table, Map<String, String> names,
                Map<String, ConstantValue> values, String exception) {
    }

    /** The tables the cases run against: name, and its key schema. */
    static final Map<String, KeySchema> TABLES = Map.of(
            "kc_ss", new KeySchema(new KeyAttribute("pk", "S"), new KeyAttribute("sk", "S")),
            "kc_sn", new KeySchema(new KeyAttribute("pk", "S"), new KeyAttribute("sk", "N")),
            "kc_h", new KeySchema(new KeyAttribute("pk", "N"), null));

    static final String UTF16 = "BETWEEN bounds whose UTF-16 order differs from their UTF-8 order: DynamoDB orders "
            + "strings by their UTF-8 bytes (RULES.md DDB-C006, the developer guide's comparison rules), dynalite "
            + "compares JavaScript (UTF-16) strings; RULES.md decides for DynamoDB's order";

    private static final String[][] NUMBERS_ASCENDING = {{"9", "10"}, {"-10", "-1"}, {"1.5", "1.50"}, {"1E2", "101"},
        {"-0.001", "0"}, {"99999999999999999999999999999999999998", "99999999999999999999999999999999999999"}};
    private static final String[][] STRINGS_ASCENDING = {{"a", "b"}, {"Z", "a"}, {"z", "\u00E9"},
        {"\u00E9", "\u00E9a"}, {"\u65E5\u672C", "\u65E5\u672C\u8A9E"}, {"\uFF61", "\uD83D\uDE00"},
        {"\uE000", "\uD800\uDC00"}, {"abc", "abd"}};

    private final Random random;
    private Map<String, String> names;
    private Map<String, ConstantValue> values;
    private String exception;
    private int counter;

    TypedCorpus(long seed) {
        this.random = new Random(seed);
    }

    List<Case> keyConditions(int count) {
        List<Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names = new LinkedHashMap<>();
            values = new LinkedHashMap<>();
            exception = null;
            counter = 0;
            String table = pick("kc_ss", "kc_sn", "kc_h");
            KeySchema keys = TABLES.get(table);
            String pkType = keys.partitionKey().type();
            String skType = keys.hasSortKey() ? keys.sortKey().type() : "S";
            String pk = random.nextInt(5) == 0 ? name("#p", "pk") : "pk";
            String sk = random.nextInt(5) == 0 ? name("#s", "sk") : "sk";
            String base = pk + " = " + typed(pkType);
            String text;
            if (random.nextBoolean()) {
                text = switch (random.nextInt(5)) {
                    case 0 -> base;
                    case 1 -> base + " AND " + sk + " " + pick("=", "<", "<=", ">", ">=") + " " + typed(skType);
                    case 2 -> skType.equals("S") ? base + " AND begins_with(" + sk + ", " + typed("S") + ")"
                            : base + " AND " + between(sk, skType, true);
                    case 3 -> base + " AND " + between(sk, skType, true);
                    default -> typed(pkType) + " = " + pk + " AND " + typed(skType) + " < " + sk;
                };
            } else {
                text = switch (random.nextInt(25)) {
                    case 0 -> pk + " <> " + typed(pkType);
                    case 1 -> base + " OR " + sk + " = " + typed(skType);
                    case 2 -> base + " AND NOT " + sk + " = " + typed(skType);
                    case 3 -> pk + " IN (" + typed(pkType) + ", " + typed(pkType) + ")";
                    case 4 -> base + " AND contains(" + sk + ", " + typed(skType) + ")";
                    case 5 -> base + " AND attribute_exists(" + sk + ")";
                    case 6 -> base + " AND size(" + sk + ") > " + typed("N");
                    case 7 -> base + " AND " + sk + " > " + typed(skType) + " AND " + sk + " < " + typed(skType);
                    case 8 -> pk + ".inner = " + typed(pkType);
                    case 9 -> pk + " = " + sk;
                    case 10 -> typed(pkType) + " = " + typed(pkType);
                    case 11 -> base + " AND " + typed(skType) + " BETWEEN " + sk + " AND " + typed(skType);
                    case 12 -> base + " AND begins_with(" + typed("S") + ", " + sk + ")";
                    case 13 -> base + " AND " + sk + " = " + typed(skType) + " AND extra = " + typed("S");
                    case 14 -> pk + " > " + typed(pkType);
                    case 15 -> base + " AND extra = " + typed("S");
                    case 16 -> {
                        table = "kc_h";
                        yield "pk = " + typed("N") + " AND " + sk + " = " + typed("S");
                    }
                    case 17 -> pk + " = " + typed(pkType.equals("S") ? "N" : "S");
                    case 18 -> base + " AND " + between(sk, skType, false);
                    case 19 -> base + " AND " + sk + " BETWEEN " + typed("S") + " AND " + typed("N");
                    case 20 -> "((" + base + "))";
                    case 21 -> base + " AND BEGINS_WITH(" + sk + ", " + typed("S") + ")";
                    case 22 -> base + " AND begins_with(" + sk + ")";
                    case 23 -> base + " AND begins_with(" + sk + ", " + typed("N") + ")";
                    default -> base + " AND " + sk + " " + pick("<", ">=") + " " + typed(skType.equals("S") ? "N"
                            : "S");
                };
            }
            String written = text;
            // Shapes that leave out a drawn key or value would be rejected as unused: DDB-C005's business.
            names.keySet().removeIf(k -> !used(written, k));
            values.keySet().removeIf(k -> !used(written, k));
            cases.add(new Case(ExpressionKind.KEY_CONDITION, text, table, Map.copyOf(names), Map.copyOf(values),
                    exception));
        }
        return cases;
    }

    List<Case> updates(int count) {
        List<Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names = new LinkedHashMap<>();
            values = new LinkedHashMap<>();
            exception = null;
            counter = 0;
            List<String> set = new ArrayList<>();
            set.add("note1 = " + typed("S"));
            set.add("qty = qty + " + typed("N"));
            set.add("lst = list_append(lst, " + typed("L") + ")");
            String add = "cnt " + typed("N") + ", tags1 " + typed("SS");
            String delete = "tags2 " + typed("SS");
            if (random.nextBoolean()) {
                switch (random.nextInt(10)) {
                    case 0 -> add = "cnt " + typed(pick("S", "BOOL", "L"));
                    case 1 -> delete = "tags2 " + typed(pick("N", "S"));
                    case 2 -> set.add("qty2 = if_not_exists(qty2, " + typed("N") + ") - " + typed("S"));
                    case 3 -> set.add("lst2 = list_append(" + typed(pick("N", "SS")) + ", lst2)");
                    case 4 -> set.add(pick("pk", "sk") + " = " + typed("S"));
                    case 5 -> set.add("sk.part = " + typed("S"));
                    case 6 -> set.add(name("#k", pick("pk", "sk")) + " = " + typed("S"));
                    case 7 -> add = "pk " + typed("N");
                    case 8 -> set.add("pk2 = " + typed("S"));
                    default -> set.add("qty3 = " + typed("N") + " + " + typed("N"));
                }
            }
            String text = "SET " + String.join(", ", set) + (random.nextBoolean() ? " REMOVE gone" : "")
                    + " ADD " + add + " DELETE " + delete;
            cases.add(new Case(ExpressionKind.UPDATE, text, "kc_ss", Map.copyOf(names), Map.copyOf(values), null));
        }
        return cases;
    }

    private String between(String sk, String type, boolean ascending) {
        String[] pair = type.equals("N") ? NUMBERS_ASCENDING[random.nextInt(NUMBERS_ASCENDING.length)]
                : STRINGS_ASCENDING[random.nextInt(STRINGS_ASCENDING.length)];
        String lo = ascending ? pair[0] : pair[1];
        String hi = ascending ? pair[1] : pair[0];
        if (type.equals("S") && Integer.signum(lo.compareTo(hi)) != utf8(lo, hi)) {
            exception = UTF16;
        }
        return sk + " BETWEEN " + value(new ConstantValue(type, lo)) + " AND " + value(new ConstantValue(type, hi));
    }

    private static boolean used(String text, String placeholder) {
        return java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(placeholder) + "(?![0-9A-Za-z_])")
                .matcher(text).find();
    }

    private static int utf8(String a, String b) {
        return Integer.signum(java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                b.getBytes(StandardCharsets.UTF_8)));
    }

    private String typed(String type) {
        return switch (type) {
            case "S" -> value(ConstantValue.s(pick("x", "2024", "\u00E9t\u00E9", "\uD83D\uDE00")));
            case "N" -> value(ConstantValue.n(pick("1", "-2.5", "1E3")));
            default -> value(ConstantValue.of(type));
        };
    }

    private String value(ConstantValue v) {
        String key = ":v" + counter++;
        values.put(key, v);
        return key;
    }

    private String name(String placeholder, String attribute) {
        names.put(placeholder, attribute);
        return placeholder;
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
