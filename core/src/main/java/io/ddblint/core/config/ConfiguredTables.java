package io.ddblint.core.config;

import io.ddblint.core.SourceRange;
import io.ddblint.core.facts.Location;
import io.ddblint.core.model.IndexDefinition;
import io.ddblint.core.model.KeyAttribute;
import io.ddblint.core.model.KeySchema;
import io.ddblint.core.model.ModelSource;
import io.ddblint.core.model.TableDefinition;

import java.util.ArrayList;
import java.util.List;

/**
 * The tables declared in {@code ddb-lint.yml}, as one more source of the model. Lives beside the configuration, not
 * in the model, so that the model never depends on the configuration (which depends on the rule API).
 */
public final class ConfiguredTables {

    /** Where configured tables are said to be defined: the configuration file at the project root. */
    static final String CONFIG_PATH = "ddb-lint.yml";

    private ConfiguredTables() {
    }

    public static List<TableDefinition> definitions(Configuration config) {
        List<TableDefinition> out = new ArrayList<>();
        for (DeclaredTable t : config.tables()) {
            ModelSource source = new ModelSource(ModelSource.Kind.CONFIGURATION,
                    new Location(CONFIG_PATH, SourceRange.at(1, 1)), t.name(), null, "tables: " + t.name());
            List<IndexDefinition> indexes = new ArrayList<>();
            for (DeclaredIndex i : t.globalSecondaryIndexes()) {
                indexes.add(new IndexDefinition(i.name(), IndexDefinition.Kind.GLOBAL, keys(t, i.partitionKey(),
                        i.sortKey())));
            }
            for (DeclaredIndex i : t.localSecondaryIndexes()) {
                indexes.add(new IndexDefinition(i.name(), IndexDefinition.Kind.LOCAL, keys(t, t.partitionKey(),
                        i.sortKey())));
            }
            out.add(new TableDefinition(t.name(), keys(t, t.partitionKey(), t.sortKey()), indexes, source));
        }
        return out;
    }

    private static KeySchema keys(DeclaredTable t, String partitionKey, String sortKey) {
        return new KeySchema(attribute(t, partitionKey), sortKey == null ? null : attribute(t, sortKey));
    }

    private static KeyAttribute attribute(DeclaredTable t, String name) {
        return new KeyAttribute(name, t.attributeTypes().get(name));
    }
}
