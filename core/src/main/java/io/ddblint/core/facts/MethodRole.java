package io.ddblint.core.facts;

/** What the member around a call or client creation is for, as far as its declaration tells. */
public enum MethodRole {
    /** None of the below. */
    OTHER,
    /** {@code handleRequest} of a class implementing the AWS Lambda {@code RequestHandler}/{@code RequestStreamHandler}. */
    LAMBDA_HANDLER,
    /** A private method of a Lambda handler class that {@code handleRequest} calls, directly or through others. */
    LAMBDA_HANDLER_HELPER,
    /** A Spring ({@code @RequestMapping}, {@code @GetMapping}...) or JAX-RS ({@code @GET}, {@code @Path}...) method. */
    WEB_HANDLER,
    CONSTRUCTOR,
    /** A static or instance initializer block. */
    INITIALIZER,
    /** A field's initializer. */
    FIELD_INITIALIZER,
    /** A {@code @Bean} (Spring) or {@code @Produces} (CDI) factory method. */
    FACTORY,
    /** {@code public static void main(String[])}. */
    MAIN;

    /** Whether the member runs once per request or invocation of a service. */
    public boolean perRequest() {
        return this == LAMBDA_HANDLER || this == LAMBDA_HANDLER_HELPER || this == WEB_HANDLER;
    }

    /** Whether the member runs once, when the application or object is set up. */
    public boolean setup() {
        return this == CONSTRUCTOR || this == INITIALIZER || this == FIELD_INITIALIZER || this == FACTORY
                || this == MAIN;
    }

    /** The role as a message names it. */
    public String display() {
        return switch (this) {
            case LAMBDA_HANDLER -> "the AWS Lambda handler method";
            case LAMBDA_HANDLER_HELPER -> "a method the AWS Lambda handler calls";
            case WEB_HANDLER -> "a web request handler method";
            case CONSTRUCTOR -> "a constructor";
            case INITIALIZER -> "an initializer";
            case FIELD_INITIALIZER -> "a field initializer";
            case FACTORY -> "a bean factory method";
            case MAIN -> "main";
            case OTHER -> "a method";
        };
    }
}
