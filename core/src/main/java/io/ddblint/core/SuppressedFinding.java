package io.ddblint.core;

/**
 * A finding that was found but not reported: kept in the result so reports can count and list it (SARIF
 * {@code suppressions}), instead of silently dropping it.
 *
 * @param justification why, when known: the reason written after a {@code // ddb-lint:ignore}, or a note that the
 *                      baseline accepts it; null for an annotation
 */
public record SuppressedFinding(Finding finding, Kind kind, String justification) {

    /** Where the suppression lives, in SARIF's words. */
    public enum Kind {
        /** A {@code @SuppressWarnings} or {@code // ddb-lint:ignore} in the source. */
        IN_SOURCE("inSource"),
        /** Outside the source: the baseline file. */
        EXTERNAL("external");

        private final String sarifName;

        Kind(String sarifName) {
            this.sarifName = sarifName;
        }

        public String sarifName() {
            return sarifName;
        }
    }
}
