package io.ddblint.core.suppress;

import io.ddblint.core.SourceRange;

/**
 * One suppression written in a source file, for one rule key. Collected while the file's AST is alive and kept as
 * this small record, so the filter step needs no AST.
 *
 * @param ruleKey   a rule id or name as written, or {@link #ALL} for {@code "ddb-lint"}
 * @param firstLine first line of what it covers: the annotated declaration, or the commented line
 * @param lastLine  last line of what it covers
 * @param marker    where the annotation or comment is, to report it when it matches nothing
 * @param text      the annotation value or comment as written; part of the unused-suppression fingerprint
 * @param member    the annotated declaration's name, or null for a comment
 * @param reason    the text after the rule key of a comment, or null
 */
public record Suppression(Kind kind, String path, String ruleKey, int firstLine, int lastLine, SourceRange marker,
                          String text, String member, String reason) {

    /** The rule key of {@code @SuppressWarnings("ddb-lint")}: every rule. */
    public static final String ALL = "ddb-lint";

    public enum Kind { ANNOTATION, COMMENT }

    /** Whether a finding starting or ending in {@code [line, endLine]} is covered. */
    boolean covers(int line, int endLine) {
        int last = Math.max(line, endLine);
        return line <= lastLine && last >= firstLine;
    }
}
