package io.ddblint.core.rule;

/** The sections of RULES.md, plus ddb-lint's own housekeeping; used for grouping in reports and SARIF tags. */
public enum Category {
    PERFORMANCE("performance"),
    CORRECTNESS("correctness"),
    SECURITY("security"),
    DATA_MODEL("data-model"),
    /** Findings about ddb-lint's own input, such as dead suppressions. */
    MAINTENANCE("maintenance");

    private final String tag;

    Category(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
