// Stand-in for the library type of the same name, which the fixtures do not depend on: just enough of its
// signature for fixture code to compile as real users write it. The analyzer matches it by its qualified name.
package com.amazonaws.services.lambda.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

public interface RequestStreamHandler {

    void handleRequest(InputStream input, OutputStream output, Context context) throws IOException;
}
