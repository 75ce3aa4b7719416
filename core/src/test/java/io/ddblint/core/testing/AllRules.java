package io.ddblint.core.testing;

import io.ddblint.core.config.Configuration;
import io.ddblint.core.config.RuleSetting;
import io.ddblint.core.rule.RuleDescriptor;
import io.ddblint.core.rule.RuleRegistry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A configuration that turns every rule on, rules disabled by default included, so fixture tests check every
 * rule's markers both ways; and the same as {@code ddb-lint.yml} text for front ends that read a file.
 */
public final class AllRules {

    private AllRules() {
    }

    public static Configuration enabled(RuleRegistry registry) {
        Map<String, RuleSetting> settings = new LinkedHashMap<>();
        for (RuleDescriptor d : registry.descriptors()) {
            settings.put(d.id(), new RuleSetting(true, null));
        }
        return new Configuration(settings, Configuration.DEFAULTS.nonProductionPaths(),
                Configuration.DEFAULTS.limits(), Configuration.DEFAULTS.tables());
    }

    public static String yaml(RuleRegistry registry) {
        StringBuilder text = new StringBuilder("rules:\n");
        for (RuleDescriptor d : registry.descriptors()) {
            text.append("  ").append(d.id()).append(":\n    enabled: true\n");
        }
        return text.toString();
    }
}
