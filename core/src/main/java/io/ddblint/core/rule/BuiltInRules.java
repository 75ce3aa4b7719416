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

            **Severity:** INFO · **Category:** maintenance · **Tags:** suppression

            A `@SuppressWarnings("ddb-lint:...")` or `// ddb-lint:ignore ...` that suppresses no finding.

            ## Why

            A suppression that matches no finding is dead: the code it excused was changed, moved or fixed. Left in
            place it silently hides the next finding that appears in that declaration or on that line, so remove it.
            A suppression whose key is not a rule id or name (a typo such as `DDB-P0001`) suppresses nothing and is
            reported the same way. Suppressions of rules that are disabled are not judged: whether they would match
            is unknown.

            ## Noncompliant

            ```java
            @SuppressWarnings("ddb-lint:DDB-P001") // the Scan below was replaced by a Query long ago
            public List<Order> openOrders() {
                return table.query(byStatus("OPEN")).items().stream().toList();
            }
            ```

            ## Compliant

            ```java
            public List<Order> openOrders() {
                return table.query(byStatus("OPEN")).items().stream().toList();
            }
            ```

            ## When to suppress

            Never in the source. While migrating a large code base, turn the rule off in `ddb-lint.yml`:
            `rules: {DDB-X001: {enabled: false}}`.
            """);

    private BuiltInRules() {
    }

    public static List<RuleDescriptor> all() {
        return List.of(UNUSED_SUPPRESSION);
    }
}
