package io.ddblint.core.suppress;

import io.ddblint.core.Finding;
import io.ddblint.core.SourceRange;
import io.ddblint.core.SuppressedFinding;
import io.ddblint.core.rule.BuiltInRules;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleDescriptor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pipeline step 7, in-source part: splits findings into reported and suppressed, and reports the suppressions that
 * matched nothing (DDB-X001), because a dead suppression silently hides the next finding in its place. It reports
 * them through a {@link RuleContext} like a rule, so the engine stamps them like every finding.
 */
public final class SuppressionFilter {

    /** What the filter decided; {@code unused} are the suppressions that matched no finding, in source order. */
    public record Outcome(List<Finding> reported, List<SuppressedFinding> suppressed, List<Suppression> unused) {
    }

    private final Map<String, RuleDescriptor> knownRules = new HashMap<>();
    private final Set<String> enabledIds = new HashSet<>();

    /**
     * @param known   every rule a key may name (the registry's and the built-in ones)
     * @param enabled the rules that ran: a suppression of a rule that did not run cannot be judged unused
     */
    public SuppressionFilter(Collection<RuleDescriptor> known, Collection<RuleDescriptor> enabled) {
        for (RuleDescriptor d : known) {
            knownRules.put(d.id().toLowerCase(Locale.ROOT), d);
            knownRules.put(d.name().toLowerCase(Locale.ROOT), d);
        }
        enabled.forEach(d -> enabledIds.add(d.id()));
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
        List<Suppression> unused = suppressions.stream().filter(s -> !used.containsKey(s)).toList();
        return new Outcome(reported, suppressed, unused);
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

    /**
     * Reports, as DDB-X001, each unused suppression that is known to be dead. The code of a report (part of its
     * fingerprint) is the suppression's text and rule key, so a baseline entry survives edits around it.
     */
    public void reportUnused(List<Suppression> unused, RuleContext context) {
        String builtIn = BuiltInRules.UNUSED_SUPPRESSION.id();
        for (Suppression s : unused) {
            String message;
            RuleDescriptor named = knownRules.get(s.ruleKey().toLowerCase(Locale.ROOT));
            if (s.ruleKey().equals(Suppression.ALL)) {
                message = "`" + s.text() + "` suppresses nothing: no finding here. Remove it.";
            } else if (named == null) {
                message = "`" + s.text() + "` suppresses nothing: "
                        + (s.ruleKey().isEmpty() ? "it names no rule" : "'" + s.ruleKey() + "' is not a ddb-lint rule")
                        + ". Write a rule id such as DDB-P001, or a rule name.";
            } else if (enabledIds.contains(named.id()) && !named.id().equals(builtIn)) {
                message = "`" + s.text() + "` suppresses nothing: no " + named.id() + " finding here. Remove it.";
            } else {
                continue; // the rule did not run, so whether it would fire here is unknown
            }
            context.report(s.path(), s.marker(), s.member() == null ? "" : s.member(),
                    s.text() + "\u0000" + s.ruleKey(), message, "Remove the suppression.");
        }
    }
}
