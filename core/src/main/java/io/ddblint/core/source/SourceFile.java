package io.ddblint.core.source;

import io.ddblint.core.facts.SourceKind;

import java.nio.file.Path;

/**
 * A Java file to consider.
 *
 * @param path         absolute, normalized path
 * @param relativePath path relative to the project root with '/' separators (absolute if outside the root)
 * @param root         the source root it was found under, used to index same-package types
 */
public record SourceFile(Path path, String relativePath, Path root, SourceKind kind) {
}
