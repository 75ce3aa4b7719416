package io.ddblint.core.rule;

import io.ddblint.core.Severity;

import java.util.List;

/**
 * Everything reports need to know about a rule: its metadata plus its documentation page.
 *
 * @param documentation the rule's doc page (Markdown), or an empty string when the rule has none
 */
public record RuleDescriptor(String id, String name, String summary, Severity defaultSeverity, Category category,
                             List<String> tags, boolean enabledByDefault, String documentation) {

    public RuleDescriptor {
        tags = List.copyOf(tags);
    }

    /**
     * The address of the rule's documentation page under a documentation base URL the user configured:
     * {@code <base>/<id>}, e.g. {@code https://docs.example.com/ddb-lint/rules/DDB-P001} (a base that already ends
     * with '/' gets no second one).
     *
     * @param docBaseUrl the base, already validated; null when none is configured
     * @return null without a base: ddb-lint publishes no documentation site of its own, and the full help text is
     * in every report anyway
     */
    public String helpUri(String docBaseUrl) {
        if (docBaseUrl == null) {
            return null;
        }
        return docBaseUrl + (docBaseUrl.endsWith("/") ? "" : "/") + id;
    }

    /** The first paragraph under the doc page's "Why" heading, or the summary: used as the full description. */
    public String fullDescription() {
        String[] lines = documentation.split("\n");
        StringBuilder paragraph = new StringBuilder();
        boolean inWhy = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                if (inWhy) {
                    break;
                }
                inWhy = line.toLowerCase(java.util.Locale.ROOT).startsWith("## why");
                continue;
            }
            if (inWhy) {
                if (line.isBlank()) {
                    if (paragraph.length() > 0) {
                        break;
                    }
                    continue;
                }
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(line.trim());
            }
        }
        return paragraph.length() == 0 ? summary : paragraph.toString();
    }
}
