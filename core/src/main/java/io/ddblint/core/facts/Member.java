package io.ddblint.core.facts;

import java.util.List;

/**
 * The member of the compiled code a call site sits in, named the way a bytecode front end (SpotBugs) sees classes
 * and methods, so it can map a finding to its class and method without parsing strings.
 *
 * <p>Code in a lambda body belongs to the member that declares the lambda: javac moves it into a synthetic
 * {@code lambda$name$N} method, which this does not name.
 *
 * @param binaryClassName the class as the JVM names it: {@code a.Outer$Inner}, anonymous classes
 *                        {@code a.Outer$1}, local classes {@code a.Outer$1Local}
 * @param kind            what sort of member it is; tells a field initializer from a method of the same name
 * @param methodName      the method's name, {@code <init>} for constructors and instance initializers,
 *                        {@code <clinit>} for static initializers, the field's (or enum constant's) name for
 *                        code in a field initializer
 * @param parameterTypes  the declared parameter types' erasures, fully qualified where the file's imports tell
 *                        ({@code java.lang.String}, nested types as {@code a.Outer.Inner}), else as written;
 *                        arrays and varargs as {@code T[]}, primitives as written
 */
public record Member(String binaryClassName, Kind kind, String methodName, List<String> parameterTypes) {

    public Member {
        parameterTypes = List.copyOf(parameterTypes);
    }

    /** Where in a class the code sits. */
    public enum Kind {
        METHOD,
        CONSTRUCTOR,
        /** An instance initializer block: compiled into every constructor. */
        INSTANCE_INITIALIZER,
        /** A static initializer block: compiled into {@code <clinit>}. */
        STATIC_INITIALIZER,
        /** An instance field's initializer: compiled into every constructor. */
        INSTANCE_FIELD,
        /** A static field's (or enum constant's) initializer: compiled into {@code <clinit>}. */
        STATIC_FIELD,
        /** Code in a class but in none of the above; valid Java has none that calls DynamoDB. */
        TYPE
    }

    /** The method the JVM runs the code in: field initializers run in {@code <init>} or {@code <clinit>}. */
    public String bytecodeMethodName() {
        return switch (kind) {
            case INSTANCE_FIELD, INSTANCE_INITIALIZER -> "<init>";
            case STATIC_FIELD, STATIC_INITIALIZER -> "<clinit>";
            default -> methodName;
        };
    }
}
