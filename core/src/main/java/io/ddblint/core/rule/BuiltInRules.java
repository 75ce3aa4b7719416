package io.ddblint.core.rule;

import io.ddblint.core.Severity;

import java.util.List;

/**
 * Findings the engine itself reports, about ddb-lint's own input rather than about DynamoDB usage. They have ids and
 * descriptors like rules, so configuration, reports and SARIF treat them the same way, but no rule class: they come
 * out of the filter step, not out of the model.
 */
public final class BuiltInRules {

    /** A suppression that matched no finding: dead suppressions hide future findings, so they get cleaned up. */
    public static final RuleDescriptor UNUSED_SUPPRESSION = new RuleDescriptor("DDB-X001", "UnusedSuppression",
            "A ddb-lint suppression that matches no finding", Severity.INFO, Category.MAINTENANCE,
            List.of("suppression"), true, """
            # DDB-X001 UnusedSuppression

            A `@SuppressWarnings("ddb-lint:...")` or `// ddb-lint:ignore ...` that suppresses nothing.

            ## Why

            A suppression that matches no finding is dead: the code it excused has changed or moved. Left in place it
            silently hides the next finding on that line or in that declaration, so remove it.

            ## When to suppress

            Disable the rule in `ddb-lint.yml` (`rules: {DDB-X001: {enabled: false}}`) while migrating.
            """);

    private BuiltInRules() {
    }

    public static List<RuleDescriptor> all() {
        return List.of(UNUSED_SUPPRESSION);
    }
}
