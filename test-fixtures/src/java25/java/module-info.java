/**
 * A module declaration next to DynamoDB code: parsed, never a call site. This tree is Java 25 and is analysed, not
 * compiled, by the build (its JDK is 17); it compiles with javac 25.
 */
module io.ddblint.fixtures.java25 {
    requires software.amazon.awssdk.services.dynamodb;
    exports io.ddblint.fixtures.java25;
}
