package io.ddblint.core;

import io.ddblint.core.facts.CallSite;
import io.ddblint.core.model.Inventory;
import io.ddblint.core.rule.RuleDescriptor;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one analysis, in deterministic order, ready for any reporter.
 *
 * @param findings   the findings to report: what fails a build
 * @param suppressed findings found but not reported (in-source suppressions, the baseline), for the record
 * @param rules      the rules that ran, sorted by id
 * @param callSites  every DynamoDB call site found: the access-pattern inventory
 * @param unresolved candidate calls skipped because their receiver type could not be resolved
 * @param docBaseUrl the configured documentation base URL that rule links in reports start with, or null for no
 *                   links (see {@link RuleDescriptor#helpUri(String)})
 * @param inventory  the model's tables and every call site linked to its table or not: the access-pattern
 *                   inventory the json, html and {@code --inventory} outputs print
 */
public record AnalysisResult(Path projectRoot, List<Finding> findings, List<SuppressedFinding> suppressed,
                             List<AnalysisProblem> problems, List<RuleDescriptor> rules, List<CallSite> callSites,
                             AnalysisStats stats, List<UnresolvedCall> unresolved, String docBaseUrl,
                             Inventory inventory) {

    public AnalysisResult {
        findings = findings.stream().sorted(Finding.ORDER).toList();
        suppressed = suppressed.stream()
                .sorted(java.util.Comparator.comparing(SuppressedFinding::finding, Finding.ORDER)).toList();
        problems = problems.stream().sorted(AnalysisProblem.ORDER).toList();
        rules = rules.stream().sorted(java.util.Comparator.comparing(RuleDescriptor::id)).toList();
        callSites = callSites.stream().sorted(CallSite.ORDER).toList();
        unresolved = unresolved.stream().sorted(UnresolvedCall.ORDER).toList();
        inventory = inventory == null ? Inventory.EMPTY : inventory;
    }

    /** A result without a model: no tables, no linked call sites. */
    public AnalysisResult(Path projectRoot, List<Finding> findings, List<SuppressedFinding> suppressed,
                          List<AnalysisProblem> problems, List<RuleDescriptor> rules, List<CallSite> callSites,
                          AnalysisStats stats, List<UnresolvedCall> unresolved, String docBaseUrl) {
        this(projectRoot, findings, suppressed, problems, rules, callSites, stats, unresolved, docBaseUrl,
                Inventory.EMPTY);
    }

    /** A result without documentation links. */
    public AnalysisResult(Path projectRoot, List<Finding> findings, List<SuppressedFinding> suppressed,
                          List<AnalysisProblem> problems, List<RuleDescriptor> rules, List<CallSite> callSites,
                          AnalysisStats stats, List<UnresolvedCall> unresolved) {
        this(projectRoot, findings, suppressed, problems, rules, callSites, stats, unresolved, null);
    }

    /** A result without a list of unresolved calls (front-end tests that build results by hand). */
    public AnalysisResult(Path projectRoot, List<Finding> findings, List<SuppressedFinding> suppressed,
                          List<AnalysisProblem> problems, List<RuleDescriptor> rules, List<CallSite> callSites,
                          AnalysisStats stats) {
        this(projectRoot, findings, suppressed, problems, rules, callSites, stats, List.of());
    }

    /** A result with nothing suppressed. */
    public AnalysisResult(Path projectRoot, List<Finding> findings, List<AnalysisProblem> problems,
                          List<RuleDescriptor> rules, List<CallSite> callSites, AnalysisStats stats) {
        this(projectRoot, findings, List.of(), problems, rules, callSites, stats);
    }

    /** The rule's documentation page, or null when no documentation base URL is configured. */
    public String helpUri(RuleDescriptor rule) {
        return rule.helpUri(docBaseUrl);
    }

    /** Findings at or above the threshold: what fails a build. */
    public List<Finding> findingsAtLeast(Severity threshold) {
        return findings.stream().filter(f -> f.severity().atLeast(threshold)).toList();
    }

    public Map<Severity, Long> countsBySeverity() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, findings.stream().filter(f -> f.severity() == s).count());
        }
        return counts;
    }
}
