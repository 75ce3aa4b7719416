package io.ddblint.core.facts;

import java.util.Map;

/**
 * The Java side of a mapped entity class (enhanced {@code @DynamoDbBean}/{@code @DynamoDbImmutable}, v1
 * {@code @DynamoDBTable}): what the model rules need beyond its keys.
 *
 * @param type          the class, fully qualified
 * @param properties    per attribute name (after {@code @DynamoDbAttribute}/{@code @DynamoDBAttribute} renames), the
 *                      property behind it
 * @param propertyNames per Java property name, the attribute name it is stored as
 * @param location      the class name in its declaration
 */
public record EntityShape(String type, Map<String, Property> properties, Map<String, String> propertyNames,
                          Location location) {

    /**
     * A mapped property (a field).
     *
     * @param javaType    resolved and erased ({@code boolean}, {@code java.lang.Boolean}, {@code com.acme.Status});
     *                    null when unresolved
     * @param elementType for a {@code List}/{@code Set}/{@code Map} of project classes, the element (map value)
     *                    class, fully qualified; else null
     * @param location    the field's declarator
     * @param code        the field declaration, normalized
     */
    public record Property(String javaType, String elementType, Location location, String code) {
    }

    public EntityShape {
        properties = Map.copyOf(properties);
        propertyNames = Map.copyOf(propertyNames);
    }
}
