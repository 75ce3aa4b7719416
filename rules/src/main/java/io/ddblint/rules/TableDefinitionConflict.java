package io.ddblint.rules;

import io.ddblint.core.Severity;
import io.ddblint.core.model.ModelSource;
import io.ddblint.core.model.Table;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;

import java.util.stream.Collectors;

/**
 * DDB-M005: two sources of the model describe one table name differently. ddb-lint never guesses which one is right,
 * so every other model rule stays silent on the table; this rule says so once, at the table's first source.
 */
@RuleInfo(
        id = "DDB-M005",
        name = "TableDefinitionConflict",
        summary = "Two sources describe the same table with different keys, key types or indexes",
        severity = Severity.WARNING,
        category = Category.DATA_MODEL,
        tags = {"data-model", "schema"})
public final class TableDefinitionConflict implements Rule {

    private static final String FIX = "Make every source describe the table as DynamoDB has it (the table that is "
            + "deployed), or give the differing sources their own table names; the other model rules judge the "
            + "table again once its sources agree.";

    @Override
    public void visitModel(RuleContext context) {
        for (Table table : context.model().tables()) {
            if (!table.conflicting()) {
                continue;
            }
            ModelSource primary = table.primarySource();
            String others = table.sources().stream().filter(s -> s != primary).map(ModelSource::describe)
                    .distinct().collect(Collectors.joining(", "));
            String differences = String.join("; ", table.conflicts());
            context.report(primary.location().path(), primary.location().range(), primary.member(),
                    primary.enclosing(), primary.code(), "Table `" + table.name() + "` is described here ("
                            + primary.describe() + ") and by " + others + ", and they disagree: " + differences
                            + ". No other model rule judges this table until they agree.", FIX);
        }
    }
}
