package io.ddblint.core.sdk;

import io.ddblint.core.facts.Operation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code dynamodb-api.txt}, the table of SDK methods, once.
 *
 * <p>Why a text resource rather than Java: a row is ten facts, and a Java table of record constructors spreads each
 * over several lines full of quotes and {@code List.of(..)}, where a column layout shows two hundred methods so that
 * a missing accessor or a wrong flag stands out and adding a method is adding a line. The price, no compiler check
 * of the names, is paid here (every row is parsed at class initialization and a bad row fails loudly with its line
 * number) and by {@code SdkTableTest}, which checks every row against the real SDK jars.
 */
final class ApiTable {

    static final String RESOURCE = "dynamodb-api.txt";

    private static final List<ApiMethod> ROWS = load();

    private ApiTable() {
    }

    /** Every row of the table, in file order. */
    static List<ApiMethod> rows() {
        return ROWS;
    }

    private static List<ApiMethod> load() {
        InputStream in = ApiTable.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing resource " + RESOURCE);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the table's text; throws {@link IllegalArgumentException} naming the line of the first bad row. */
    static List<ApiMethod> parse(List<String> lines) {
        Map<String, String> packages = new HashMap<>();
        List<ApiMethod> rows = new ArrayList<>();
        String receiver = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            try {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\s+");
                if (cells[0].equals("@package")) {
                    expect(cells, 3);
                    packages.put(cells[1], cells[2]);
                } else if (line.startsWith("[") && line.endsWith("]")) {
                    receiver = type(line.substring(1, line.length() - 1), packages);
                } else if (receiver == null) {
                    throw new IllegalArgumentException("a row before the first [receiver]");
                } else {
                    expect(cells, 7);
                    rows.add(row(receiver, cells, packages));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(RESOURCE + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(rows);
    }

    private static ApiMethod row(String receiver, String[] cells, Map<String, String> packages) {
        String action = cells[1];
        ApiMethod.Kind kind = switch (action) {
            case "navigate" -> ApiMethod.Kind.NAVIGATION;
            case "create-client" -> ApiMethod.Kind.CLIENT_FACTORY;
            case "build-client" -> ApiMethod.Kind.CLIENT_BUILDER;
            case "schema" -> ApiMethod.Kind.SCHEMA_FACTORY;
            default -> ApiMethod.Kind.OPERATION;
        };
        Optional<Operation> operation = kind == ApiMethod.Kind.OPERATION
                ? Optional.of(Operation.valueOf(action)) : Optional.empty();
        List<String> flags = list(cells[2]);
        for (String flag : flags) {
            if (!flag.equals("pages") && !flag.equals("untracked")) {
                throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        Optional<String> request = cells[3].equals("-") ? Optional.empty() : Optional.of(type(cells[3], packages));
        return new ApiMethod(receiver, cells[0], kind, operation, flags.contains("pages"),
                !flags.contains("untracked"), request, type(cells[4], packages), list(cells[5]), list(cells[6]));
    }

    private static void expect(String[] cells, int count) {
        if (cells.length != count) {
            throw new IllegalArgumentException(count + " columns expected, found " + cells.length);
        }
    }

    /** {@code v2.model:QueryRequest} → the fully qualified name; a name without an alias is taken as written. */
    private static String type(String cell, Map<String, String> packages) {
        int colon = cell.indexOf(':');
        if (colon < 0) {
            return cell;
        }
        String pkg = packages.get(cell.substring(0, colon));
        if (pkg == null) {
            throw new IllegalArgumentException("unknown package alias in " + cell);
        }
        return pkg + "." + cell.substring(colon + 1);
    }

    private static List<String> list(String cell) {
        return cell.equals("-") ? List.of() : Arrays.asList(cell.split(","));
    }
}
