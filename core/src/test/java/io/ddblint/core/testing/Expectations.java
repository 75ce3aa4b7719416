package io.ddblint.core.testing;

import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Finding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fixture marker grammar (DESIGN.md "Tests"), checked in both directions. {@code // expect: DDB-P001} at the end
 * of a line expects that finding on the line; alone on a line it expects it on the next code line; a quoted text
 * after an id must appear in the message. Any finding of a checked rule on an unmarked line is a failure.
 */
public final class Expectations {

    private static final Pattern MARKER = Pattern.compile("//\\s*expect:\\s*(.*)$");
    private static final Pattern ITEM = Pattern.compile("(DDB-[A-Z]\\d{3})(?:\\s+\"([^\"]*)\")?");

    private Expectations() {
    }

    /** Every marker in the .java files under {@code dir}, with paths relative to {@code projectRoot}. */
    public static List<Expectation> read(Path projectRoot, Path dir) {
        List<Expectation> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String relative = projectRoot.toAbsolutePath().normalize()
                        .relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/');
                out.addAll(parse(relative, Files.readAllLines(f, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<Expectation> parse(String path, List<String> lines) {
        List<Expectation> out = new ArrayList<>();
        List<Matcher> pending = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = MARKER.matcher(line);
            boolean hasMarker = m.find();
            String code = hasMarker ? line.substring(0, m.start()) : line;
            boolean isCode = !code.isBlank() && !code.trim().startsWith("//") && !code.trim().startsWith("*")
                    && !code.trim().startsWith("/*");
            if (hasMarker && !isCode) {
                pending.add(m);
                continue;
            }
            if (isCode) {
                for (Matcher p : pending) {
                    addItems(out, path, i + 1, p.group(1), lines.get(i));
                }
                pending.clear();
                if (hasMarker) {
                    addItems(out, path, i + 1, m.group(1), line);
                }
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException(path + ": an expect marker on the last lines has no code line after it");
        }
        return out;
    }

    private static void addItems(List<Expectation> out, String path, int line, String spec, String source) {
        Matcher item = ITEM.matcher(spec);
        int count = 0;
        while (item.find()) {
            out.add(new Expectation(path, line, item.group(1), item.group(2)));
            count++;
        }
        if (count == 0) {
            throw new IllegalStateException(path + ":" + line + ": malformed expect marker: " + source.trim());
        }
    }

    /**
     * Compares findings of the given rules with the markers. Returns every mismatch, one per line, so a failing test
     * shows them all at once; empty when findings and markers agree exactly.
     */
    public static List<String> mismatches(AnalysisResult result, List<Expectation> expected, Set<String> ruleIds) {
        List<String> problems = new ArrayList<>();
        List<Finding> findings = result.findings().stream().filter(f -> ruleIds.contains(f.ruleId())).toList();
        List<Finding> unmatched = new ArrayList<>(findings);
        for (Expectation e : expected) {
            if (!ruleIds.contains(e.ruleId())) {
                continue;
            }
            Finding hit = unmatched.stream()
                    .filter(f -> f.path().equals(e.path()) && f.range().line() == e.line()
                            && f.ruleId().equals(e.ruleId()))
                    .findFirst().orElse(null);
            if (hit == null) {
                problems.add("missing:    " + e);
            } else {
                unmatched.remove(hit);
                if (e.text() != null && !hit.message().contains(e.text())) {
                    problems.add("wrong text: " + e + " but message was: " + hit.message());
                }
            }
        }
        for (Finding f : unmatched) {
            problems.add("unexpected: " + f.path() + ":" + f.range().line() + ": " + f.ruleId() + " " + f.message());
        }
        return problems;
    }
}
