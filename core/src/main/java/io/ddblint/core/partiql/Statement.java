package io.ddblint.core.partiql;

import java.util.List;
import java.util.Optional;

/**
 * One PartiQL statement as DynamoDB reads it: its verb, the table and index it names, its WHERE condition, its
 * parameters; or where the parse stopped.
 *
 * @param verb       null when the statement does not start with one DynamoDB accepts
 * @param table      the table name, unquoted; null when not reached
 * @param index      the index of {@code FROM "table"."index"}; null when none
 * @param where      the WHERE condition; null when there is none or the parse stopped before or inside it
 * @param hasWhere   whether the statement has a WHERE clause (even one that failed to parse)
 * @param parameters the offsets of the {@code ?} parameters, in order
 * @param error      null when the statement parsed
 */
public record Statement(String text, Verb verb, String table, String index, Condition where, boolean hasWhere,
                        List<Integer> parameters, Error error) {

    public enum Verb {
        SELECT, INSERT, UPDATE, DELETE
    }

    /**
     * Where and why the parse stopped.
     *
     * @param offset  offset of the offending token
     * @param token   the token as written, {@code <EOF>} at the end
     * @param tooDeep the statement nests deeper than ddb-lint follows, not a grammar error
     */
    public record Error(int offset, String token, String message, boolean tooDeep) {
    }

    public Statement {
        parameters = List.copyOf(parameters);
    }

    public Optional<Error> syntaxError() {
        return Optional.ofNullable(error);
    }

    public Optional<Condition> whereCondition() {
        return Optional.ofNullable(where);
    }
}
