package io.ddblint.core.source;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The directory a file's packages start from ({@code src/main/java} for {@code src/main/java/a/b/C.java} in package
 * {@code a.b}), taken only where the file's directories spell its package. A file whose {@code package} line has more
 * segments than its directories (a mutated file, a sources jar with a stray file at its top, a file being typed) would
 * otherwise point above the tree, up to {@code /}, and whatever then walks that "root" walks the whole disk.
 */
public final class PackageRoot {

    private PackageRoot() {
    }

    public static Optional<Path> of(Path file, String packageName) {
        Path dir = file.toAbsolutePath().normalize().getParent();
        String[] segments = packageName.isEmpty() ? new String[0] : packageName.split("\\.");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (dir == null || dir.getFileName() == null || !dir.getFileName().toString().equals(segments[i])) {
                return Optional.empty();
            }
            dir = dir.getParent();
        }
        return Optional.ofNullable(dir);
    }
}
