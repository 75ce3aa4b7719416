package io.ddblint.core.rule;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Core reports built-in findings without the rules module, so core must carry their one doc page itself. */
class BuiltInRulesTest {

    @Test
    void theDocPageIsPackagedIntoCore() {
        for (RuleDescriptor d : BuiltInRules.all()) {
            assertThat(d.documentation()).as("doc page of %s", d.id()).startsWith("# " + d.id() + " " + d.name())
                    .contains("\n## Why\n");
            assertThat(d.fullDescription()).isNotEqualTo(d.summary());
        }
    }
}
