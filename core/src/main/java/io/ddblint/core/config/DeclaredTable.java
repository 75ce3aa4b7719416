package io.ddblint.core.config;

import java.util.List;
import java.util.Map;

/**
 * A table declared in the configuration, for code bases whose tables are created outside the analysed sources
 * (Terraform, the console, another repository).
 *
 * @param sortKey                null for a table without a sort key
 * @param attributeTypes         attribute name to DynamoDB scalar type ({@code S}, {@code N} or {@code B})
 * @param globalSecondaryIndexes GSIs, in declaration order
 * @param localSecondaryIndexes  LSIs, in declaration order; they share the table's partition key
 */
public record DeclaredTable(String name, String partitionKey, String sortKey, Map<String, String> attributeTypes,
                            List<DeclaredIndex> globalSecondaryIndexes, List<DeclaredIndex> localSecondaryIndexes) {

    public DeclaredTable {
        attributeTypes = Map.copyOf(attributeTypes);
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
        localSecondaryIndexes = List.copyOf(localSecondaryIndexes);
    }
}
