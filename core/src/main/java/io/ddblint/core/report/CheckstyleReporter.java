package io.ddblint.core.report;

import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Finding;
import io.ddblint.core.SourceRange;
import io.ddblint.core.ToolInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checkstyle's XML report format, which CI tools read without knowing ddb-lint (reviewdog {@code -f=checkstyle},
 * Jenkins Warnings NG {@code checkStyle()}). Written by hand rather than with {@code XMLStreamWriter}, which leaves
 * control characters and line breaks in attributes as they are: the first makes the XML unreadable, the second turns
 * into a space when read back.
 */
public final class CheckstyleReporter implements Reporter {

    /** Checkstyle's {@code source} is the check that reported; ours names the rule, as the Maven prototype did. */
    static final String SOURCE_PREFIX = "ddb-lint.";
    static final String PROBLEM_SOURCE = SOURCE_PREFIX + "problem";

    private final String toolVersion;

    public CheckstyleReporter() {
        this(ToolInfo.VERSION);
    }

    /** For golden-file tests, whose expected output must not change with the build's version. */
    CheckstyleReporter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public String format() {
        return "checkstyle";
    }

    @Override
    public String defaultFileName() {
        return "ddb-lint-checkstyle.xml";
    }

    @Override
    public void write(AnalysisResult result, OutputStream out) throws IOException {
        Map<String, List<Entry>> byFile = new TreeMap<>();
        for (Finding f : result.findings()) {
            byFile.computeIfAbsent(fileName(result.projectRoot(), f.path()), k -> new ArrayList<>())
                    .add(new Entry(f.range(), f.severity().lowerCase(), f.message(), SOURCE_PREFIX + f.ruleId()));
        }
        for (AnalysisProblem p : result.problems()) {
            // A problem is not a finding about the code, so it never outranks one: always a warning.
            byFile.computeIfAbsent(fileName(result.projectRoot(), p.path()), k -> new ArrayList<>())
                    .add(new Entry(p.range(), "warning", p.message(), PROBLEM_SOURCE));
        }
        try (Writer w = ReportOutput.utf8(out)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            w.write("<checkstyle version=\"" + escape(toolVersion) + "\">\n");
            for (Map.Entry<String, List<Entry>> file : byFile.entrySet()) {
                w.write("<file name=\"" + escape(file.getKey()) + "\">\n");
                List<Entry> entries = new ArrayList<>(file.getValue());
                entries.sort((a, b) -> range(a.range()).compareTo(range(b.range()))); // stable: findings first
                for (Entry e : entries) {
                    writeError(w, e);
                }
                w.write("</file>\n");
            }
            w.write("</checkstyle>\n");
        }
    }

    private record Entry(SourceRange range, String severity, String message, String source) {
    }

    private static void writeError(Writer w, Entry e) throws IOException {
        SourceRange r = range(e.range());
        StringBuilder b = new StringBuilder("<error line=\"").append(r.line()).append('"');
        if (r.column() > 0) { // Checkstyle leaves out an unknown column rather than writing 0
            b.append(" column=\"").append(r.column()).append('"');
        }
        b.append(" severity=\"").append(e.severity()).append('"')
                .append(" message=\"").append(escape(e.message() == null ? "" : e.message())).append('"')
                .append(" source=\"").append(escape(e.source())).append("\"/>\n");
        w.write(b.toString());
    }

    /**
     * Checkstyle writes absolute file names and the tools that read its XML expect them (reviewdog makes them
     * relative to the repository itself). Problems tied to no file are listed under the project root.
     */
    static String fileName(Path projectRoot, String path) {
        if (projectRoot == null) {
            return path == null ? ReportText.NO_PATH : path;
        }
        return path == null ? projectRoot.toString() : projectRoot.resolve(path).normalize().toString();
    }

    /**
     * Escapes text for an attribute value. Tab, line feed and carriage return become character references so they
     * survive attribute normalization; other characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF, lone
     * surrogates) cannot be written even as references and become U+FFFD.
     */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\t' -> b.append("&#9;");
                case '\n' -> b.append("&#10;");
                case '\r' -> b.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        b.append(c).append(text.charAt(++i));
                    } else if (c < 0x20 || c == 0xFFFE || c == 0xFFFF || Character.isSurrogate(c)) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static SourceRange range(SourceRange range) {
        return range == null ? SourceRange.UNKNOWN : range;
    }
}
