package io.ddblint.core.config;

import io.ddblint.core.Severity;

/**
 * What the configuration says about one rule.
 *
 * @param enabled  null to keep the rule's default
 * @param severity null to keep the rule's default severity
 */
public record RuleSetting(Boolean enabled, Severity severity) {
}
