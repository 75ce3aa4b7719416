package io.ddblint.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** What every reporter writes through: UTF-8, '\n' line ends, and the caller's stream left open. */
public final class ReportOutput {

    private ReportOutput() {
    }

    /**
     * A UTF-8 writer over the caller's stream. Closing it flushes everything but leaves the stream open, so reporters
     * can use try-with-resources and the caller (which may be {@code System.out}) still owns its stream.
     */
    static Writer utf8(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8));
    }

    /**
     * A pretty-printing JSON writer whose output does not depend on the platform: two-space indent, '\n' line
     * ends (Jackson's default indenter uses the system line separator), {@code "key": value}, and {@code []} for
     * empty arrays. It never closes the target.
     */
    public static ObjectWriter jsonWriter(JsonInclude.Include inclusion) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return JsonMapper.builder()
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .defaultPropertyInclusion(JsonInclude.Value.construct(inclusion, inclusion))
                .build()
                .writer(printer);
    }

    /** Writes {@code value} as one JSON document followed by a newline, as text files end. */
    public static void writeJson(ObjectWriter writer, Object value, OutputStream out) throws IOException {
        try (Writer w = utf8(out)) {
            writer.writeValue(w, value);
            w.write('\n');
        }
    }

    private static final class NonClosing extends FilterOutputStream {

        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            // FilterOutputStream writes byte by byte; pass whole chunks through.
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
