package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.facts.ApiFlavor;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.facts.Response;
import io.ddblint.core.facts.Response.Path;
import io.ddblint.core.facts.Response.Use;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.Optional;
import java.util.Set;

/**
 * DDB-C003: a single Query or Scan returns at most 1 MB; code that reads its items and never follows
 * {@code LastEvaluatedKey} silently works on the first page as if it were every result.
 */
@RuleInfo(
        id = "DDB-C003",
        name = "MissingPagination",
        summary = "A single Query/Scan page is used as all results: DynamoDB cuts every response at 1 MB",
        severity = Severity.WARNING,
        category = Category.CORRECTNESS,
        tags = {"pagination"})
public final class MissingPagination implements Rule {

    /** Reading these consumes the page's results; {@code Select.COUNT}'s count is cut at 1 MB all the same. */
    private static final Set<String> CONSUMERS = Set.of("items", "getItems", "count", "getCount");
    private static final Set<ApiFlavor> LOW_LEVEL =
            Set.of(ApiFlavor.V2_CLIENT, ApiFlavor.V2_ASYNC_CLIENT, ApiFlavor.V1_CLIENT);

    private static final String FIX = "Use the paginator (`queryPaginator`/`scanPaginator`, enhanced `.items()`), "
            + "or loop while `lastEvaluatedKey()` is non-empty, passing it as `exclusiveStartKey` of the next request.";

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        boolean read = site.operation() == Operation.QUERY || site.operation() == Operation.SCAN;
        if (!read || site.forwarding() || site.request().limitValue().filter(n -> n == 1).isPresent()) {
            return;
        }
        Response response = site.response();
        boolean followed = response.use() == Use.LOCAL || response.use() == Use.CHAINED;
        if (!followed || response.escapes() || response.pages()) {
            return;
        }
        String operation = site.operation() == Operation.QUERY ? "Query" : "Scan";
        if (!site.paginated() && LOW_LEVEL.contains(site.flavor())) {
            Optional<String> consumed = response.paths().stream().map(Path::first).flatMap(Optional::stream)
                    .filter(CONSUMERS::contains).findFirst();
            if (consumed.isPresent()) {
                context.report(site, "`" + site.quote() + "`: this method reads the " + operation + "'s `"
                        + consumed.get() + "()` but never its `LastEvaluatedKey`: a response holds at most 1 MB, "
                        + "so results beyond the first page are silently dropped.", FIX);
            }
        } else if (site.paginated() && site.flavor() == ApiFlavor.V2_ENHANCED && firstPageOnly(response)) {
            context.report(site, "`" + site.quote() + "` takes only the first page of the " + operation
                    + " (`iterator().next()` / `stream().findFirst()`): a page holds at most 1 MB, so later "
                    + "results are silently dropped.", "Iterate `.items()` (it follows every page), or read the "
                    + "page's `lastEvaluatedKey()` and continue from it.");
        }
    }

    /** Enhanced {@code PageIterable} used as its first page only. */
    private static boolean firstPageOnly(Response response) {
        return response.paths().stream()
                .anyMatch(p -> p.startsWith("iterator", "next") || p.startsWith("stream", "findFirst"));
    }
}
