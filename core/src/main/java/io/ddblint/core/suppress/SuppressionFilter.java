package io.ddblint.core.suppress;

import io.ddblint.core.Finding;
import io.ddblint.core.SourceRange;
import io.ddblint.core.SuppressedFinding;
import io.ddblint.core.config.Configuration;
import io.ddblint.core.engine.Fingerprints;
import io.ddblint.core.rule.BuiltInRules;
import io.ddblint.core.rule.RuleDescriptor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pipeline step 7, in-source part: splits findings into reported and suppressed, and reports the suppressions that
 * matched nothing (DDB-X001), because a dead suppression silently hides the next finding in its place.
 */
public final class SuppressionFilter {

    /** What the filter decided. */
    public record Outcome(List<Finding> reported, List<SuppressedFinding> suppressed) {
    }

    private final Map<String, RuleDescriptor> knownRules = new HashMap<>();
    private final Set<String> enabledIds = new HashSet<>();
    private final Configuration configuration;

    /**
     * @param known   every rule a key may name (the registry's and the built-in ones)
     * @param enabled the rules that ran: a suppression of a rule that did not run cannot be judged unused
     */
    public SuppressionFilter(Collection<RuleDescriptor> known, Collection<RuleDescriptor> enabled,
                             Configuration configuration) {
        for (RuleDescriptor d : known) {
            knownRules.put(d.id().toLowerCase(Locale.ROOT), d);
            knownRules.put(d.name().toLowerCase(Locale.ROOT), d);
        }
        enabled.forEach(d -> enabledIds.add(d.id()));
        this.configuration = configuration;
    }

    public Outcome apply(List<Finding> findings, List<Suppression> suppressions) {
        Map<String, List<Suppression>> byPath = new HashMap<>();
        for (Suppression s : suppressions) {
            byPath.computeIfAbsent(s.path(), p -> new ArrayList<>()).add(s);
        }
        Map<Suppression, Boolean> used = new IdentityHashMap<>();
        List<Finding> reported = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        for (Finding f : findings) {
            Suppression first = null;
            for (Suppression s : byPath.getOrDefault(f.path(), List.of())) {
                if (matches(s, f)) {
                    used.put(s, true); // every matching suppression is in use, not only the first
                    first = first == null ? s : first;
                }
            }
            if (first == null) {
                reported.add(f);
            } else {
                suppressed.add(new SuppressedFinding(f, SuppressedFinding.Kind.IN_SOURCE, justification(first)));
            }
        }
        reported.addAll(unused(suppressions, used));
        return new Outcome(reported, suppressed);
    }

    private boolean matches(Suppression s, Finding f) {
        SourceRange r = f.range();
        if (r == null || r.line() <= 0 || !s.covers(r.line(), r.endLine())) {
            return false;
        }
        String key = s.ruleKey();
        return key.equals(Suppression.ALL) || key.equalsIgnoreCase(f.ruleId()) || key.equalsIgnoreCase(f.ruleName());
    }

    private static String justification(Suppression s) {
        return s.kind() == Suppression.Kind.COMMENT ? s.reason() : null;
    }

    private List<Finding> unused(List<Suppression> suppressions, Map<Suppression, Boolean> used) {
        RuleDescriptor rule = BuiltInRules.UNUSED_SUPPRESSION;
        if (!configuration.isEnabled(rule)) {
            return List.of();
        }
        Map<String, Integer> ordinals = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (Suppression s : suppressions) {
            if (used.containsKey(s)) {
                continue;
            }
            String message;
            RuleDescriptor named = knownRules.get(s.ruleKey().toLowerCase(Locale.ROOT));
            if (s.ruleKey().equals(Suppression.ALL)) {
                message = "`" + s.text() + "` suppresses nothing: no finding here. Remove it.";
            } else if (named == null) {
                message = "`" + s.text() + "` suppresses nothing: "
                        + (s.ruleKey().isEmpty() ? "it names no rule" : "'" + s.ruleKey() + "' is not a ddb-lint rule")
                        + ". Write a rule id such as DDB-P001, or a rule name.";
            } else if (enabledIds.contains(named.id()) && !named.id().equals(rule.id())) {
                message = "`" + s.text() + "` suppresses nothing: no " + named.id() + " finding here. Remove it.";
            } else {
                continue; // the rule did not run, so whether it would fire here is unknown
            }
            String key = String.join("\u0000", rule.id(), s.path(), s.member() == null ? "" : s.member(), s.text(),
                    s.ruleKey());
            int ordinal = ordinals.merge(key, 1, Integer::sum) - 1;
            findings.add(new Finding(rule.id(), rule.name(), configuration.severityOf(rule), message, s.path(),
                    s.marker(), s.member() == null ? "" : s.member(), "Remove the suppression.",
                    configuration.helpUri(rule),
                    Fingerprints.of(key + "\u0000" + ordinal)));
        }
        return findings;
    }
}
