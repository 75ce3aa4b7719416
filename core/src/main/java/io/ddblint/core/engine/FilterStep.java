package io.ddblint.core.engine;

import io.ddblint.core.Finding;
import io.ddblint.core.SuppressedFinding;
import io.ddblint.core.baseline.Baseline;
import io.ddblint.core.config.Configuration;
import io.ddblint.core.model.Model;
import io.ddblint.core.rule.BuiltInRules;
import io.ddblint.core.rule.RuleDescriptor;
import io.ddblint.core.suppress.Suppression;
import io.ddblint.core.suppress.SuppressionFilter;

import java.util.ArrayList;
import java.util.List;

/**
 * Pipeline step 7: in-source suppressions, then the baseline. The baseline comes last so that it can also accept
 * DDB-X001 findings, and so that a finding suppressed in the source never counts against the baseline.
 */
public final class FilterStep {

    /** The findings to report, the ones kept as suppressed, and the rules (built-in ones included) that ran. */
    public record Outcome(List<Finding> reported, List<SuppressedFinding> suppressed, List<RuleDescriptor> ran) {
    }

    static final String BASELINE_JUSTIFICATION = "accepted in the baseline";

    private FilterStep() {
    }

    /**
     * @param known   every rule a suppression may name
     * @param enabled the registered rules that ran
     * @param model   the model the rules saw, seen by the built-in checks too
     */
    public static Outcome apply(List<Finding> findings, List<Suppression> suppressions, List<RuleDescriptor> known,
                                List<RuleDescriptor> enabled, Model model, Configuration configuration,
                                Baseline baseline) {
        List<RuleDescriptor> ran = new ArrayList<>(enabled);
        RuleDescriptor unusedSuppression = BuiltInRules.UNUSED_SUPPRESSION;
        boolean judgeSuppressions = configuration.isEnabled(unusedSuppression);
        if (judgeSuppressions) {
            ran.add(unusedSuppression);
        }
        List<RuleDescriptor> nameable = new ArrayList<>(known);
        nameable.addAll(BuiltInRules.all());
        SuppressionFilter filter = new SuppressionFilter(nameable, ran);
        SuppressionFilter.Outcome inSource = filter.apply(findings, suppressions);
        List<Finding> reported = new ArrayList<>(inSource.reported());
        if (judgeSuppressions) {
            reported.addAll(RuleEngine.runBuiltIn(unusedSuppression, model, configuration,
                    context -> filter.reportUnused(inSource.unused(), context)));
        }
        List<SuppressedFinding> suppressed = new ArrayList<>(inSource.suppressed());
        Baseline.Split split = baseline.split(reported);
        split.accepted().forEach(f -> suppressed.add(
                new SuppressedFinding(f, SuppressedFinding.Kind.EXTERNAL, BASELINE_JUSTIFICATION)));
        return new Outcome(split.reported(), suppressed, ran);
    }
}
