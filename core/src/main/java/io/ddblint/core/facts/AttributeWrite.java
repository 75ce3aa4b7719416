package io.ddblint.core.facts;

/**
 * One attribute of a written item and what is written into it.
 *
 * @param attribute the attribute name, or for an entity the Java property name ({@link ItemWrite.Kind#ENTITY})
 * @param location  where the value is written (the map entry, the setter call)
 * @param code      the value as written, normalized, for messages
 */
public record AttributeWrite(String attribute, WrittenValue value, Location location, String code) {
}
