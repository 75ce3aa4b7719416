package io.ddblint.core.model;

import io.ddblint.core.SourceRange;
import io.ddblint.core.facts.Location;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How sources of one table name merge, and which differences make it conflicting (DDB-M005). */
class TableMergerTest {

    private static final IndexDefinition.Kind GSI = IndexDefinition.Kind.GLOBAL;
    private static final IndexDefinition.Kind LSI = IndexDefinition.Kind.LOCAL;

    private static ModelSource source(ModelSource.Kind kind, String path, int line) {
        return new ModelSource(kind, new Location(path, SourceRange.at(line, 1)), "m", null, "code");
    }

    private static final ModelSource CREATE = source(ModelSource.Kind.CREATE_TABLE, "a/Schema.java", 10);
    private static final ModelSource BEAN = source(ModelSource.Kind.ENHANCED_BEAN, "a/Order.java", 5);
    private static final ModelSource ENTITY = source(ModelSource.Kind.MAPPER_ENTITY, "b/OrderV1.java", 7);

    private static KeySchema keys(String pk, String pkType, String sk, String skType) {
        return new KeySchema(new KeyAttribute(pk, pkType), sk == null ? null : new KeyAttribute(sk, skType));
    }

    private static TableDefinition table(ModelSource source, KeySchema keys, IndexDefinition... indexes) {
        return new TableDefinition("orders", keys, List.of(indexes), source);
    }

    private static Table merge(TableDefinition... defs) {
        List<Table> tables = TableMerger.merge(List.of(defs));
        assertThat(tables).hasSize(1);
        return tables.get(0);
    }

    @Test
    void agreeingSourcesMergeAndFillInTypes() {
        Table t = merge(table(CREATE, keys("pk", "S", "sk", null)), table(BEAN, keys("pk", null, "sk", "N")));
        assertThat(t.conflicting()).isFalse();
        assertThat(t.keys()).isEqualTo(keys("pk", "S", "sk", "N"));
        assertThat(t.sources()).containsExactly(BEAN, CREATE); // path order: a/Order.java before a/Schema.java
        assertThat(t.primarySource()).isEqualTo(BEAN);
    }

    @Test
    void aSourceThatAddsAnIndexIsNoConflict() {
        IndexDefinition byStore = new IndexDefinition("byStore", GSI, keys("storeId", "S", null, null));
        Table t = merge(table(CREATE, keys("pk", "S", null, null), byStore), table(BEAN, keys("pk", "S", null, null)));
        assertThat(t.conflicts()).isEmpty();
        assertThat(t.globalSecondaryIndexes()).containsExactly(byStore);
    }

    @Test
    void anotherPartitionKeyConflicts() {
        Table t = merge(table(CREATE, keys("pk", null, null, null)), table(ENTITY, keys("id", null, null, null)));
        assertThat(t.conflicts()).containsExactly(
                "partition key pk in create-table a/Schema.java:10 but id in mapper-entity b/OrderV1.java:7");
    }

    @Test
    void aSortKeyInOneSourceOnlyConflicts() {
        Table t = merge(table(CREATE, keys("pk", null, "sk", null)), table(ENTITY, keys("pk", null, null, null)));
        assertThat(t.conflicts()).containsExactly(
                "sort key sk in create-table a/Schema.java:10 but no sort key in mapper-entity b/OrderV1.java:7");
        Table reversed = merge(table(CREATE, keys("pk", null, null, null)), table(ENTITY, keys("pk", null, "sk", null)));
        assertThat(reversed.conflicts()).containsExactly(
                "sort key sk in mapper-entity b/OrderV1.java:7 but no sort key in create-table a/Schema.java:10");
    }

    @Test
    void anotherTypeConflictsWhereverTheAttributeIsAKey() {
        Table t = merge(table(CREATE, keys("pk", "S", null, null)), table(ENTITY, keys("pk", "N", null, null)));
        assertThat(t.conflicts()).containsExactly(
                "key attribute pk has type S in create-table a/Schema.java:10 but N in mapper-entity b/OrderV1.java:7");
        Table viaIndex = merge(
                table(CREATE, keys("pk", null, null, null), new IndexDefinition("g", GSI, keys("store", "S", null, null))),
                table(ENTITY, keys("pk", null, null, null), new IndexDefinition("h", GSI, keys("store", "N", null, null))));
        assertThat(viaIndex.conflicts()).singleElement().asString().startsWith("key attribute store has type S");
    }

    @Test
    void anIndexOfTheSameNameWithOtherKeysConflicts() {
        Table t = merge(
                table(CREATE, keys("pk", null, null, null), new IndexDefinition("g", GSI, keys("a", null, "b", null))),
                table(ENTITY, keys("pk", null, null, null), new IndexDefinition("g", GSI, keys("c", null, "b", null))));
        assertThat(t.conflicts()).containsExactly("index g: partition key a in create-table a/Schema.java:10 but c in"
                + " mapper-entity b/OrderV1.java:7");
        Table kinds = merge(
                table(CREATE, keys("pk", null, null, null), new IndexDefinition("g", GSI, keys("pk", null, "b", null))),
                table(ENTITY, keys("pk", null, null, null), new IndexDefinition("g", LSI, keys("pk", null, "b", null))));
        assertThat(kinds.conflicts()).containsExactly(
                "index g is global in create-table a/Schema.java:10 but local in mapper-entity b/OrderV1.java:7");
    }

    @Test
    void aBeanGuessesTheIndexKindAndASourceThatSaysItWins() {
        Table t = merge(
                table(BEAN, keys("pk", null, null, null), new IndexDefinition("g", LSI, keys("pk", null, "b", null))),
                table(CREATE, keys("pk", null, null, null), new IndexDefinition("g", GSI, keys("pk", null, "b", null))));
        assertThat(t.conflicts()).isEmpty();
        assertThat(t.globalSecondaryIndexes()).extracting(IndexDefinition::name).containsExactly("g");
        assertThat(t.localSecondaryIndexes()).isEmpty();
    }

    @Test
    void differentNamesAreDifferentTables() {
        List<Table> tables = TableMerger.merge(List.of(table(CREATE, keys("pk", null, null, null)),
                new TableDefinition("Orders", keys("id", null, null, null), List.of(), ENTITY)));
        assertThat(tables).extracting(Table::name).containsExactly("Orders", "orders");
        assertThat(tables).noneMatch(Table::conflicting);
    }
}
