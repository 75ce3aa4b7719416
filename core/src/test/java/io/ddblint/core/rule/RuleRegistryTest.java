package io.ddblint.core.rule;

import io.ddblint.core.testing.TestRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleRegistryTest {

    @Test
    void aRuleInASubpackageFindsItsDocPageInAnEnclosingPackage() {
        // TestRules.Throws is in io.ddblint.core.testing; its page is io/ddblint/core/doc/DDB-A001.md.
        assertThat(RuleRegistry.describe(TestRules.Throws.class).documentation()).startsWith("# DDB-A001 Throws\n");
    }

    @Test
    void aRuleWithoutADocPageHasAnEmptyOne() {
        assertThat(RuleRegistry.describe(TestRules.Scans.class).documentation()).isEmpty();
    }
}
