package io.ddblint.core.rule;

/** The sections of RULES.md; used for grouping in reports and SARIF tags. */
public enum Category {
    PERFORMANCE("performance"),
    CORRECTNESS("correctness"),
    SECURITY("security"),
    DATA_MODEL("data-model");

    private final String tag;

    Category(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
