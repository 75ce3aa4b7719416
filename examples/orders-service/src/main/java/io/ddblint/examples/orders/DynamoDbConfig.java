package io.ddblint.examples.orders;

import java.net.URI;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the DynamoDB clients once, at start-up; everything else receives them. Set DYNAMODB_ENDPOINT
 * (for example http://localhost:8000) to run against DynamoDB Local.
 */
public final class DynamoDbConfig implements AutoCloseable {

    private final DynamoDbClient client;
    private final DynamoDbEnhancedClient enhancedClient;

    public DynamoDbConfig(Region region, URI endpointOverride) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().region(region);
        if (endpointOverride != null) {
            builder.endpointOverride(endpointOverride);
        }
        this.client = builder.build();
        this.enhancedClient = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }

    public static DynamoDbConfig fromEnvironment() {
        Region region = Region.of(System.getenv().getOrDefault("AWS_REGION", "eu-west-1"));
        String endpoint = System.getenv("DYNAMODB_ENDPOINT");
        return new DynamoDbConfig(region, endpoint == null ? null : URI.create(endpoint));
    }

    public DynamoDbClient client() {
        return client;
    }

    public DynamoDbEnhancedClient enhancedClient() {
        return enhancedClient;
    }

    @Override
    public void close() {
        client.close();
    }
}
