package io.ddblint.core;

import java.nio.file.Path;

/**
 * A directory (or single file) of Java sources to analyse.
 *
 * @param kind MAIN or TEST when the host knows (the Maven plugin does); AUTO to classify each file by its path
 *             (Maven/Gradle layout {@code src/<set>/java}, else the RULES.md heuristics)
 */
public record SourceRoot(Path path, Kind kind) {

    public enum Kind { MAIN, TEST, AUTO }

    public static SourceRoot main(Path path) {
        return new SourceRoot(path, Kind.MAIN);
    }

    public static SourceRoot test(Path path) {
        return new SourceRoot(path, Kind.TEST);
    }

    public static SourceRoot auto(Path path) {
        return new SourceRoot(path, Kind.AUTO);
    }
}
