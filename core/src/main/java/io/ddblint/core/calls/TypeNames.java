package io.ddblint.core.calls;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import io.ddblint.core.java.FileContext;

import java.util.Optional;

/**
 * Whether a type name as written means a given well-known library type ({@code java.util.List}, Spring's
 * {@code @GetMapping}): through the file's resolution, or, where only a wildcard import can supply the name, through
 * a wildcard import of the type's own package. The file resolver alone cannot decide the second case without the
 * library on the classpath: with {@code import java.util.*} and an SDK wildcard import it takes {@code List} for an
 * SDK model type.
 */
final class TypeNames {

    private TypeNames() {
    }

    static boolean means(FileContext file, String written, Node at, String fqn) {
        Optional<String> resolved = file.resolveName(written, at);
        if (resolved.isPresent() && resolved.get().equals(fqn)) {
            return true;
        }
        if (written.contains(".") || !fqn.endsWith("." + written)) {
            return written.equals(fqn);
        }
        String pkg = fqn.substring(0, fqn.length() - written.length() - 1);
        boolean wildcard = false;
        for (ImportDeclaration i : file.unit().getImports()) {
            if (i.isStatic()) {
                continue;
            }
            if (!i.isAsterisk() && i.getName().getIdentifier().equals(written)) {
                return false; // a single-type import of another type of that name wins
            }
            wildcard |= i.isAsterisk() && i.getNameAsString().equals(pkg);
        }
        boolean declaredHere = file.unit().getTypes().stream().anyMatch(t -> t.getNameAsString().equals(written));
        return (wildcard || pkg.equals("java.lang")) && !declaredHere;
    }
}
