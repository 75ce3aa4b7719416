package it;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Two Scans, each suppressed in the source: a comment with a reason and an annotation by rule name. */
public class ReportRepository {

    private final DynamoDbClient dynamoDb;

    public ReportRepository(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    public ScanResponse nightlyExport() {
        return dynamoDb.scan(r -> r.tableName("orders")); // ddb-lint:ignore DDB-P001 nightly export, off-peak
    }

    @SuppressWarnings("ddb-lint:ScanInProductionCode")
    public ScanResponse adminScreen() {
        return dynamoDb.scan(r -> r.tableName("audit"));
    }
}
