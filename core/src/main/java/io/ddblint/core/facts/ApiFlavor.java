package io.ddblint.core.facts;

/** The DynamoDB API a call site goes through. */
public enum ApiFlavor {
    V2_CLIENT("SDK v2 DynamoDbClient"),
    V2_ASYNC_CLIENT("SDK v2 DynamoDbAsyncClient"),
    V2_ENHANCED("SDK v2 enhanced client"),
    V2_ENHANCED_ASYNC("SDK v2 enhanced async client"),
    V1_CLIENT("SDK v1 AmazonDynamoDB"),
    V1_DOCUMENT("SDK v1 document API"),
    V1_MAPPER("SDK v1 DynamoDBMapper");

    private final String display;

    ApiFlavor(String display) {
        this.display = display;
    }

    public String display() {
        return display;
    }

    public boolean isV1() {
        return this == V1_CLIENT || this == V1_DOCUMENT || this == V1_MAPPER;
    }

    public boolean isEnhanced() {
        return this == V2_ENHANCED || this == V2_ENHANCED_ASYNC;
    }
}
