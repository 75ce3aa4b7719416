package io.ddblint.core.facts;

import io.ddblint.core.SourceRange;

import java.util.List;

/**
 * One element of a TransactWriteItems request: a v2 {@code TransactWriteItem.builder().put(..).build()} or v1
 * {@code new TransactWriteItem().withUpdate(..)} seen in the request's item list.
 *
 * @param kinds     the actions this one element sets, in the code's order; DynamoDB takes exactly one
 * @param tableName the table of the (last) action
 * @param key       the key of an update, delete or condition check
 * @param item      the item of a put
 * @param range     where the element is written
 * @param code      the element's code, shortened, for messages
 */
public record TransactAction(List<Kind> kinds, Value<SymbolicString> tableName, Value<AttributeMap> key,
                             Value<AttributeMap> item, SourceRange range, String code) {

    /** The four actions of a TransactWriteItem. */
    public enum Kind {
        CONDITION_CHECK, PUT, UPDATE, DELETE
    }

    public TransactAction {
        kinds = List.copyOf(kinds);
    }
}
