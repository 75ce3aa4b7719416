package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.facts.ApiFlavor;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.Response;
import io.ddblint.core.facts.Response.End;
import io.ddblint.core.facts.Response.Path;
import io.ddblint.core.facts.Value;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.Optional;
import java.util.Set;

/**
 * DDB-P005: the lists {@code DynamoDBMapper.query}/{@code scan}/{@code parallelScan} return load pages lazily while
 * iterated, but {@code size()}, {@code get(int)}, {@code contains}... and copies read (and keep) every page first.
 */
@RuleInfo(
        id = "DDB-P005",
        name = "MapperListEagerLoad",
        summary = "A DynamoDBMapper lazy list is sized, indexed or copied, which loads every page into memory",
        severity = Severity.WARNING,
        category = Category.PERFORMANCE,
        tags = {"mapper", "memory", "pagination"})
public final class MapperListEagerLoad implements Rule {

    private static final Set<String> LAZY_LISTS = Set.of("query", "scan", "parallelScan");
    private static final Set<String> EAGER_CALLS = Set.of("size", "get", "toArray", "contains", "indexOf",
            "subList");

    private static final String FIX = "Iterate the list once (for-each, `iterator()`, `stream()`) and keep only what "
            + "you need; pass `PaginationLoadingStrategy.ITERATION_ONLY` in a `DynamoDBMapperConfig` to make sure "
            + "pages are not kept; use `count(..)` to count, `queryPage`/`scanPage` for one page.";

    @Override
    public void visitCallSite(CallSite site, RuleContext context) {
        if (site.flavor() != ApiFlavor.V1_MAPPER || !site.paginated() || !LAZY_LISTS.contains(site.method())) {
            return;
        }
        Response response = site.response();
        Value<String> strategy = response.loadingStrategy();
        if (strategy instanceof Value.Unknown<String>
                || strategy.known().filter("ITERATION_ONLY"::equals).isPresent()) {
            return; // ITERATION_ONLY, or a config (or mapper default) that cannot be read
        }
        Optional<String> eager = response.paths().stream().map(MapperListEagerLoad::eagerUse)
                .flatMap(Optional::stream).findFirst();
        eager.ifPresent(use -> context.report(site, "`" + site.quote() + "` returns a lazily loaded list, and "
                + use + " loads every page of results into memory (and keeps them there).", FIX));
    }

    private static Optional<String> eagerUse(Path p) {
        if (p.calls().isEmpty() && p.end() == End.COPIED) {
            return Optional.of("copying it");
        }
        return p.first().filter(EAGER_CALLS::contains).map(m -> "`" + m + "(..)`");
    }
}
