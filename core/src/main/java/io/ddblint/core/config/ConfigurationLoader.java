package io.ddblint.core.config;

import io.ddblint.core.Severity;
import io.ddblint.core.rule.BuiltInRules;
import io.ddblint.core.rule.Limits;
import io.ddblint.core.rule.RuleDescriptor;
import io.ddblint.core.rule.RuleRegistry;
import io.ddblint.core.source.FileBudget;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates {@code ddb-lint.yml}. Works on SnakeYAML's node tree rather than on plain maps so that every
 * error can name the line of the offending key; anything unknown is an error, because a misspelled key that is
 * silently ignored leaves a rule on (or off) that the user believes they changed.
 */
public final class ConfigurationLoader {

    /** The file name looked for at the project root. */
    public static final String FILE_NAME = "ddb-lint.yml";

    private static final List<String> TOP_LEVEL = List.of("rules", "nonProductionPaths", "limits", "tables",
            "analysis", "docBaseUrl");
    private static final List<String> ANALYSIS_KEYS = List.of("maxFileSize", "maxNesting", "fileTimeout");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(KB|MB)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECONDS = Pattern.compile("(\\d+)\\s*s?", Pattern.CASE_INSENSITIVE);
    private static final List<String> RULE_KEYS = List.of("enabled", "severity");
    private static final List<String> LIMIT_KEYS = List.of("batchWriteItems", "batchGetKeys", "transactionItems");
    private static final List<String> TABLE_KEYS = List.of("name", "partitionKey", "sortKey", "attributes",
            "globalSecondaryIndexes", "localSecondaryIndexes");
    private static final List<String> INDEX_KEYS = List.of("name", "partitionKey", "sortKey");
    private static final List<String> ATTRIBUTE_TYPES = List.of("S", "N", "B");

    private final String fileName;
    private final Map<String, RuleDescriptor> rulesByKey = new LinkedHashMap<>();

    private ConfigurationLoader(String fileName, List<RuleDescriptor> knownRules) {
        this.fileName = fileName;
        for (RuleDescriptor d : knownRules) {
            rulesByKey.put(d.id().toLowerCase(Locale.ROOT), d);
            rulesByKey.put(d.name().toLowerCase(Locale.ROOT), d);
        }
    }

    /**
     * Loads a configuration file; rule ids and names are checked against the registry (and the built-in rules).
     *
     * @throws ConfigurationException when the file is missing, unreadable, not YAML or not valid configuration
     */
    public static Configuration load(Path file, RuleRegistry registry) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException(file + ": cannot read configuration file: " + e.getMessage());
        }
        return parse(file.toString(), text, registry.descriptors());
    }

    /** Parses configuration text; {@code fileName} only appears in messages. */
    public static Configuration parse(String fileName, String text, List<RuleDescriptor> rules) {
        List<RuleDescriptor> known = new ArrayList<>(rules);
        known.addAll(BuiltInRules.all());
        return new ConfigurationLoader(fileName, known).read(new StringReader(text));
    }

    private Configuration read(Reader reader) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ConfigurationException(fileName + ":" + line + ": malformed YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigurationException(fileName + ": malformed YAML: " + e.getMessage());
        }
        if (root == null) {
            return Configuration.DEFAULTS; // an empty file, or only comments
        }
        Map<String, RuleSetting> rules = new LinkedHashMap<>();
        List<String> globs = new ArrayList<>();
        Limits[] limits = {Limits.DEFAULTS};
        FileBudget[] budget = {FileBudget.DEFAULTS};
        List<DeclaredTable> tables = new ArrayList<>();
        String[] docBaseUrl = {null};
        forEachKey(mapping(root, "the top level"), "", TOP_LEVEL, (key, value) -> {
            if (isNull(value)) {
                return; // "rules:" with nothing under it, as templates have: the section's defaults
            }
            switch (key.getValue()) {
                case "rules" -> rules.putAll(rules(value));
                case "nonProductionPaths" -> globs.addAll(globs(value));
                case "limits" -> limits[0] = limits(value);
                case "analysis" -> budget[0] = analysis(value);
                case "docBaseUrl" -> docBaseUrl[0] = docBaseUrl(value);
                default -> tables.addAll(tables(value));
            }
        });
        return new Configuration(rules, globs, limits[0], tables, budget[0], docBaseUrl[0]);
    }

    private String docBaseUrl(Node node) {
        String url = scalar(node, "docBaseUrl").getValue().strip();
        Configuration.docBaseUrlProblem(url).ifPresent(problem -> {
            throw error(node, "docBaseUrl " + problem + ", not '" + url + "'");
        });
        return url;
    }

    private Map<String, RuleSetting> rules(Node node) {
        Map<String, RuleSetting> settings = new LinkedHashMap<>();
        Set<String> allKeys = new LinkedHashSet<>();
        rulesByKey.values().forEach(d -> {
            allKeys.add(d.id());
            allKeys.add(d.name());
        });
        for (NodeTuple tuple : mapping(node, "rules").getValue()) {
            ScalarNode key = scalarKey(tuple, "rules");
            RuleDescriptor rule = rulesByKey.get(key.getValue().toLowerCase(Locale.ROOT));
            if (rule == null) {
                throw error(key, "unknown rule '" + key.getValue() + "' in rules"
                        + Suggestions.didYouMean(key.getValue(), allKeys));
            }
            if (settings.containsKey(rule.id())) {
                throw error(key, "rule " + rule.id() + " is configured twice in rules");
            }
            String path = "rules." + key.getValue();
            Boolean[] enabled = {null};
            Severity[] severity = {null};
            forEachKey(mapping(tuple.getValueNode(), path), path, RULE_KEYS, (k, v) -> {
                if (k.getValue().equals("enabled")) {
                    enabled[0] = bool(v, path + ".enabled");
                } else {
                    String text = scalar(v, path + ".severity").getValue();
                    severity[0] = Severity.parse(text).orElseThrow(() -> error(v, "bad severity '" + text
                            + "' for " + path + ".severity; valid severities: " + Severity.validNames()));
                }
            });
            settings.put(rule.id(), new RuleSetting(enabled[0], severity[0]));
        }
        return settings;
    }

    private List<String> globs(Node node) {
        List<String> globs = new ArrayList<>();
        for (Node item : sequence(node, "nonProductionPaths").getValue()) {
            String glob = scalar(item, "nonProductionPaths").getValue();
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (IllegalArgumentException e) {
                throw error(item, "bad glob '" + glob + "' in nonProductionPaths: " + e.getMessage());
            }
            globs.add(glob);
        }
        return globs;
    }

    private Limits limits(Node node) {
        int[] values = {Limits.DEFAULTS.batchWriteItems(), Limits.DEFAULTS.batchGetKeys(),
                Limits.DEFAULTS.transactionItems()};
        forEachKey(mapping(node, "limits"), "limits", LIMIT_KEYS,
                (key, value) -> values[LIMIT_KEYS.indexOf(key.getValue())] =
                        positiveInt(value, "limits." + key.getValue()));
        return new Limits(values[0], values[1], values[2]);
    }

    /** {@code analysis}: what one file may cost ({@code maxFileSize: 2MB}, {@code maxNesting: 150}, {@code fileTimeout: 10s}). */
    private FileBudget analysis(Node node) {
        FileBudget d = FileBudget.DEFAULTS;
        long[] size = {d.maxFileBytes()};
        int[] nesting = {d.maxNesting()};
        Duration[] timeout = {d.timeout()};
        forEachKey(mapping(node, "analysis"), "analysis", ANALYSIS_KEYS, (key, value) -> {
            String path = "analysis." + key.getValue();
            switch (key.getValue()) {
                case "maxFileSize" -> size[0] = amount(value, path, SIZE,
                        "a positive size such as 2MB, 512KB or a number of bytes");
                case "maxNesting" -> nesting[0] = positiveInt(value, path);
                default -> timeout[0] = Duration.ofSeconds(amount(value, path, SECONDS,
                        "a positive number of seconds such as 10s"));
            }
        });
        return new FileBudget(size[0], nesting[0], timeout[0]);
    }

    private long amount(Node node, String path, Pattern pattern, String expected) {
        String text = scalar(node, path).getValue().strip();
        Matcher m = pattern.matcher(text);
        if (m.matches()) {
            try {
                long value = Long.parseLong(m.group(1));
                String unit = m.groupCount() > 1 && m.group(2) != null ? m.group(2).toUpperCase(Locale.ROOT) : "";
                long scaled = switch (unit) {
                    case "KB" -> Math.multiplyExact(value, 1024L);
                    case "MB" -> Math.multiplyExact(value, 1024L * 1024);
                    default -> value;
                };
                if (scaled > 0) {
                    return scaled;
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
        }
        throw error(node, path + " must be " + expected + ", not '" + text + "'");
    }

    private List<DeclaredTable> tables(Node node) {
        List<DeclaredTable> tables = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Node> items = sequence(node, "tables").getValue();
        for (int i = 0; i < items.size(); i++) {
            DeclaredTable table = table(items.get(i), "tables[" + i + "]");
            if (!names.add(table.name())) {
                throw error(items.get(i), "table '" + table.name() + "' is declared twice in tables");
            }
            tables.add(table);
        }
        return tables;
    }

    private DeclaredTable table(Node node, String path) {
        MappingNode map = mapping(node, path);
        Map<String, String> strings = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        List<DeclaredIndex> gsis = new ArrayList<>();
        List<DeclaredIndex> lsis = new ArrayList<>();
        forEachKey(map, path, TABLE_KEYS, (key, value) -> {
            String where = path + "." + key.getValue();
            switch (key.getValue()) {
                case "attributes" -> forEachKey(mapping(value, where), where, null, (attr, type) -> {
                    String t = scalar(type, where + "." + attr.getValue()).getValue();
                    if (!ATTRIBUTE_TYPES.contains(t)) {
                        throw error(type, "bad attribute type '" + t + "' for " + where + "." + attr.getValue()
                                + "; valid types: S, N, B" + Suggestions.didYouMean(t, ATTRIBUTE_TYPES));
                    }
                    types.put(attr.getValue(), t);
                });
                case "globalSecondaryIndexes" -> gsis.addAll(indexes(value, where));
                case "localSecondaryIndexes" -> lsis.addAll(indexes(value, where));
                default -> strings.put(key.getValue(), scalar(value, where).getValue());
            }
        });
        require(strings, "name", map, path);
        require(strings, "partitionKey", map, path);
        DeclaredTable table = new DeclaredTable(strings.get("name"), strings.get("partitionKey"),
                strings.get("sortKey"), types, gsis, lsis);
        checkKeys(table, map, path);
        return table;
    }

    /**
     * The checks DynamoDB itself makes on a table definition, so a wrong declaration fails here rather than
     * misleading the model: LSIs share the table's partition key and need a sort key; with attribute types given
     * (as in CloudFormation's AttributeDefinitions), every key attribute has one; index names are unique.
     */
    private void checkKeys(DeclaredTable table, MappingNode map, String path) {
        Set<String> indexNames = new HashSet<>();
        for (DeclaredIndex lsi : table.localSecondaryIndexes()) {
            if (!lsi.partitionKey().equals(table.partitionKey())) {
                throw error(map, "local secondary index '" + lsi.name() + "' of " + path + " must use the table's "
                        + "partition key '" + table.partitionKey() + "', not '" + lsi.partitionKey() + "'");
            }
            if (lsi.sortKey() == null) {
                throw error(map, "local secondary index '" + lsi.name() + "' of " + path + " needs a sortKey");
            }
        }
        List<String> keys = new ArrayList<>();
        keys.add(table.partitionKey());
        keys.add(table.sortKey());
        for (DeclaredIndex index : concat(table.globalSecondaryIndexes(), table.localSecondaryIndexes())) {
            if (!indexNames.add(index.name())) {
                throw error(map, "index '" + index.name() + "' is declared twice in " + path);
            }
            keys.add(index.partitionKey());
            keys.add(index.sortKey());
        }
        if (table.attributeTypes().isEmpty()) {
            return;
        }
        for (String key : keys) {
            if (key != null && !table.attributeTypes().containsKey(key)) {
                throw error(map, "key attribute '" + key + "' of " + path + " has no type in " + path
                        + ".attributes");
            }
        }
    }

    private static List<DeclaredIndex> concat(List<DeclaredIndex> a, List<DeclaredIndex> b) {
        List<DeclaredIndex> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private List<DeclaredIndex> indexes(Node node, String path) {
        List<DeclaredIndex> indexes = new ArrayList<>();
        List<Node> items = sequence(node, path).getValue();
        for (int i = 0; i < items.size(); i++) {
            String where = path + "[" + i + "]";
            MappingNode map = mapping(items.get(i), where);
            Map<String, String> strings = new LinkedHashMap<>();
            forEachKey(map, where, INDEX_KEYS,
                    (key, value) -> strings.put(key.getValue(), scalar(value, where + "." + key.getValue()).getValue()));
            require(strings, "name", map, where);
            require(strings, "partitionKey", map, where);
            indexes.add(new DeclaredIndex(strings.get("name"), strings.get("partitionKey"), strings.get("sortKey")));
        }
        return indexes;
    }

    // Node helpers: each checks the shape and fails with the node's line.

    /**
     * Visits the keys of a mapping in order, rejecting non-scalar, duplicate and (when {@code allowed} is not null)
     * unknown keys.
     */
    private void forEachKey(MappingNode map, String path, List<String> allowed, BiConsumer<ScalarNode, Node> visit) {
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : map.getValue()) {
            ScalarNode key = scalarKey(tuple, path);
            String where = path.isEmpty() ? "at the top level" : "in " + path;
            if (allowed != null && !allowed.contains(key.getValue())) {
                throw error(key, "unknown key '" + key.getValue() + "' " + where
                        + Suggestions.didYouMean(key.getValue(), allowed));
            }
            if (!seen.add(key.getValue())) {
                throw error(key, "duplicate key '" + key.getValue() + "' " + where);
            }
            visit.accept(key, tuple.getValueNode());
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    private ScalarNode scalarKey(NodeTuple tuple, String path) {
        if (tuple.getKeyNode() instanceof ScalarNode key) {
            return key;
        }
        throw error(tuple.getKeyNode(), "a key in " + (path.isEmpty() ? "the top level" : path)
                + " must be a plain name");
    }

    private MappingNode mapping(Node node, String path) {
        if (node instanceof MappingNode map) {
            return map;
        }
        throw error(node, path + " must be a mapping of keys to values");
    }

    private SequenceNode sequence(Node node, String path) {
        if (node instanceof SequenceNode seq) {
            return seq;
        }
        throw error(node, path + " must be a list");
    }

    private ScalarNode scalar(Node node, String path) {
        if (node instanceof ScalarNode s && !s.getValue().isBlank()) {
            return s;
        }
        throw error(node, path + " must be a non-empty single value");
    }

    private boolean bool(Node node, String path) {
        String text = scalar(node, path).getValue().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(node, path + " must be true or false, not '" + text + "'");
        };
    }

    private int positiveInt(Node node, String path) {
        String text = scalar(node, path).getValue();
        try {
            int value = Integer.parseInt(text.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(node, path + " must be a positive whole number, not '" + text + "'");
    }

    private void require(Map<String, String> values, String key, MappingNode map, String path) {
        if (!values.containsKey(key)) {
            throw error(map, "missing key '" + key + "' in " + path);
        }
    }

    private ConfigurationException error(Node node, String message) {
        return new ConfigurationException(fileName + ":" + (node.getStartMark().getLine() + 1) + ": " + message);
    }
}
