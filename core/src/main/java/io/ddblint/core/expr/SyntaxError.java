package io.ddblint.core.expr;

/**
 * Where a parse stopped.
 *
 * @param offset        offset of the offending token in the expression
 * @param token         the token as written ({@code <EOF>} at the end), as DynamoDB's message quotes it
 * @param near          the tokens around it, as DynamoDB's {@code near:} shows them
 * @param keywordAsName the token is a grammar keyword ({@code REMOVE}, {@code SET}, ...) standing where an attribute
 *                      name could: a reserved word to the user, a syntax error to DynamoDB
 * @param tooDeep       the parse stopped at ddb-lint's nesting cap, not at a grammar error
 */
public record SyntaxError(int offset, String token, String near, boolean keywordAsName, boolean tooDeep) {

    /** DynamoDB's wording, without the {@code Invalid XxxExpression: } prefix. */
    public String message() {
        return "Syntax error; token: \"" + token + "\", near: \"" + near + "\"";
    }
}
