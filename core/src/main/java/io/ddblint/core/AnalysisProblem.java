package io.ddblint.core;

import java.util.Comparator;

/**
 * Something that kept part of the input from being analysed: a file that does not parse, cannot be read, or made
 * the analyzer fail. Problems are reported next to findings; they never abort the run.
 *
 * @param path project-relative path, or null for problems not tied to one file
 */
public record AnalysisProblem(Kind kind, String path, SourceRange range, String message) {

    public enum Kind { READ_ERROR, PARSE_ERROR, ANALYSIS_ERROR, CONFIGURATION }

    public static final Comparator<AnalysisProblem> ORDER = Comparator
            .comparing((AnalysisProblem p) -> p.path() == null ? "" : p.path())
            .thenComparing(AnalysisProblem::range)
            .thenComparing(AnalysisProblem::message);
}
