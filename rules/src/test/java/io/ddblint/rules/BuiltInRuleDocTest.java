package io.ddblint.rules;

import io.ddblint.core.rule.BuiltInRules;
import io.ddblint.core.rule.RuleDescriptor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Built-in findings (DDB-X001) are documented in core, for SARIF help, and published beside the rules' pages, where
 * their help link points: the two must not drift apart.
 */
class BuiltInRuleDocTest {

    @Test
    void publishedPageIsTheBuiltInDocumentation() throws IOException {
        for (RuleDescriptor d : BuiltInRules.all()) {
            try (InputStream in = ScanInProductionCode.class.getResourceAsStream("doc/" + d.id() + ".md")) {
                assertThat(in).as("doc page of %s", d.id()).isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(d.documentation());
            }
        }
    }
}
