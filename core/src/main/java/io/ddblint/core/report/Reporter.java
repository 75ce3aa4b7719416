package io.ddblint.core.report;

import io.ddblint.core.AnalysisResult;

import java.io.IOException;
import java.io.OutputStream;

/** Writes an analysis result in one output format. One small class per format. */
public interface Reporter {

    /** The format name users pass ({@code --format}, {@code formats}). */
    String format();

    /** Conventional file name for this format's report, e.g. {@code ddb-lint.sarif}. */
    String defaultFileName();

    /** Writes the whole report as UTF-8. Does not close the stream. */
    void write(AnalysisResult result, OutputStream out) throws IOException;
}
