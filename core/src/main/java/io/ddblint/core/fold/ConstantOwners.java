package io.ddblint.core.fold;

import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.java.ProjectIndex;
import io.ddblint.core.java.TypeInfo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The types whose constants call sites refer to but no parsed file declares: the files the scan reads before the
 * model is linked. Lives in extract, beside the scan that uses it, so that extract does not depend on the model.
 */
public final class ConstantOwners {

    /** As deep as the model folds (a constant defined by another constant, and so on). */
    private static final int MAX_DEPTH = 16;

    private ConstantOwners() {
    }

    public static Set<String> missing(ProjectIndex index, List<SymbolicString> strings) {
        Set<String> missing = new LinkedHashSet<>();
        for (SymbolicString s : strings) {
            collectMissing(index, s, missing, 0);
        }
        return missing;
    }

    private static void collectMissing(ProjectIndex index, SymbolicString s, Set<String> out, int depth) {
        if (s == null || depth > MAX_DEPTH) {
            return;
        }
        if (s instanceof SymbolicString.FieldRef f) {
            // Every owner (and supertype) not read from source yet: a jar on the classpath may hold the same class,
            // but only the source has the constant values. The caller keeps the names that are project files.
            for (String owner : f.owners()) {
                index.allSupertypeNames(owner).stream().filter(t -> !index.contains(t)).forEach(out::add);
            }
            for (String owner : f.owners()) {
                Optional<TypeInfo.FieldInfo> field = index.field(owner, f.name());
                if (field.isPresent()) {
                    collectMissing(index, field.get().constant(), out, depth + 1);
                    break;
                }
            }
        } else if (s instanceof SymbolicString.Concat c) {
            c.parts().forEach(p -> collectMissing(index, p, out, depth + 1));
        } else if (s instanceof SymbolicString.Choice c) {
            c.options().forEach(p -> collectMissing(index, p, out, depth + 1));
        }
    }
}
