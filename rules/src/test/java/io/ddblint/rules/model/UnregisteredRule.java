package io.ddblint.rules.model;

import io.ddblint.core.Severity;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleInfo;

/**
 * Deliberately not registered as a service: RuleCatalogTest shows that its scan finds a rule class in a subpackage
 * that someone forgot to register. Test code, so the real registry never sees it.
 */
@RuleInfo(id = "DDB-M999", name = "UnregisteredRule", summary = "A rule nobody registered", severity = Severity.INFO,
        category = Category.DATA_MODEL)
public final class UnregisteredRule implements Rule {
}
