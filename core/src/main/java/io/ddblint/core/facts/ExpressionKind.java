package io.ddblint.core.facts;

/** The expression parameters of a request, named as DynamoDB's error messages name them. */
public enum ExpressionKind {
    KEY_CONDITION("KeyConditionExpression"),
    FILTER("FilterExpression"),
    PROJECTION("ProjectionExpression"),
    CONDITION("ConditionExpression"),
    UPDATE("UpdateExpression");

    private final String wireName;

    ExpressionKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
