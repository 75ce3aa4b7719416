package io.ddblint.core.facts;

import io.ddblint.core.SourceRange;

/**
 * Where a fact is in the project.
 *
 * @param path project-relative path of the file, with '/' separators
 */
public record Location(String path, SourceRange range) {
}
