// Stand-in for the library type of the same name, which the fixtures do not depend on: just enough of its
// signature for fixture code to compile as real users write it. The analyzer matches it by its qualified name.
package com.amazonaws.services.lambda.runtime;

public interface Context {

    String getAwsRequestId();
}
