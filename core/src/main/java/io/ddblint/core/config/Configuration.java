package io.ddblint.core.config;

import io.ddblint.core.Severity;
import io.ddblint.core.rule.RuleDescriptor;

import java.util.List;
import java.util.Map;

/**
 * The contents of {@code ddb-lint.yml}, validated. {@link #DEFAULTS} is what a project without the file gets.
 *
 * @param rules              rule id (never a name alias: the loader resolves those) to its setting
 * @param nonProductionPaths globs over project-relative paths of code that is not production code even though it
 *                           lives in a main source root (migrations, admin tools)
 * @param limits             service limits the rules check against
 * @param tables             tables declared for the model
 * @param fileBudget         what one source file may cost the run
 */
public record Configuration(Map<String, RuleSetting> rules, List<String> nonProductionPaths, Limits limits,
                            List<DeclaredTable> tables, FileBudget fileBudget) {

    public static final Configuration DEFAULTS = new Configuration(Map.of(), List.of(), Limits.DEFAULTS, List.of(),
            FileBudget.DEFAULTS);

    public Configuration {
        rules = Map.copyOf(rules);
        nonProductionPaths = List.copyOf(nonProductionPaths);
        tables = List.copyOf(tables);
    }

    /** The configured switch wins over the rule's {@code enabledByDefault}. */
    public boolean isEnabled(RuleDescriptor rule) {
        RuleSetting setting = rules.get(rule.id());
        return setting != null && setting.enabled() != null ? setting.enabled() : rule.enabledByDefault();
    }

    public Severity severityOf(RuleDescriptor rule) {
        RuleSetting setting = rules.get(rule.id());
        return setting != null && setting.severity() != null ? setting.severity() : rule.defaultSeverity();
    }
}
