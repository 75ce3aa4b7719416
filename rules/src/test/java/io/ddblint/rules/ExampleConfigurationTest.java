package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.config.Configuration;
import io.ddblint.core.config.ConfigurationLoader;
import io.ddblint.core.rule.RuleRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The example configuration shipped at the repository root stays valid against the real rules. */
class ExampleConfigurationTest {

    @Test
    void exampleFileLoads() {
        Path example = Path.of(System.getProperty("ddblint.fixtures", "../test-fixtures"))
                .resolveSibling("ddb-lint.example.yml");
        RuleRegistry registry = RuleRegistry.loadDefault();

        Configuration config = ConfigurationLoader.load(example, registry);

        assertThat(config.severityOf(registry.find("DDB-P001").orElseThrow().descriptor())).isEqualTo(Severity.ERROR);
        assertThat(config.nonProductionPaths()).contains("**/migration/**");
        assertThat(config.tables()).extracting(t -> t.name()).containsExactly("orders");
        assertThat(config.docBaseUrl()).isEqualTo("https://docs.example.com/ddb-lint/rules");
    }
}
