package io.ddblint.core.rule;

import io.ddblint.core.facts.CallSite;

/**
 * A check over the project's DynamoDB facts. Implementations are final classes annotated with {@link RuleInfo},
 * registered as {@code java.util.ServiceLoader} services, stateless across runs (a new context per run), and never
 * build {@code Finding}s themselves: they report through the {@link RuleContext}.
 */
public interface Rule {

    /** Called once per DynamoDB call site of the project, in a deterministic order. */
    default void visitCallSite(CallSite site, RuleContext context) {
    }

    /** Called once after every call site was visited, for rules that look at the whole model. */
    default void visitModel(RuleContext context) {
    }
}
