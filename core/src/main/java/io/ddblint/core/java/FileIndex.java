package io.ddblint.core.java;

import io.ddblint.core.source.Prefilter.ScannedFile;
import io.ddblint.core.source.SourceFile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every discovered file by the fully qualified name of the type it is named after. Built from the prefilter's
 * package scan, so it knows the project's top-level types without parsing them: enough to resolve same-package
 * names and to find the file that declares a constant when a call site needs it.
 */
public final class FileIndex {

    private final Map<String, SourceFile> byPrimaryType;

    public FileIndex(List<ScannedFile> files) {
        Map<String, SourceFile> map = new HashMap<>();
        for (ScannedFile f : files) {
            map.putIfAbsent(f.primaryTypeName(), f.file());
        }
        this.byPrimaryType = Map.copyOf(map);
    }

    public boolean hasType(String fqn) {
        return byPrimaryType.containsKey(fqn);
    }

    /** The file declaring {@code fqn}, also for a nested type ({@code a.b.Outer.Inner} is in {@code Outer.java}). */
    public Optional<SourceFile> fileDeclaring(String fqn) {
        String name = fqn;
        while (true) {
            SourceFile f = byPrimaryType.get(name);
            if (f != null) {
                return Optional.of(f);
            }
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            name = name.substring(0, dot);
        }
    }
}
