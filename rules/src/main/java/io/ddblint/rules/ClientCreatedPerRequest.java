package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.facts.ClientCreation;
import io.ddblint.core.facts.MethodRole;
import io.ddblint.core.facts.Placement;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.Optional;

/**
 * DDB-P004: a DynamoDB client owns an HTTP connection pool, credential and region lookups, and threads; creating one
 * per loop iteration, per Lambda invocation or per web request pays for all of that each time and leaks pools when
 * nobody closes them. Creations in constructors, initializers, {@code @Bean}/{@code @Produces} factories and
 * {@code main} run once, and creations kept in a field (lazy initialization) are made once: neither is reported.
 */
@RuleInfo(
        id = "DDB-P004",
        name = "ClientCreatedPerRequest",
        summary = "A DynamoDB client is created inside a loop, a Lambda handler or a web request handler",
        severity = Severity.WARNING,
        category = Category.PERFORMANCE,
        tags = {"latency", "client"})
public final class ClientCreatedPerRequest implements Rule {

    private static final String FIX = "Create the client once and reuse it: a static or instance field initialized "
            + "in the constructor or a field initializer (for AWS Lambda: outside handleRequest, so warm "
            + "invocations reuse it), or a @Bean injected where it is needed. Clients are thread-safe.";

    @Override
    public void visitModel(RuleContext context) {
        for (ClientCreation creation : context.model().clientCreations()) {
            if (!creation.isProduction() || creation.cached()) {
                continue;
            }
            where(creation.placement()).ifPresent(where -> context.report(creation.path(), creation.range(),
                    creation.qualifiedMember(), creation.context().member(), creation.code(),
                    "`" + quote(creation.code()) + "` creates a new " + creation.simpleType() + " " + where
                            + ": each creation builds a new HTTP connection pool and looks up credentials and "
                            + "region again. Create it once and reuse it.", FIX));
        }
    }

    /** Where a creation runs too often, or empty when it runs once (set-up code) or only where it is used. */
    private static Optional<String> where(Placement placement) {
        MethodRole role = placement.role();
        if (role.setup()) {
            return Optional.empty();
        }
        if (role.perRequest()) {
            return Optional.of("in " + role.display() + ", on every invocation");
        }
        if (placement.loop().repeats()) {
            return Optional.of("on every iteration of `" + placement.loop().construct() + "`");
        }
        return Optional.empty();
    }

    private static String quote(String code) {
        return code.length() <= 72 ? code : code.substring(0, 69) + "...";
    }
}
