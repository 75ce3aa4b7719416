package io.ddblint.rules;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.Finding;
import io.ddblint.core.SourceRoot;
import io.ddblint.core.expr.ExpressionChecks;
import io.ddblint.core.expr.ExpressionParser;
import io.ddblint.core.expr.ParsedExpression;
import io.ddblint.core.expr.KeyConditionChecks;
import io.ddblint.core.facts.ApiFlavor;
import io.ddblint.core.facts.AttributeMap;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ConstantValue;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.KeySet;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.facts.Request;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.facts.Value;
import io.ddblint.core.model.IndexDefinition;
import io.ddblint.core.model.KeyAttribute;
import io.ddblint.core.model.KeySchema;
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
 * request is rejected by ddb-lint when DDB-C004, C005, C006, C007, C010, C011 or C012 reports an ERROR on its call,
 * and by the oracle when it answers with a ValidationException text. Queries, Scans and UpdateItems run through
 * dynalite's own request checks against a table of the same key schema (the fixtures' tables; for a table no model
 * describes, the schema most favourable to the request). Every executable fixture case of these rules, a generated
 * corpus of every expression kind, and key conditions and updates with schemas and typed values must agree.
 *
 * <p>Documented exceptions, each where DynamoDB's published behaviour (RULES.md) and dynalite differ: the published
 * limits (4 KB, 300 operators, 32 levels, 100 IN operands), which dynalite does not enforce; a bare {@code REMOVE},
 * which RULES.md says DynamoDB rejects and dynalite takes; string BETWEEN bounds whose UTF-16 order differs from
 * their UTF-8 order ({@link TypedCorpus#UTF16}); a consistent Scan of a GSI, whose ConsistentRead dynalite drops
 * ({@link #SCAN_CONSISTENT_READ}).
 */
class ExpressionOracleTest {

    private static final Set<String> RULES = Set.of("DDB-C004", "DDB-C005", "DDB-C006", "DDB-C007", "DDB-C010",
            "DDB-C011", "DDB-C012");
    /**
     * The oracle's objections to a request against the key schema. The facts do not hold the attributes behind
     * {@code #names}; the harness maps each to a made-up attribute, so such an objection to a request with names says
     * nothing about the code (ddb-lint stays silent where a name's attribute decides). Not judged.
     */
    private static final Pattern SCHEMA = Pattern.compile("missed key schema element|Query key condition not supported"
            + "|non-primary key attributes|This attribute is part of the key|does not match schema type");
    /**
     * The tables the fixtures define (model/OrdersSchema, Order, OrderV1; "c006-sessions"; "c007-devices"), as the
     * oracle creates them: the same key schema as ddb-lint's model.
     */
    private static final Map<String, Map<String, Object>> FIXTURE_TABLES = Map.of(
            "orders", createTable("orders", keys("customerId", "S", "orderId", "S"), List.of(new IndexDefinition(
                    "byStore", IndexDefinition.Kind.GLOBAL, keys("storeId", "S", "createdAt", "S")))),
            "c006-sessions", createTable("c006-sessions", keys("sessionId", "S", null, null), List.of()),
            "c007-devices", createTable("c007-devices", keys("deviceId", "S", "ts", "N"), List.of(new IndexDefinition(
                    "byKind", IndexDefinition.Kind.LOCAL, keys("deviceId", "S", "kind", "S")))));
    /** The oracle's objections that belong to rules outside this test: DDB-M004 (an index the table lacks). */
    private static final Pattern OTHER_RULES = Pattern.compile("The table does not have the specified index");
    /**
     * Documented exception SCAN_CONSISTENT_READ: dynalite's Scan validation declares no ConsistentRead parameter and
     * drops it, so it never rejects a consistent Scan of a GSI; DynamoDB does ("Consistent read cannot be true when
     * scanning a GSI", RULES.md DDB-C007). A DDB-C007 finding on a Scan the oracle accepts is this exception.
     */
    private static final String SCAN_CONSISTENT_READ = "dynalite drops ConsistentRead from Scan requests";
    /** Index names the fixtures define as local secondary indexes (DDB-C007 takes these as LSIs on any table). */
    private static final Set<String> FIXTURE_LSIS = Set.of("byKind");
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
                .filter(s -> s.path().matches(".*/fixtures/c0(04|05|06|07|10|11|12)/.*"))
                .toList();
        List<String> disagreements = new ArrayList<>();
        int executed = 0;
        int typed = 0;
        int names = 0;
        int exceptions = 0;
        int invalidValues = 0;
        int legacy = 0;
        int others = 0;
        List<String> documented = new ArrayList<>();
        for (CallSite site : sites) {
            Optional<List<Map<String, Object>>> requests = requests(site.request());
            if (requests.isEmpty()) {
                // Not statically known: nothing to send, and no rule judges it either.
                continue;
            }
            if (!sendable(site)) {
                // The request carries what the facts do not hold: the legacy KeyConditions, or the key conditions
                // that the mapper and the enhanced client build themselves. Not executable.
                legacy++;
                continue;
            }
            executed++;
            List<Map<String, Object>> sent = requests.get().stream().map(r -> withAction(site, r)).toList();
            List<String> answers = oracle.verdicts(sent);
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
            if (!reported && rejected.isPresent() && SCHEMA.matcher(rejected.get()).find()
                    && site.request().attributeNames().known().filter(k -> !k.keys().isEmpty()).isPresent()) {
                names++;
                continue;
            }
            if (reported && rejected.isEmpty() && findings.stream().allMatch(f -> DOCUMENTED.matcher(f.message())
                    .find())) {
                exceptions++;
                continue;
            }
            if (reported && rejected.isEmpty() && site.operation() == Operation.SCAN
                    && findings.stream().allMatch(f -> f.ruleId().equals("DDB-C007"))) {
                documented.add(site.path() + ":" + site.range().line() + ": " + SCAN_CONSISTENT_READ);
                exceptions++;
                continue;
            }
            boolean stringOrder = (reported ? findings.get(0).message() : rejected.orElse("")).contains(
                    "upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {S:");
            if (reported != rejected.isPresent() && stringOrder) {
                documented.add(site.path() + ":" + site.range().line() + ": " + TypedCorpus.UTF16);
                exceptions++;
                continue;
            }
            if (!reported && rejected.isPresent() && OTHER_RULES.matcher(rejected.get()).find()) {
                others++;
                continue;
            }
            if (reported != rejected.isPresent()) {
                disagreements.add(site.path() + ":" + site.range().line() + " ddb-lint "
                        + (reported ? "rejects" : "accepts") + ", oracle " + rejected.orElse("accepts"));
            }
        }
        System.out.printf("Expression oracle, fixtures: %d of %d call sites executed, %d agree, %d documented "
                        + "exceptions, %d not judged (value types), %d not judged (names' attributes), %d judged by "
                        + "other rules (DDB-M004), %d not executable (key conditions the facts do not hold)%n",
                executed, sites.size(), executed - disagreements.size() - exceptions - typed - names - others,
                exceptions, typed, names, others, legacy);
        documented.forEach(d -> System.out.println("  documented exception " + d));
        System.out.printf("Expression oracle, fixtures: %d constant AttributeValues rejected by both%n", invalidValues);
        assertThat(executed).isGreaterThan(80);
        assertThat(invalidValues).as("constant values the oracle and DDB-C005 both reject").isGreaterThanOrEqualTo(10);
        assertThat(disagreements).isEmpty();
    }

    /**
     * Whether the facts hold what the request sends: a Query without a KeyConditionExpression is only sent for the
     * low-level v2 client without the legacy KeyConditions (the others build key conditions the facts do not see).
     */
    private static boolean sendable(CallSite site) {
        if (site.operation() != Operation.QUERY || site.request().has(ExpressionKind.KEY_CONDITION)) {
            return true;
        }
        return (site.flavor() == ApiFlavor.V2_CLIENT || site.flavor() == ApiFlavor.V2_ASYNC_CLIENT)
                && !site.code().contains("keyConditions(");
    }

    /**
     * A fixture request as its operation sends it, against the table it names: the fixtures' own tables with their
     * key schemas; for a table no fixture defines, a table on which the request's own key condition is the key (the
     * schema most favourable to the request, since no model says otherwise), its index a GSI unless the fixtures
     * define an LSI of that name. Other operations send the expression parameters alone.
     */
    private static Map<String, Object> withAction(CallSite site, Map<String, Object> request) {
        String action = switch (site.operation()) {
            case QUERY -> "Query";
            case SCAN -> "Scan";
            case UPDATE_ITEM -> "UpdateItem";
            default -> null;
        };
        if (action == null) {
            return request;
        }
        Map<String, Object> r = new TreeMap<>(request);
        String table = literal(site.request().tableName()).orElse("unnamed");
        Optional<String> index = literal(site.request().indexName());
        index.ifPresent(i -> r.put("IndexName", i));
        if (site.request().consistentRead().is(true)) {
            r.put("ConsistentRead", true);
        }
        Map<String, Object> spec = FIXTURE_TABLES.get(table);
        if (spec == null) {
            KeySchema keys = favourableKeys(r);
            List<IndexDefinition> indexes = index.map(i -> FIXTURE_LSIS.contains(i)
                    ? new IndexDefinition(i, IndexDefinition.Kind.LOCAL, keys(keys.partitionKey().name(), "S",
                    "lsiSort", "S"))
                    : new IndexDefinition(i, IndexDefinition.Kind.GLOBAL, keys)).stream().toList();
            KeySchema tableKeys = indexes.isEmpty() || indexes.get(0).isGlobal() ? keys
                    : keys(keys.partitionKey().name(), "S", "tableSort", "S");
            spec = createTable(table, tableKeys, indexes);
        }
        if (action.equals("UpdateItem")) {
            Map<String, Object> key = new TreeMap<>();
            for (Object k : (List<?>) spec.get("KeySchema")) {
                String name = (String) ((Map<?, ?>) k).get("AttributeName");
                key.put(name, Map.of(attributeType(spec, name), attributeType(spec, name).equals("N") ? "1" : "k"));
            }
            r.put("Key", key);
        }
        return Map.of("Action", action, "Table", spec, "Request", r);
    }

    private static String attributeType(Map<String, Object> spec, String attribute) {
        for (Object d : (List<?>) spec.get("AttributeDefinitions")) {
            if (attribute.equals(((Map<?, ?>) d).get("AttributeName"))) {
                return (String) ((Map<?, ?>) d).get("AttributeType");
            }
        }
        return "S";
    }

    /**
     * Keys on which the request's key condition reads as a valid key lookup, where it can: the attribute of its first
     * equality as the partition key (else of its first condition), the other condition's attribute as the sort key.
     */
    @SuppressWarnings("unchecked")
    private static KeySchema favourableKeys(Map<String, Object> request) {
        Object text = request.get("KeyConditionExpression");
        Map<String, String> names = (Map<String, String>) request.getOrDefault("ExpressionAttributeNames",
                Map.of());
        Map<String, Object> values = (Map<String, Object>) request.getOrDefault("ExpressionAttributeValues",
                Map.of());
        List<KeyConditionChecks.Condition> conditions = text == null ? List.of() : KeyConditionChecks.check(
                ExpressionParser.parse(ExpressionKind.KEY_CONDITION, (String) text), names, Map.of()).conditions();
        if (conditions.isEmpty()) {
            return keys("pk_key", "S", null, null);
        }
        KeyConditionChecks.Condition hash = conditions.stream().filter(c -> c.operator().equals("=")).findFirst()
                .orElse(conditions.get(0));
        KeyConditionChecks.Condition range = conditions.stream().filter(c -> c != hash).findFirst().orElse(null);
        return keys(hash.attribute(), valueType(hash, values), range == null ? null : range.attribute(),
                range == null ? null : valueType(range, values));
    }

    /** The type of the value a condition compares its key with, as the harness sends it. */
    private static String valueType(KeyConditionChecks.Condition c, Map<String, Object> values) {
        for (io.ddblint.core.expr.Node v : c.values()) {
            if (v instanceof io.ddblint.core.expr.Node.Value val && values.get(val.name()) instanceof Map<?, ?> m
                    && m.containsKey("N")) {
                return "N";
            }
        }
        return "S";
    }

    private static KeySchema keys(String hash, String hashType, String range, String rangeType) {
        return new KeySchema(new KeyAttribute(hash, hashType), range == null ? null : new KeyAttribute(range,
                rangeType));
    }

    private static Optional<String> literal(Value<SymbolicString> v) {
        return v.known().filter(s -> s instanceof SymbolicString.Literal).map(s -> ((SymbolicString.Literal) s)
                .value());
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
        byLine.values().forEach(c -> requests.add(corpusRequest(c)));
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

    /**
     * DDB-C006's and DDB-C010's checks with a key schema and typed constant values (what the facts do not carry yet),
     * against the oracle running the same requests on a table of that schema: key conditions of every shape, BETWEEN
     * with numbers and non-ASCII strings in both orders, value types, updates of key attributes, operand types.
     */
    @Test
    void keyConditionsAndUpdatesWithSchemasAndValuesAgreeWithTheOracle() {
        TypedCorpus corpus = new TypedCorpus(7_122_026L);
        List<TypedCorpus.Case> cases = new ArrayList<>(corpus.keyConditions(PER_KIND));
        cases.addAll(corpus.updates(PER_KIND / 2));
        List<Map<String, Object>> requests = new ArrayList<>();
        for (TypedCorpus.Case c : cases) {
            requests.add(typedRequest(c));
        }
        List<String> answers = oracle.verdicts(requests);
        Map<ExpressionKind, int[]> tally = new EnumMap<>(ExpressionKind.class);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            TypedCorpus.Case c = cases.get(i);
            ParsedExpression parsed = ExpressionParser.parse(c.kind(), c.text());
            Optional<KeySchema> keys = Optional.of(TypedCorpus.TABLES.get(c.table()));
            Optional<ExpressionChecks.Problem> problem = c.kind() == ExpressionKind.KEY_CONDITION
                    ? InvalidKeyCondition.problem(parsed, c.names(), c.values(), keys)
                    : InvalidUpdateExpression.problem(parsed, c.names(), c.values(), keys);
            boolean ours = problem.isPresent();
            String answer = answers.get(i);
            int[] t = tally.computeIfAbsent(c.kind(), k -> new int[4]);
            t[0]++;
            t[3] += ours ? 1 : 0;
            if (ours == (answer != null)) {
                t[1]++;
            } else if (c.exception() != null) {
                t[2]++;
            } else if (disagreements.size() < 25) {
                disagreements.add(c.kind() + " `" + c.text() + "` on " + c.table() + " values " + c.values()
                        + ": ddb-lint " + problem.map(ExpressionChecks.Problem::message).orElse("accepts")
                        + ", oracle " + (answer == null ? "accepts" : answer));
            }
        }
        tally.forEach((kind, t) -> System.out.printf(
                "Expression oracle, %-13s with schemas and values: %5d requests (%d rejected by ddb-lint): "
                        + "agreement %.2f%%, %d documented exceptions (UTF-16 vs UTF-8 string order), "
                        + "%d disagreements%n", kind, t[0], t[3], 100.0 * t[1] / t[0], t[2], t[0] - t[1] - t[2]));
        assertThat(disagreements).isEmpty();
    }

    private static Map<String, Object> typedRequest(TypedCorpus.Case c) {
        KeySchema keys = TypedCorpus.TABLES.get(c.table());
        Map<String, Object> request = new TreeMap<>();
        request.put(c.kind().wireName(), c.text());
        if (!c.names().isEmpty()) {
            request.put("ExpressionAttributeNames", new TreeMap<>(c.names()));
        }
        Map<String, Object> values = new TreeMap<>();
        c.values().forEach((k, v) -> values.put(k, json(v)));
        if (!values.isEmpty()) {
            request.put("ExpressionAttributeValues", values);
        }
        String action = "Query";
        if (c.kind() == ExpressionKind.UPDATE) {
            action = "UpdateItem";
            Map<String, Object> key = new TreeMap<>();
            keys.attributes().forEach(a -> key.put(a.name(), a.type().equals("N") ? Map.of("N", "1")
                    : Map.of("S", "k")));
            request.put("Key", key);
        }
        return Map.of("Action", action, "Table", createTable(c.table(), keys, List.of()), "Request", request);
    }

    /** A value as the wire carries it. */
    private static Map<String, Object> json(io.ddblint.core.expr.ConstantValue v) {
        return switch (v.type()) {
            case "S", "N", "B" -> Map.of(v.type(), v.text());
            case "BOOL" -> Map.of("BOOL", true);
            case "NULL" -> Map.of("NULL", true);
            case "SS" -> Map.of("SS", List.of("a"));
            case "NS" -> Map.of("NS", List.of("1"));
            case "L" -> Map.of("L", List.of());
            default -> Map.of("M", Map.of());
        };
    }

    /**
     * CreateTable parameters for a table of this key schema, with secondary indexes (name, GLOBAL or LOCAL, keys).
     */
    static Map<String, Object> createTable(String name, KeySchema keys, List<IndexDefinition> indexes) {
        Map<String, String> types = new TreeMap<>();
        keys.attributes().forEach(a -> types.put(a.name(), a.type() == null ? "S" : a.type()));
        indexes.forEach(i -> i.keys().attributes().forEach(a -> types.put(a.name(), a.type() == null ? "S"
                : a.type())));
        Map<String, Object> table = new TreeMap<>();
        table.put("TableName", name);
        table.put("BillingMode", "PAY_PER_REQUEST");
        table.put("AttributeDefinitions", types.entrySet().stream()
                .map(e -> Map.of("AttributeName", e.getKey(), "AttributeType", e.getValue())).toList());
        table.put("KeySchema", keySchema(keys));
        List<Map<String, Object>> global = new ArrayList<>();
        List<Map<String, Object>> local = new ArrayList<>();
        for (IndexDefinition i : indexes) {
            Map<String, Object> index = Map.of("IndexName", i.name(), "KeySchema", keySchema(i.keys()),
                    "Projection", Map.of("ProjectionType", "ALL"));
            (i.isGlobal() ? global : local).add(index);
        }
        if (!global.isEmpty()) {
            table.put("GlobalSecondaryIndexes", global);
        }
        if (!local.isEmpty()) {
            table.put("LocalSecondaryIndexes", local);
        }
        return table;
    }

    private static List<Map<String, String>> keySchema(KeySchema keys) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(Map.of("AttributeName", keys.partitionKey().name(), "KeyType", "HASH"));
        if (keys.hasSortKey()) {
            out.add(Map.of("AttributeName", keys.sortKey().name(), "KeyType", "RANGE"));
        }
        return out;
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
        // A key that one constant text uses and another does not was put under the same `if` that chose the text
        // (DDB-C005 judges it so): each text is sent with the keys it uses, and with the keys no text uses.
        List<Map<ExpressionKind, String>> all = variants;
        List<Set<String>> used = new ArrayList<>();
        Set<String> usedByAny = new java.util.HashSet<>();
        for (Map<ExpressionKind, String> v : variants) {
            Set<String> u = new java.util.HashSet<>();
            v.forEach((kind, text) -> {
                ParsedExpression p = ExpressionParser.parse(kind, text);
                p.namePlaceholders().forEach(n -> u.add(n.text()));
                p.values().forEach(x -> u.add(x.name()));
            });
            used.add(u);
            usedByAny.addAll(u);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Set<String> u = used.get(i);
            java.util.function.Predicate<String> sent = k -> u.contains(k) || !usedByAny.contains(k)
                    || all.size() == 1;
            out.add(request(all.get(i),
                    names.get().keys().stream().filter(sent).collect(Collectors.toSet()),
                    values.get().keys().stream().filter(sent).collect(Collectors.toSet()),
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

    /**
     * A corpus case as its call sends it: key conditions as a Query and updates as an UpdateItem on a table no model
     * describes, keyed the way most favourable to the request (see {@link #favourableKeys}); the other kinds as their
     * expression parameters alone.
     */
    private static Map<String, Object> corpusRequest(ExpressionCorpus.Case c) {
        Map<String, Object> r = request(c);
        if (c.kind() != ExpressionKind.KEY_CONDITION && c.kind() != ExpressionKind.UPDATE) {
            return r;
        }
        Map<String, Object> request = new TreeMap<>(r);
        KeySchema keys = favourableKeys(request);
        if (c.kind() == ExpressionKind.UPDATE) {
            request.put("Key", Map.of(keys.partitionKey().name(), Map.of("S", "k")));
        }
        return Map.of("Action", c.kind() == ExpressionKind.UPDATE ? "UpdateItem" : "Query",
                "Table", createTable("corpus", keys, List.of()), "Request", request);
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
                    .map(k -> "Map.entry(" + javaString(k) + ", " + javaValue(k) + ")")
                    .collect(Collectors.joining(", "))).append("))");
        }
        return b.append(");").toString();
    }

    /** The value the harness sends for a placeholder (see {@link #request}), as the generated code builds it. */
    private static String javaValue(String placeholder) {
        return placeholder.startsWith(":num") ? "AttributeValue.fromN(\"1\")"
                : placeholder.startsWith(":list") ? "AttributeValue.fromL(java.util.List.of())"
                : placeholder.startsWith(":sset") ? "AttributeValue.fromSs(java.util.List.of(\"a\"))"
                : "AttributeValue.fromS(\"S\")";
    }

    private static String javaString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String abbreviated(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
