// Stand-in for the library type of the same name, which the fixtures do not depend on: just enough of its
// signature for fixture code to compile as real users write it. The analyzer matches it by its qualified name.
package javax.enterprise.inject;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

@Retention(RetentionPolicy.RUNTIME)
public @interface Produces {
}
