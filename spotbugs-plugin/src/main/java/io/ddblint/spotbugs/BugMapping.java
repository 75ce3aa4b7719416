package io.ddblint.spotbugs;

import io.ddblint.core.facts.Member;
import org.apache.bcel.classfile.JavaClass;
import org.apache.bcel.classfile.LineNumber;
import org.apache.bcel.classfile.LineNumberTable;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.Type;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Finds the compiled method a finding's {@link Member} names, and the bytecode of its line. */
final class BugMapping {

    private BugMapping() {
    }

    /**
     * The method the member names: by bytecode name, then by parameter types when overloaded, then by the one whose
     * line table holds the finding's line.
     */
    static Optional<Method> method(JavaClass cls, Member member, int line) {
        if (member == null || member.kind() == Member.Kind.TYPE) {
            return Optional.empty();
        }
        String name = member.bytecodeMethodName();
        List<Method> named = Arrays.stream(cls.getMethods()).filter(m -> m.getName().equals(name)).toList();
        if (named.size() <= 1) {
            return named.stream().findFirst();
        }
        List<Method> candidates = named;
        boolean byParameters = member.kind() == Member.Kind.METHOD || member.kind() == Member.Kind.CONSTRUCTOR;
        if (byParameters) {
            List<Method> same = named.stream().filter(m -> parametersMatch(m, member.parameterTypes())).toList();
            if (same.size() == 1) {
                return Optional.of(same.get(0));
            }
            if (!same.isEmpty()) {
                candidates = same;
            }
        }
        // Instance field initializers and initializer blocks are compiled into every constructor: the first that
        // holds the line is as good as any.
        return candidates.stream().filter(m -> hasLine(m, line)).findFirst()
                .or(() -> Optional.of(named.get(0)));
    }

    /**
     * Whether the declared parameters are the last ones of the compiled method's (javac prepends synthetic ones: the
     * outer instance of an inner class, an enum constant's name and ordinal), compared by simple name since the
     * member's types are only qualified where the source's imports tell.
     */
    static boolean parametersMatch(Method method, List<String> declared) {
        Type[] compiled = method.getArgumentTypes();
        if (compiled.length < declared.size()) {
            return false;
        }
        int offset = compiled.length - declared.size();
        for (int i = 0; i < declared.size(); i++) {
            if (!simpleName(compiled[offset + i].toString()).equals(simpleName(declared.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static String simpleName(String type) {
        String t = type.replaceAll("<.*>", "").strip();
        int cut = Math.max(t.lastIndexOf('.'), t.lastIndexOf('$'));
        return t.substring(cut + 1);
    }

    static boolean hasLine(Method method, int line) {
        return pcRange(method, line).isPresent();
    }

    /** The first and last bytecode offsets compiled from the line in this method, if any. */
    static Optional<int[]> pcRange(Method method, int line) {
        LineNumberTable table = method.getLineNumberTable();
        if (table == null) {
            return Optional.empty();
        }
        int first = -1;
        int last = -1;
        for (LineNumber ln : table.getLineNumberTable()) {
            if (ln.getLineNumber() == line) {
                first = first < 0 ? ln.getStartPC() : Math.min(first, ln.getStartPC());
                last = Math.max(last, ln.getStartPC());
            }
        }
        return first < 0 ? Optional.empty() : Optional.of(new int[] {first, last});
    }

    /**
     * Whether the class is the one named after its source file: findings outside members (a dead suppression
     * comment) go there, once per file even when the file declares more top-level classes.
     */
    static boolean isNamedAfterItsFile(JavaClass cls) {
        String file = cls.getSourceFileName();
        String simpleName = cls.getClassName().substring(cls.getClassName().lastIndexOf('.') + 1);
        return file != null && file.equals(simpleName + ".java");
    }
}
