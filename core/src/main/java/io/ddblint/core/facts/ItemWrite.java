package io.ddblint.core.facts;

import java.util.List;

/**
 * One item a write call site writes: a PutItem item, an UpdateItem key, a put of a transaction or batch, a saved
 * entity object. Reads (Query values, GetItem and DeleteItem keys) are never item writes.
 *
 * @param site       the write call site, whose linked table this item goes to unless {@code table} is set
 * @param table      the table a batch or transaction entry names; null for the call site's own table
 * @param attributes the attributes seen written
 * @param complete   true when every attribute of the item was seen, so an attribute not listed is not written here;
 *                   false when part of the item could not be read (built elsewhere, an UpdateItem's SET actions)
 */
public record ItemWrite(Location site, Kind kind, SymbolicString table, List<AttributeWrite> attributes,
                        boolean complete) {

    public enum Kind {
        /** An attribute value map, a document {@code Item}: attribute names as stored. */
        ITEM,
        /** An UpdateItem key: the key attributes only. */
        UPDATE_KEY,
        /** A mapped entity object: Java property names, mapped to attributes by the entity's annotations. */
        ENTITY
    }

    public ItemWrite {
        attributes = List.copyOf(attributes);
    }
}
