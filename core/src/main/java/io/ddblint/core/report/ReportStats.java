package io.ddblint.core.report;

import io.ddblint.core.AnalysisResult;
import io.ddblint.core.AnalysisStats;

/** Null-safe access to a result's counters, shared by the reporters that print them. */
final class ReportStats {

    private static final AnalysisStats NONE = new AnalysisStats(0, 0, 0, 0, 0);

    private ReportStats() {
    }

    /** The result's stats, or zeros when a front end built a result without them. */
    static AnalysisStats of(AnalysisResult result) {
        return result.stats() == null ? NONE : result.stats();
    }
}
