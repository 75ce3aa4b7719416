package io.ddblint.core.facts;

import java.util.List;
import java.util.Map;

/**
 * The project's key-value evidence, gathered from every file while its AST was alive: the items its write calls
 * write, the attribute names its requests' {@code #placeholders} stand for, and the shapes of its mapped entities
 * and enums.
 *
 * @param writes        every item write seen
 * @param names         per call site, the expression attribute names whose values are constants
 *                      ({@code "#s" -> "status"})
 * @param entities      per mapped entity class (fully qualified), its shape
 * @param enumConstants per enum declared in a parsed file (fully qualified), how many constants it declares
 */
public record WriteEvidence(List<ItemWrite> writes, Map<Location, Map<String, SymbolicString>> names,
                            Map<String, EntityShape> entities, Map<String, Integer> enumConstants) {

    public static final WriteEvidence NONE = new WriteEvidence(List.of(), Map.of(), Map.of(), Map.of());

    public WriteEvidence {
        writes = List.copyOf(writes);
        names = Map.copyOf(names);
        entities = Map.copyOf(entities);
        enumConstants = Map.copyOf(enumConstants);
    }
}
