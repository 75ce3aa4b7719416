package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.facts.ApiFlavor;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.facts.Response;
import io.ddblint.core.facts.Response.End;
import io.ddblint.core.facts.Response.Path;
import io.ddblint.core.facts.Response.Use;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.function.Predicate;

/**
 * DDB-C008: GetItem of a key that does not exist succeeds with no item. SDK v2 then gives an empty item map (so
 * {@code item().get("k")} is null), v1 a null {@code getItem()}, the enhanced client and the mapper a null object:
 * dereferencing it without a check throws a NullPointerException far from the cause.
 */
@RuleInfo(
        id = "DDB-C008",
        name = "GetItemResultNotNullChecked",
        summary = "A GetItem result is dereferenced without checking that the item exists",
        severity = Severity.WARNING,
        category = Category.CORRECTNESS,
        tags = {"null", "get-item"})
public final class GetItemResultNotNullChecked implements Rule {

    private static final String FIX_V2 = "Check `response.hasItem()` (or `item().isEmpty()`/`containsKey`) before "
            + "reading attributes, and decide what a missing item means here.";
    private static final String FIX_NULL = "Check the result for null (or wrap it in `Optional.ofNullable`) before "
            + "using it, and decide what a missing item means here.";

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        if (site.operation() != Operation.GET_ITEM || site.forwarding()) {
            return;
        }
        Response response = site.response();
        boolean followed = response.use() == Use.LOCAL || response.use() == Use.CHAINED;
        // A result handed on may be checked by whoever receives it first.
        if (!followed || response.escapes()) {
            return;
        }
        ApiFlavor flavor = site.flavor();
        if (flavor == ApiFlavor.V2_CLIENT || flavor == ApiFlavor.V2_ASYNC_CLIENT) {
            if (any(response, p -> p.calls().size() >= 3 && p.startsWith("item", "get"))
                    && !any(response, GetItemResultNotNullChecked::v2Check)) {
                context.report(site, "`" + site.quote() + "`: an attribute of `item()` is dereferenced without "
                        + "`hasItem()` or a null check: for a missing key GetItem returns no item, `item().get(..)` "
                        + "is null and this throws a NullPointerException.", FIX_V2);
            }
        } else if (flavor == ApiFlavor.V1_CLIENT) {
            if (any(response, p -> p.calls().size() >= 2 && p.startsWith("getItem"))
                    && !any(response, p -> p.calls().size() == 1 && p.startsWith("getItem")
                    && p.end() == End.NULL_CHECKED)) {
                context.report(site, "`" + site.quote() + "`: `getItem()` is dereferenced without a null check: "
                        + "for a missing key it is null and this throws a NullPointerException.", FIX_NULL);
            }
        } else if (flavor.isEnhanced() || flavor == ApiFlavor.V1_MAPPER) {
            if (any(response, p -> !p.calls().isEmpty()) && !response.nullChecked()) {
                String what = flavor == ApiFlavor.V1_MAPPER ? "loaded object" : "item";
                context.report(site, "`" + site.quote() + "`: the " + what + " is dereferenced without a null "
                        + "check: for a missing key it is null and this throws a NullPointerException.", FIX_NULL);
            }
        }
    }

    /** A v2 existence check: {@code hasItem()}, {@code item().isEmpty()}, {@code containsKey}, a null check. */
    private static boolean v2Check(Path p) {
        return p.startsWith("hasItem") || p.startsWith("item", "isEmpty") || p.startsWith("item", "containsKey")
                || p.end() == End.NULL_CHECKED && (p.calls().size() <= 1
                || p.calls().size() == 2 && p.startsWith("item", "get"));
    }

    private static boolean any(Response response, Predicate<Path> test) {
        return response.paths().stream().anyMatch(test);
    }
}
