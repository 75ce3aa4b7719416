package io.ddblint.core.config;

import io.ddblint.core.Severity;
import io.ddblint.core.rule.Limits;
import io.ddblint.core.rule.RuleDescriptor;
import io.ddblint.core.source.FileBudget;
import io.ddblint.core.testing.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading {@code ddb-lint.yml}: every section, and errors that name file, line and key. */
class ConfigurationLoaderTest {

    private static final List<RuleDescriptor> RULES = TestRules.registry().descriptors();

    private static Configuration parse(String yaml) {
        return ConfigurationLoader.parse("ddb-lint.yml", yaml, RULES);
    }

    @Test
    void readsEverySection() {
        Configuration c = parse("""
                # a comment
                rules:
                  DDB-P001:
                    severity: error
                  StronglyConsistentRead:
                    enabled: true
                  DDB-X001: {enabled: false}
                nonProductionPaths:
                  - "**/migration/**"
                  - "**/admin/**"
                limits:
                  batchWriteItems: 10
                tables:
                  - name: orders
                    partitionKey: pk
                    sortKey: sk
                    attributes: {pk: S, sk: S, customerId: S, total: N}
                    globalSecondaryIndexes:
                      - name: byCustomer
                        partitionKey: customerId
                        sortKey: sk
                    localSecondaryIndexes:
                      - {name: byTotal, partitionKey: pk, sortKey: total}
                  - name: sessions
                    partitionKey: id
                """);

        assertThat(c.rules()).isEqualTo(Map.of(
                "DDB-P001", new RuleSetting(null, Severity.ERROR),
                "DDB-P007", new RuleSetting(true, null),
                "DDB-X001", new RuleSetting(false, null)));
        assertThat(c.nonProductionPaths()).containsExactly("**/migration/**", "**/admin/**");
        assertThat(c.limits()).isEqualTo(new Limits(10, 100, 100));
        assertThat(c.tables()).containsExactly(
                new DeclaredTable("orders", "pk", "sk", Map.of("pk", "S", "sk", "S", "customerId", "S", "total", "N"),
                        List.of(new DeclaredIndex("byCustomer", "customerId", "sk")),
                        List.of(new DeclaredIndex("byTotal", "pk", "total"))),
                new DeclaredTable("sessions", "id", null, Map.of(), List.of(), List.of()));
    }

    @Test
    void rulesByNameAreStoredByIdAndOverrideTheDefaults() {
        Configuration c = parse("""
                rules:
                  ScanInProductionCode: {enabled: false}
                  StronglyConsistentRead: {enabled: true, severity: WARNING}
                """);
        RuleDescriptor scan = RULES.get(0);
        RuleDescriptor consistent = RULES.get(1);

        assertThat(c.isEnabled(scan)).isFalse();
        assertThat(c.isEnabled(consistent)).isTrue();
        assertThat(c.severityOf(consistent)).isEqualTo(Severity.WARNING);
        assertThat(c.severityOf(scan)).isEqualTo(Severity.WARNING);
        assertThat(Configuration.DEFAULTS.isEnabled(consistent)).isFalse();
    }

    @Test
    void theFileBudgetIsTheUsersToSet() {
        Configuration c = parse("analysis:\n  maxFileSize: 2MB\n  maxNesting: 150\n  fileTimeout: 10s\n");
        assertThat(c.fileBudget()).isEqualTo(new FileBudget(2L * 1024 * 1024, 150, java.time.Duration.ofSeconds(10)));
        assertThat(parse("analysis:\n  maxFileSize: 512kb\n  fileTimeout: 3\n").fileBudget())
                .isEqualTo(new FileBudget(512L * 1024, FileBudget.DEFAULTS.maxNesting(), java.time.Duration.ofSeconds(3)));
        assertThat(parse("analysis:\n  maxFileSize: 4096\n").fileBudget().maxFileBytes()).isEqualTo(4096);
        assertThat(parse("analysis:\n").fileBudget()).isEqualTo(FileBudget.DEFAULTS);
    }

    @Test
    void anEmptyFileIsTheDefaults() {
        assertThat(parse("")).isEqualTo(Configuration.DEFAULTS);
        assertThat(parse("# nothing configured yet\n")).isEqualTo(Configuration.DEFAULTS);
        assertThat(parse("rules:\nnonProductionPaths:\nlimits:\ntables:\n")).isEqualTo(Configuration.DEFAULTS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            rules:\\n  DDB-P001:\\n    serverity: ERROR | ddb-lint.yml:3: unknown key 'serverity' in rules.DDB-P001 (did you mean 'severity'?)
            rule:\\n  DDB-P001: {enabled: false} | ddb-lint.yml:1: unknown key 'rule' at the top level (did you mean 'rules'?)
            rules:\\n  DDB-P01: {enabled: false} | ddb-lint.yml:2: unknown rule 'DDB-P01' in rules (did you mean 'DDB-P001'?)
            rules:\\n  ScanInProductonCode: {enabled: false} | ddb-lint.yml:2: unknown rule 'ScanInProductonCode' in rules (did you mean 'ScanInProductionCode'?)
            rules:\\n  DDB-P001: {severity: fatal} | ddb-lint.yml:2: bad severity 'fatal' for rules.DDB-P001.severity; valid severities: ERROR, WARNING, INFO
            rules:\\n  DDB-P001: {enabled: maybe} | ddb-lint.yml:2: rules.DDB-P001.enabled must be true or false, not 'maybe'
            rules:\\n  DDB-P001: {enabled: false}\\n  ScanInProductionCode: {enabled: true} | ddb-lint.yml:3: rule DDB-P001 is configured twice in rules
            limits:\\n  batchWriteItem: 10 | ddb-lint.yml:2: unknown key 'batchWriteItem' in limits (did you mean 'batchWriteItems'?)
            limits:\\n  batchWriteItems: 0 | ddb-lint.yml:2: limits.batchWriteItems must be a positive whole number, not '0'
            nonProductionPaths: "**/migration/**" | ddb-lint.yml:1: nonProductionPaths must be a list
            tables:\\n  - name: orders | ddb-lint.yml:2: missing key 'partitionKey' in tables[0]
            tables:\\n  - {name: t, partitionKey: pk, attributes: {pk: String}} | ddb-lint.yml:2: bad attribute type 'String' for tables[0].attributes.pk; valid types: S, N, B
            tables:\\n  - name: t\\n    partitionKey: pk\\n    globalSecondaryIndexes:\\n      - {name: g, partitionkey: x} | ddb-lint.yml:5: unknown key 'partitionkey' in tables[0].globalSecondaryIndexes[0] (did you mean 'partitionKey'?)
            tables:\\n  - {name: t, partitionKey: pk}\\n  - {name: t, partitionKey: id} | ddb-lint.yml:3: table 't' is declared twice in tables
            tables:\\n  - {name: t, partitionKey: pk, attributes: {pk: S, sk: S}, localSecondaryIndexes: [{name: l, partitionKey: id, sortKey: sk}]} | ddb-lint.yml:2: local secondary index 'l' of tables[0] must use the table's partition key 'pk', not 'id'
            tables:\\n  - {name: t, partitionKey: pk, sortKey: sk, attributes: {pk: S, kk: S}} | ddb-lint.yml:2: key attribute 'sk' of tables[0] has no type in tables[0].attributes
            tables:\\n  - {name: t, partitionKey: pk, globalSecondaryIndexes: [{name: g, partitionKey: a}, {name: g, partitionKey: b}]} | ddb-lint.yml:2: index 'g' is declared twice in tables[0]
            rules:\\n  DDB-P001: {enabled: true}\\nrules: {} | ddb-lint.yml:3: duplicate key 'rules' at the top level
            rules: [DDB-P001] | ddb-lint.yml:1: rules must be a mapping of keys to values
            rules: {}\\ndocBaseUrl: docs/rules | ddb-lint.yml:2: docBaseUrl must be an absolute http or https URL without query or fragment, not 'docs/rules'
            docBaseUrl: ftp://docs.example.com/rules | ddb-lint.yml:1: docBaseUrl must be an absolute http or https URL without query or fragment, not 'ftp://docs.example.com/rules'
            docBaseUrl: https://docs.example.com/rules?page= | ddb-lint.yml:1: docBaseUrl must be an absolute http or https URL without query or fragment, not 'https://docs.example.com/rules?page='
            docBaseUrl: https://docs.example.com/a b | ddb-lint.yml:1: docBaseUrl must be an absolute http or https URL without query or fragment (Illegal character in path), not 'https://docs.example.com/a b'
            docBaseUrl: [https://docs.example.com] | ddb-lint.yml:1: docBaseUrl must be a non-empty single value
            analysis:\\n  maxFileSize: 2GB | ddb-lint.yml:2: analysis.maxFileSize must be a positive size such as 2MB, 512KB or a number of bytes, not '2GB'
            analysis:\\n  maxFileSize: 0 | ddb-lint.yml:2: analysis.maxFileSize must be a positive size such as 2MB, 512KB or a number of bytes, not '0'
            analysis:\\n  maxNesting: -1 | ddb-lint.yml:2: analysis.maxNesting must be a positive whole number, not '-1'
            analysis:\\n  fileTimeout: 5m | ddb-lint.yml:2: analysis.fileTimeout must be a positive number of seconds such as 10s, not '5m'
            analysis:\\n  timeout: 5s | ddb-lint.yml:2: unknown key 'timeout' in analysis
            docBaseUrl: '' | ddb-lint.yml:1: docBaseUrl must be a non-empty single value
            """)
    void errorsNameTheLineAndTheKey(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(message);
    }

    @Test
    void readsTheDocumentationBaseUrl() {
        RuleDescriptor scan = RULES.stream().filter(d -> d.id().equals("DDB-P001")).findFirst().orElseThrow();

        Configuration c = parse("docBaseUrl: https://docs.example.com/ddb-lint/rules\n");

        assertThat(c.docBaseUrl()).isEqualTo("https://docs.example.com/ddb-lint/rules");
        assertThat(c.helpUri(scan)).isEqualTo("https://docs.example.com/ddb-lint/rules/DDB-P001");
        assertThat(parse("docBaseUrl: HTTP://intranet/ddb-lint/\n").helpUri(scan))
                .isEqualTo("HTTP://intranet/ddb-lint/DDB-P001");
        assertThat(Configuration.DEFAULTS.helpUri(scan)).isNull();
        assertThat(parse("docBaseUrl:\n").docBaseUrl()).isNull();
    }

    @Test
    void aFrontEndsDocumentationBaseUrlReplacesTheFilesOne() {
        Configuration c = parse("docBaseUrl: https://from.file/rules\n").withDocBaseUrl("https://from.option/");

        assertThat(c.docBaseUrl()).isEqualTo("https://from.option/");
        assertThatThrownBy(() -> c.withDocBaseUrl("file:///tmp/rules"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'file:///tmp/rules'");
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThatThrownBy(() -> parse("rules:\n  DDB-P001: {enabled: false\nlimits: 3\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("ddb-lint.yml:3: malformed YAML: ");
    }

    @Test
    void aMissingFileIsAConfigurationError(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("ddb-lint.yml");
        assertThatThrownBy(() -> ConfigurationLoader.load(file, TestRules.registry()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(file + ": cannot read configuration file");

        Files.writeString(file, "limits:\n  transactionItems: 25\n");
        assertThat(ConfigurationLoader.load(file, TestRules.registry()).limits().transactionItems()).isEqualTo(25);
    }

    @Test
    void suggestionsNeedACloseMatch() {
        assertThat(Suggestions.didYouMean("serverity", List.of("enabled", "severity"))).contains("'severity'");
        assertThat(Suggestions.didYouMean("colour", List.of("enabled", "severity"))).isEmpty();
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }
}
