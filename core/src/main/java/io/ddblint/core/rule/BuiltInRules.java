package io.ddblint.core.rule;

import io.ddblint.core.Severity;

import java.util.List;

/**
 * Findings the engine itself reports, about ddb-lint's own input rather than about DynamoDB usage. They have ids and
 * descriptors like rules, so configuration, reports and SARIF treat them the same way, but no rule class: they come
 * out of the filter step, not out of the model.
 */
public final class BuiltInRules {

    /**
     * A suppression that matched no finding: dead suppressions hide future findings, so they get cleaned up. Its doc
     * page is the one published beside the rules' pages (rules/src/main/resources/io/ddblint/rules/doc), packaged
     * into core by core's pom so that reports have it without the rules module.
     */
    public static final RuleDescriptor UNUSED_SUPPRESSION = builtIn("DDB-X001", "UnusedSuppression",
            "A ddb-lint suppression that matches no finding", Severity.INFO, Category.MAINTENANCE,
            List.of("suppression"));

    private BuiltInRules() {
    }

    public static List<RuleDescriptor> all() {
        return List.of(UNUSED_SUPPRESSION);
    }

    private static RuleDescriptor builtIn(String id, String name, String summary, Severity severity,
                                          Category category, List<String> tags) {
        return new RuleDescriptor(id, name, summary, severity, category, tags, true,
                RuleRegistry.readDoc(BuiltInRules.class, id));
    }
}
