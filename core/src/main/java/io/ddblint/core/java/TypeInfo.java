package io.ddblint.core.java;

import io.ddblint.core.facts.SymbolicString;

import java.util.List;
import java.util.Map;

/**
 * Declaration facts of one project type: what the resolver needs from files other than the one it is in.
 *
 * @param supertypes      resolved superclass and interfaces (unresolved ones are left out)
 * @param fields          by name
 * @param methods         by name; overloads listed
 * @param mapperTableName v1 {@code @DynamoDBTable(tableName = ...)}, or null
 */
public record TypeInfo(String name, List<String> supertypes, Map<String, FieldInfo> fields,
                       Map<String, List<MethodInfo>> methods, SymbolicString mapperTableName) {

    public TypeInfo {
        supertypes = List.copyOf(supertypes);
        fields = Map.copyOf(fields);
        methods = Map.copyOf(methods);
    }

    /**
     * @param type        resolved declared type, or null
     * @param constant    the initializer when the field is final and has one, folded symbolically; else null
     * @param visible     not private: other files can reach it
     */
    public record FieldInfo(String name, String type, boolean isStatic, SymbolicString constant, boolean visible) {
    }

    /** @param returnType resolved return type, or null */
    public record MethodInfo(String name, int arity, String returnType, boolean isStatic, boolean visible) {
    }
}
