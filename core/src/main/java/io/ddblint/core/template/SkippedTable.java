package io.ddblint.core.template;

/**
 * A DynamoDB table resource of a template that is left out of the model because what it says cannot be known
 * without deploying it: a name built with {@code !Sub} or {@code !Ref}, a key chosen by {@code !If}. Counted, never
 * guessed.
 *
 * @param logicalId the resource's logical id
 * @param type      its resource type, {@code AWS::DynamoDB::Table} say
 * @param reason    what could not be known, in words
 */
public record SkippedTable(String path, int line, String logicalId, String type, String reason) {
}
