package io.ddblint.core;

import io.ddblint.core.facts.Member;

import java.util.Comparator;

/**
 * One reported problem. Built only by the engine, which stamps id, severity, doc link and fingerprint from the
 * rule's metadata; rules supply the location, message and optional fix hint.
 *
 * @param path        file path relative to the analysed project's root, with '/' separators
 *                    (absolute when the file lies outside the root)
 * @param member      the enclosing member, e.g. {@code com.acme.OrderRepo#findAll(int)}; part of the fingerprint
 * @param fingerprint stable identity without line numbers: rule + file + member + normalized code + ordinal
 * @param enclosing   the enclosing member structured as compiled code names it (class, method, parameter types),
 *                    for front ends that map findings to bytecode; null when the finding is not in a Java member
 *                    (a template, a suppression comment)
 */
public record Finding(
        String ruleId,
        String ruleName,
        Severity severity,
        String message,
        String path,
        SourceRange range,
        String member,
        String fixHint,
        String helpUri,
        String fingerprint,
        Member enclosing) {

    /** A finding not inside a Java member, or whose member is only known as a string. */
    public Finding(String ruleId, String ruleName, Severity severity, String message, String path, SourceRange range,
                   String member, String fixHint, String helpUri, String fingerprint) {
        this(ruleId, ruleName, severity, message, path, range, member, fixHint, helpUri, fingerprint, null);
    }

    /** Deterministic report order: file, position, rule. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::path)
            .thenComparing(Finding::range)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);
}
