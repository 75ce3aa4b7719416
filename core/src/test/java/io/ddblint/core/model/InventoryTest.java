package io.ddblint.core.model;

import io.ddblint.core.SourceRange;
import io.ddblint.core.facts.ApiFlavor;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.Location;
import io.ddblint.core.facts.LoopKind;
import io.ddblint.core.facts.Member;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.facts.Request;
import io.ddblint.core.facts.SourceKind;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.facts.Value;
import io.ddblint.core.java.ProjectIndex;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryTest {

    private static final String REPO = "src/main/java/com/acme/Repo.java";

    @Test
    void linksEachCallSiteToItsTableAndListsTheOthersAsUnlinked() {
        Model model = new Model(new ProjectIndex(), List.of(
                site(40, Operation.QUERY, literal("orders"), literal("byStatus"), "status = :s"),
                site(10, Operation.GET_ITEM, literal("orders"), Value.absent(), null),
                site(20, Operation.SCAN, literal("audit"), Value.absent(), null),
                site(30, Operation.PUT_ITEM, Value.unknown(Value.Reason.PARAMETER, "tableName"), Value.absent(),
                        null),
                site(50, Operation.QUERY, literal("legacy"), Value.absent(), "pk = :p")),
                List.of(definition("orders", "customerId", ModelSource.Kind.CONFIGURATION, "ddb-lint.yml"),
                        definition("legacy", "id", ModelSource.Kind.CONFIGURATION, "ddb-lint.yml"),
                        definition("legacy", "key", ModelSource.Kind.CLOUDFORMATION, "template.yaml")));

        Inventory inventory = Inventory.of(model);

        assertThat(inventory.tables()).extracting(Table::name).containsExactly("legacy", "orders");
        Table orders = model.table("orders").orElseThrow();
        assertThat(inventory.accessPatterns(orders)).extracting(Inventory.AccessPattern::line)
                .containsExactly(10, 40);
        Inventory.AccessPattern query = inventory.accessPatterns(orders).get(1);
        assertThat(query.index()).isEqualTo("byStatus");
        assertThat(query.keyCondition()).isEqualTo("status = :s");
        assertThat(query.operationName()).isEqualTo("QUERY");
        assertThat(query.where()).isEqualTo(REPO + ":40");
        // A conflicting table is still the table the call site works on: the worksheet lists it there.
        Table legacy = model.table("legacy").orElseThrow();
        assertThat(legacy.conflicting()).isTrue();
        assertThat(inventory.accessPatterns(legacy)).extracting(Inventory.AccessPattern::line).containsExactly(50);
        // A constant name no source defines, and a name from a parameter, stay unlinked and say what they name.
        assertThat(inventory.unlinked()).extracting(Inventory.AccessPattern::table)
                .containsExactly("audit", "tableName");
        assertThat(inventory.linkedCount()).isEqualTo(3);
    }

    @Test
    void buildsTheWorksheetOnceWhenFirstReadAndKeepsIt() {
        Model model = new Model(new ProjectIndex(), List.of(
                site(10, Operation.GET_ITEM, literal("orders"), Value.absent(), null)), List.of(
                definition("orders", "customerId", ModelSource.Kind.CONFIGURATION, "ddb-lint.yml")));

        Inventory inventory = Inventory.of(model);

        assertThat(inventory.accessPatterns()).hasSize(1);
        assertThat(inventory.accessPatterns()).isSameAs(inventory.accessPatterns());
        assertThat(inventory.tables()).extracting(Table::name).containsExactly("orders");
    }

    @Test
    void ordersTablesByNameAndPatternsByPositionWhateverTheInputOrder() {
        Inventory.AccessPattern a = pattern("b/B.java", 3);
        Inventory.AccessPattern b = pattern("a/A.java", 9);
        Inventory.AccessPattern c = pattern("a/A.java", 2);
        Table x = new Table("x", new KeySchema(KeyAttribute.untyped("id"), null), List.of(), List.of(),
                List.of(), List.of());
        Table w = new Table("w", new KeySchema(KeyAttribute.untyped("id"), null), List.of(), List.of(),
                List.of(), List.of());
        Inventory inventory = new Inventory(List.of(x, w), List.of(a, b, c));
        assertThat(inventory.tables()).containsExactly(w, x);
        assertThat(inventory.accessPatterns()).containsExactly(c, b, a);
    }

    private static Inventory.AccessPattern pattern(String path, int line) {
        return new Inventory.AccessPattern(new Location(path, SourceRange.at(line, 1)), null, null, Operation.SCAN,
                "scan", null, null, null, true, false, "A#m()");
    }

    private static TableDefinition definition(String table, String partitionKey, ModelSource.Kind kind,
                                              String path) {
        return new TableDefinition(table, new KeySchema(new KeyAttribute(partitionKey, "S"), null), List.of(
                new IndexDefinition("byStatus", IndexDefinition.Kind.GLOBAL,
                        new KeySchema(KeyAttribute.untyped("status"), null))),
                new ModelSource(kind, new Location(path, SourceRange.at(1, 1)), table, null, table));
    }

    private static Value<SymbolicString> literal(String value) {
        return Value.known(new SymbolicString.Literal(value, "\"" + value + "\""));
    }

    private static CallSite site(int line, Operation operation, Value<SymbolicString> table,
                                 Value<SymbolicString> index, String keyCondition) {
        Map<ExpressionKind, Value<SymbolicString>> expressions = keyCondition == null ? Map.of()
                : Map.of(ExpressionKind.KEY_CONDITION, literal(keyCondition));
        Request request = new Request(new Request.Target(table, index, Value.absent()),
                new Request.Expressions(expressions, Value.absent(), Value.absent()),
                new Request.ReadOptions(Value.absent(), Value.absent()), Value.absent());
        String method = operation.name().toLowerCase(java.util.Locale.ROOT);
        return new CallSite(new Location(REPO, new SourceRange(line, 9, line, 40)),
                new CallSite.Api(ApiFlavor.V2_CLIENT, "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
                        method, operation, false),
                request,
                new CallSite.Context(SourceKind.MAIN, "com.acme.Repo", "m()",
                        new Member("com.acme.Repo", Member.Kind.METHOD, "m", List.of()), LoopKind.NONE, false),
                "dynamoDb." + method + "(request)");
    }
}
