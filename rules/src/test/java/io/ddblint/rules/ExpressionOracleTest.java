package io.ddblint.rules;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.Finding;
import io.ddblint.core.SourceRoot;
import io.ddblint.core.expr.ExpressionChecks;
import io.ddblint.core.expr.ExpressionParser;
import io.ddblint.core.facts.AttributeMap;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ConstantValue;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.KeySet;
import io.ddblint.core.facts.Request;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.facts.Value;
import io.ddblint.core.rule.RuleRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ddb-lint's expression verdicts against DynamoDB's, as reproduced by dynalite (see {@link ExpressionOracle}): a
 * request is rejected by ddb-lint when DDB-C004, DDB-C005 or DDB-C012 reports an ERROR on its call, and by the oracle
 * when it answers with a ValidationException text. Every executable fixture case of these rules, and a generated
 * corpus of every expression kind, must agree; the only documented exceptions are DynamoDB's published limits, which
 * dynalite does not enforce, and a bare {@code REMOVE}, which RULES.md says DynamoDB rejects and dynalite takes
 * (ddb-lint follows the published documentation and RULES.md there).
 */
class ExpressionOracleTest {

    private static final Set<String> RULES = Set.of("DDB-C004", "DDB-C005", "DDB-C012");
    private static final int PER_KIND = 2_000;
    /** Oracle objections to a value's type: the harness does not know the code's values (see below). */
    private static final Pattern TYPED = Pattern.compile("operand type|same data type|attribute type name");
    /** Findings the oracle cannot confirm by design: {@link ExpressionCorpus#LIMIT}, {@link ExpressionCorpus#REMOVE}. */
    private static final Pattern DOCUMENTED = Pattern.compile("too many operands|too many operators|nesting levels|"
            + "maximum allowed size|token: \"remove\"|reserved keyword: remove");

    private static ExpressionOracle oracle;

    @BeforeAll
    static void startOracle() throws IOException, InterruptedException {
        oracle = ExpressionOracle.start();
    }

    @AfterAll
    static void stopOracle() throws IOException {
        if (oracle != null) {
            oracle.close();
        }
    }

    @Test
    void everyExecutableFixtureCaseAgreesWithTheOracle() {
        AnalysisResult result = FixtureExpectationsTest.analyze(List.of());
        List<CallSite> sites = result.callSites().stream()
                .filter(s -> s.path().matches(".*/fixtures/c0(04|05|12)/.*"))
                .toList();
        List<String> disagreements = new ArrayList<>();
        int executed = 0;
        int typed = 0;
        int exceptions = 0;
        int invalidValues = 0;
        for (CallSite site : sites) {
            Optional<List<Map<String, Object>>> requests = requests(site.request());
            if (requests.isEmpty()) {
                // Not statically known: nothing to send, and no rule judges it either.
                continue;
            }
            executed++;
            List<String> answers = oracle.verdicts(requests.get());
            Optional<String> rejected = answers.stream().filter(a -> a != null).findFirst();
            List<Finding> findings = findings(result.findings(), site.path(), site.range().line());
            boolean reported = !findings.isEmpty();
            if (rejected.filter(a -> a.contains("contains invalid value")).isPresent() && reported) {
                invalidValues++;
            }
            if (rejected.isPresent() && TYPED.matcher(rejected.get()).find()) {
                // LIMITATION: values the code does not build as constants are sent as strings (see request), so an
                // objection to an operand's type may say nothing about the code. Not judged.
                typed++;
                continue;
            }
            if (reported && rejected.isEmpty() && findings.stream().allMatch(f -> DOCUMENTED.matcher(f.message())
                    .find())) {
                exceptions++;
                continue;
            }
            if (reported != rejected.isPresent()) {
                disagreements.add(site.path() + ":" + site.range().line() + " ddb-lint "
                        + (reported ? "rejects" : "accepts") + ", oracle " + rejected.orElse("accepts"));
            }
        }
        System.out.printf("Expression oracle, fixtures: %d of %d call sites executed, %d agree, %d documented "
                        + "exceptions, %d not judged (value types)%n", executed, sites.size(),
                executed - disagreements.size() - exceptions - typed, exceptions, typed);
        System.out.printf("Expression oracle, fixtures: %d constant AttributeValues rejected by both%n", invalidValues);
        assertThat(executed).isGreaterThan(30);
        assertThat(invalidValues).as("constant values the oracle and DDB-C005 both reject").isGreaterThanOrEqualTo(10);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void aGeneratedCorpusOfEveryKindAgreesWithTheOracle() throws IOException {
        Path root = Path.of(System.getProperty("ddblint.oracle.work", "target/expression-oracle"))
                .resolveSibling("expression-corpus");
        Path sources = root.resolve("src/main/java");
        Map<String, ExpressionCorpus.Case> byLine = new LinkedHashMap<>();
        List<ExpressionCorpus.Case> all = new ArrayList<>();
        ExpressionCorpus corpus = new ExpressionCorpus(20_261_206L);
        for (ExpressionKind kind : ExpressionKind.values()) {
            all.addAll(corpus.generate(kind, PER_KIND));
        }
        writeSources(sources, all, byLine);

        AnalysisRequest request = new AnalysisRequest(root, List.of(SourceRoot.auto(sources)), List.of(), true,
                List.of(), List.of(), 0);
        AnalysisResult result = new Analyzer(RuleRegistry.loadDefault()).analyze(request);
        assertThat(result.problems()).isEmpty();
        Set<String> reported = result.findings().stream().filter(f -> RULES.contains(f.ruleId()))
                .map(f -> f.path() + ":" + f.range().line()).collect(Collectors.toSet());

        List<Map<String, Object>> requests = new ArrayList<>();
        byLine.values().forEach(c -> requests.add(request(c)));
        List<String> answers = oracle.verdicts(requests);

        Map<ExpressionKind, int[]> tally = new EnumMap<>(ExpressionKind.class);
        List<String> disagreements = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, ExpressionCorpus.Case> e : byLine.entrySet()) {
            ExpressionCorpus.Case c = e.getValue();
            String answer = answers.get(i++);
            boolean ours = reported.contains(e.getKey());
            int[] t = tally.computeIfAbsent(c.kind(), k -> new int[4]);
            t[0]++;
            t[3] += ours ? 1 : 0;
            if (ours == (answer != null)) {
                t[1]++;
            } else if (ours && c.exception() != null) {
                t[2]++;
            } else if (disagreements.size() < 25) {
                disagreements.add(c.kind() + " `" + abbreviated(c.text()) + "` names " + c.names() + " values "
                        + c.values() + ": ddb-lint " + (ours ? "rejects" : "accepts") + ", oracle "
                        + (answer == null ? "accepts" : answer));
            } else {
                disagreements.add("...");
            }
        }
        tally.forEach((kind, t) -> System.out.printf(
                "Expression oracle, corpus %-13s %5d expressions (%d rejected by ddb-lint): agreement %.2f%%, "
                        + "%d documented exceptions (published limits, bare REMOVE), %d disagreements%n",
                kind, t[0], t[3], 100.0 * t[1] / t[0], t[2], t[0] - t[1] - t[2]));
        assertThat(all).hasSizeGreaterThanOrEqualTo(PER_KIND * ExpressionKind.values().length);
        assertThat(disagreements).isEmpty();
    }

    /** The parser and checks DDB-C010 will build on, against the oracle on the whole update grammar. */
    @Test
    void theUpdateGrammarAgreesWithTheOracle() {
        List<ExpressionCorpus.Case> cases = new ExpressionCorpus(6_122_026L).updateGrammar(PER_KIND);
        List<Map<String, Object>> requests = new ArrayList<>();
        cases.forEach(c -> requests.add(request(c)));
        List<String> answers = oracle.verdicts(requests);
        List<String> disagreements = new ArrayList<>();
        int rejected = 0;
        for (int i = 0; i < cases.size(); i++) {
            ExpressionCorpus.Case c = cases.get(i);
            boolean ours = !ExpressionChecks.check(ExpressionParser.parse(ExpressionKind.UPDATE, c.text())).isEmpty();
            rejected += ours ? 1 : 0;
            if (ours != (answers.get(i) != null) && disagreements.size() < 25) {
                disagreements.add("`" + abbreviated(c.text()) + "`: core " + (ours ? "rejects" : "accepts")
                        + ", oracle " + (answers.get(i) == null ? "accepts" : answers.get(i)));
            }
        }
        System.out.printf("Expression oracle, update grammar: %d expressions (%d rejected by the parser's checks), "
                + "%d disagreements%n", cases.size(), rejected, disagreements.size());
        assertThat(disagreements).isEmpty();
    }

    private static List<Finding> findings(List<Finding> findings, String path, int line) {
        return findings.stream().filter(f -> RULES.contains(f.ruleId()) && f.path().equals(path)
                && f.range().line() == line).toList();
    }

    /**
     * The requests a fixture call site can send: one per constant text of its expressions (a choice between constants
     * sends each), or empty when an expression or a map is not statically known.
     */
    private static Optional<List<Map<String, Object>>> requests(Request r) {
        Optional<KeySet> names = KeySet.allKnown(r.attributeNames());
        Optional<KeySet> values = KeySet.allKnown(r.attributeValues());
        if (names.isEmpty() || values.isEmpty()) {
            return Optional.empty();
        }
        List<Map<ExpressionKind, String>> variants = new ArrayList<>();
        variants.add(new EnumMap<>(ExpressionKind.class));
        for (Map.Entry<ExpressionKind, Value<SymbolicString>> e : r.expressions().byKind().entrySet()) {
            if (e.getValue() instanceof Value.Absent<SymbolicString>) {
                continue;
            }
            Optional<List<String>> texts = e.getValue().known().flatMap(ExpressionOracleTest::literals);
            if (texts.isEmpty()) {
                return Optional.empty();
            }
            List<Map<ExpressionKind, String>> next = new ArrayList<>();
            for (Map<ExpressionKind, String> v : variants) {
                for (String text : texts.get()) {
                    Map<ExpressionKind, String> copy = new EnumMap<>(ExpressionKind.class);
                    copy.putAll(v);
                    copy.put(e.getKey(), text);
                    next.add(copy);
                }
            }
            variants = next;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<ExpressionKind, String> v : variants) {
            out.add(request(v, names.get().keys(), values.get().keys(),
                    r.attributeValueContents().known().map(AttributeMap::entries).orElse(Map.of())));
        }
        return Optional.of(out);
    }


    private static Optional<List<String>> literals(SymbolicString s) {
        if (s instanceof SymbolicString.Literal l) {
            return Optional.of(List.of(l.value()));
        }
        if (s instanceof SymbolicString.Choice c) {
            List<String> all = new ArrayList<>();
            for (SymbolicString option : c.options()) {
                Optional<List<String>> o = literals(option);
                if (o.isEmpty()) {
                    return Optional.empty();
                }
                all.addAll(o.get());
            }
            return Optional.of(all);
        }
        return Optional.empty();
    }

    private static Map<String, Object> request(ExpressionCorpus.Case c) {
        Map<ExpressionKind, String> expression = new EnumMap<>(ExpressionKind.class);
        expression.put(c.kind(), c.text());
        return request(expression, c.names(), c.values(), Map.of());
    }

    /**
     * A request's expression parameters. Names map to distinct attribute names; values get the type their placeholder
     * name asks for ({@code :num} numbers, {@code :list} lists, {@code :sset} string sets, else the string "S", which
     * is also a valid attribute_type name), so no type check decides a corpus verdict. A value the code builds as a
     * constant is sent as the code builds it, its unknown parts filled with valid content of their type.
     */
    private static Map<String, Object> request(Map<ExpressionKind, String> expressions, Set<String> names,
                                               Set<String> values, Map<String, ConstantValue> constants) {
        Map<String, Object> r = new TreeMap<>();
        expressions.forEach((kind, text) -> r.put(kind.wireName(), text));
        if (!names.isEmpty()) {
            Map<String, Object> m = new TreeMap<>();
            names.forEach(k -> m.put(k, "attr_" + k.replaceAll("[^A-Za-z0-9_]", "")));
            r.put("ExpressionAttributeNames", m);
        }
        if (!values.isEmpty()) {
            Map<String, Object> m = new TreeMap<>();
            for (String k : values) {
                Object v = k.startsWith(":num") ? Map.of("N", "1") : k.startsWith(":list") ? Map.of("L", List.of())
                        : k.startsWith(":sset") ? Map.of("SS", List.of("a")) : Map.of("S", "S");
                ConstantValue constant = constants.get(k);
                m.put(k, constant == null || constant instanceof ConstantValue.Unknown ? v : wire(constant));
            }
            r.put("ExpressionAttributeValues", m);
        }
        return r;
    }

    /** A constant value as DynamoDB's JSON protocol carries it; parts not known get valid content of their type. */
    static Object wire(ConstantValue value) {
        if (value instanceof ConstantValue.Untyped u) {
            Map<String, Object> m = new TreeMap<>();
            u.types().forEach(t -> m.put(t.name(), sample(t)));
            return m;
        }
        ConstantValue.Type type = value.dataType().orElseThrow();
        Object content = sample(type);
        if (value instanceof ConstantValue.Scalar s && s.text() != null) {
            content = switch (type) {
                case B -> Base64.getEncoder().encodeToString(s.text().getBytes(StandardCharsets.UTF_8));
                case BOOL, NULL -> Boolean.parseBoolean(s.text());
                default -> s.text();
            };
        } else if (value instanceof ConstantValue.SetOf set && set.elements() != null) {
            content = type == ConstantValue.Type.BS ? set.elements().stream().map(e -> Base64.getEncoder()
                    .encodeToString(e.getBytes(StandardCharsets.UTF_8))).toList() : set.elements();
        } else if (value instanceof ConstantValue.ListOf l && l.elements() != null) {
            content = l.elements().stream().map(e -> e instanceof ConstantValue.Unknown ? Map.of("S", "S") : wire(e))
                    .toList();
        } else if (value instanceof ConstantValue.MapOf mo) {
            Map<String, Object> m = new TreeMap<>();
            mo.entries().entries().forEach((k, v) -> m.put(k, v instanceof ConstantValue.Unknown
                    ? Map.of("S", "S") : wire(v)));
            content = m;
        }
        return Map.of(type.name(), content);
    }

    private static Object sample(ConstantValue.Type type) {
        return switch (type) {
            case S -> "S";
            case N -> "1";
            case B -> "Qg==";
            case BOOL, NULL -> true;
            case SS -> List.of("a");
            case NS -> List.of("1");
            case BS -> List.of("Qg==");
            case L -> List.of();
            case M -> Map.of();
        };
    }

    /** One Java file per 250 cases, one call per line; {@code byLine} maps "path:line" to its case. */
    private static void writeSources(Path sources, List<ExpressionCorpus.Case> cases,
                                     Map<String, ExpressionCorpus.Case> byLine) throws IOException {
        Path dir = sources.resolve("corpus");
        Files.createDirectories(dir);
        int perFile = 250;
        for (int file = 0; file * perFile < cases.size(); file++) {
            String name = "Corpus" + file;
            List<String> lines = new ArrayList<>(List.of(
                    "package corpus;",
                    "",
                    "import java.util.Map;",
                    "import software.amazon.awssdk.services.dynamodb.DynamoDbClient;",
                    "import software.amazon.awssdk.services.dynamodb.model.AttributeValue;",
                    "",
                    "public class " + name + " {",
                    "    private DynamoDbClient client;",
                    "    private Map<String, AttributeValue> key;"));
            for (int i = file * perFile; i < Math.min(cases.size(), (file + 1) * perFile); i++) {
                ExpressionCorpus.Case c = cases.get(i);
                lines.add("    void c" + i + "() {");
                lines.add("        " + call(c));
                byLine.put("src/main/java/corpus/" + name + ".java:" + lines.size(), c);
                lines.add("    }");
            }
            lines.add("}");
            Files.write(dir.resolve(name + ".java"), lines, StandardCharsets.UTF_8);
        }
    }

    private static String call(ExpressionCorpus.Case c) {
        String text = javaString(c.text());
        String head = switch (c.kind()) {
            case FILTER -> "client.scan(b -> b.tableName(\"orders\").filterExpression(" + text + ")";
            case CONDITION -> "client.deleteItem(b -> b.tableName(\"orders\").key(key).conditionExpression(" + text
                    + ")";
            case KEY_CONDITION -> "client.query(b -> b.tableName(\"orders\").keyConditionExpression(" + text + ")";
            case PROJECTION -> "client.getItem(b -> b.tableName(\"orders\").key(key).projectionExpression(" + text
                    + ")";
            case UPDATE -> "client.updateItem(b -> b.tableName(\"orders\").key(key).updateExpression(" + text + ")";
        };
        StringBuilder b = new StringBuilder(head);
        if (!c.names().isEmpty()) {
            b.append(".expressionAttributeNames(Map.ofEntries(").append(c.names().stream().sorted()
                    .map(k -> "Map.entry(" + javaString(k) + ", \"attr\")").collect(Collectors.joining(", ")))
                    .append("))");
        }
        if (!c.values().isEmpty()) {
            b.append(".expressionAttributeValues(Map.ofEntries(").append(c.values().stream().sorted()
                    .map(k -> "Map.entry(" + javaString(k) + ", AttributeValue.fromS(\"S\"))")
                    .collect(Collectors.joining(", "))).append("))");
        }
        return b.append(");").toString();
    }

    private static String javaString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String abbreviated(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
