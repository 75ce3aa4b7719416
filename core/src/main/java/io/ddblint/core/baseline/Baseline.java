package io.ddblint.core.baseline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.ddblint.core.AnalysisException;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Finding;
import io.ddblint.core.SuppressedFinding;
import io.ddblint.core.ToolInfo;
import io.ddblint.core.report.ReportOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings a team has accepted, identified by fingerprint, so that adopting ddb-lint on an existing code base fails
 * only on new findings. Fingerprints hold no line numbers (see the rule engine), so the baseline survives edits that
 * move code around. The file is sorted and has no timestamp, so regenerating it gives a reviewable diff.
 *
 * @param entries the accepted findings, sorted by path, rule, member and fingerprint
 */
public record Baseline(List<Entry> entries) {

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::path)
            .thenComparing(Entry::ruleId).thenComparing(Entry::member).thenComparing(Entry::fingerprint);

    public static final int VERSION = 1;
    /** Declared after ORDER, which its construction uses. */
    public static final Baseline EMPTY = new Baseline(List.of());


    /**
     * One accepted finding. Only the fingerprint is matched; the rest is there so a reviewer can read the file.
     */
    public record Entry(String fingerprint, String ruleId, String path, String member, String message) {
    }

    /** The file's layout. */
    record Document(int version, String tool, List<Entry> findings) {
    }

    /** The outcome of {@link #split}: findings still to report, and findings the baseline accepts. */
    public record Split(List<Finding> reported, List<Finding> accepted) {
    }

    public Baseline {
        entries = entries.stream().sorted(ORDER).toList();
    }

    /** A baseline that accepts exactly these findings. */
    public static Baseline of(List<Finding> findings) {
        return new Baseline(findings.stream()
                .map(f -> new Entry(f.fingerprint(), f.ruleId(), f.path(), nullToEmpty(f.member()), f.message()))
                .toList());
    }

    /**
     * What a regenerated baseline accepts after a run: every finding not suppressed in the source, that is the new
     * findings and those the run's baseline already accepted (still found), so regenerating never drops one. The
     * CLI's {@code --write-baseline} and the Maven {@code baseline} goal both write this.
     */
    public static List<Finding> acceptedAfter(AnalysisResult result) {
        List<Finding> accepted = new ArrayList<>(result.findings());
        result.suppressed().stream().filter(s -> s.kind() == SuppressedFinding.Kind.EXTERNAL)
                .forEach(s -> accepted.add(s.finding()));
        return List.copyOf(accepted);
    }

    /**
     * Splits findings into new ones and accepted ones. Matching is by fingerprint as a multiset: an entry accepts one
     * finding, so a finding that appears once more than recorded is new.
     */
    public Split split(List<Finding> findings) {
        if (entries.isEmpty()) {
            return new Split(findings, List.of());
        }
        Map<String, Integer> remaining = new HashMap<>();
        for (Entry e : entries) {
            remaining.merge(e.fingerprint(), 1, Integer::sum);
        }
        List<Finding> reported = new ArrayList<>();
        List<Finding> accepted = new ArrayList<>();
        for (Finding f : findings) {
            Integer left = remaining.get(f.fingerprint());
            if (left != null && left > 0) {
                remaining.put(f.fingerprint(), left - 1);
                accepted.add(f);
            } else {
                reported.add(f);
            }
        }
        return new Split(reported, accepted);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Reads a baseline file.
     *
     * @throws AnalysisException when the file is missing, unreadable or not a ddb-lint baseline
     */
    public static Baseline read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AnalysisException(file + ": baseline file does not exist (create it with --write-baseline)");
        } catch (IOException e) {
            throw new AnalysisException(file + ": cannot read baseline file: " + e.getMessage());
        }
        Document document;
        try {
            document = JsonMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .build()
                    .readValue(bytes, Document.class);
        } catch (JacksonException e) {
            throw new AnalysisException(file + ": not a ddb-lint baseline: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new AnalysisException(file + ": cannot read baseline file: " + e.getMessage());
        }
        if (document == null || !ToolInfo.NAME.equals(document.tool()) || document.findings() == null) {
            throw new AnalysisException(file + ": not a ddb-lint baseline (expected \"tool\": \"" + ToolInfo.NAME
                    + "\" and a \"findings\" list)");
        }
        if (document.version() != VERSION) {
            throw new AnalysisException(file + ": unsupported baseline version " + document.version()
                    + " (this ddb-lint reads version " + VERSION + ")");
        }
        for (Entry e : document.findings()) {
            if (e == null || e.fingerprint() == null || e.fingerprint().isBlank()) {
                throw new AnalysisException(file + ": not a ddb-lint baseline: a finding has no fingerprint");
            }
        }
        return new Baseline(document.findings().stream()
                .map(e -> new Entry(e.fingerprint(), nullToEmpty(e.ruleId()), nullToEmpty(e.path()),
                        nullToEmpty(e.member()), nullToEmpty(e.message())))
                .toList());
    }

    /** Writes the baseline as JSON: sorted, no timestamp, so the same findings give the same bytes. */
    public void write(OutputStream out) throws IOException {
        ReportOutput.writeJson(ReportOutput.jsonWriter(JsonInclude.Include.ALWAYS),
                new Document(VERSION, ToolInfo.NAME, entries), out);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
