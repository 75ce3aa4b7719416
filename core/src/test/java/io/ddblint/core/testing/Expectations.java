package io.ddblint.core.testing;

import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Finding;
import io.ddblint.core.rule.BuiltInRules;
import io.ddblint.core.rule.RuleDescriptor;
import io.ddblint.core.rule.RuleRegistry;
import io.ddblint.core.template.YamlComments;

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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fixture marker grammar (DESIGN.md "Tests"), checked in both directions, for Java sources and for templates. {@code // expect: DDB-P001} at the end
 * of a line expects that finding on the line; alone on a line it expects it on the next code line; a quoted text
 * after an id must appear in the message. Any finding of a checked rule on an unmarked line is a failure.
 *
 * <p>The grammar is strict: whatever looks like a marker but cannot mean one (a malformed or unknown id, anything
 * else after {@code expect:}, an unterminated quote, a marker in a string, text block or block comment or in the
 * middle of a comment, a marker with no code line after it) fails the read, naming file and line. A lenient reader
 * would drop such a marker silently, and then the negative case it guards proves nothing.
 *
 * <p>Templates, where model rules report at a table's resource: in a YAML template ({@code .yaml}, {@code .yml}) the
 * marker is a {@code # expect: DDB-M005} comment, at the end of a line or alone on the line above, with the same
 * items and the same strictness (a marker inside a quoted or block scalar, or in the middle of a comment, fails). JSON
 * has no comments, so a JSON template {@code x.json} takes its markers from a sidecar file {@code x.json.expect}: one
 * {@code LINE: DDB-M005 ["text"]} per line, {@code #} comments and blank lines allowed. A JSON template without a
 * sidecar expects no finding at all.
 */
public final class Expectations {

    /** A marker opens its line comment; {@code //expect:} is accepted as well as {@code // expect:}. */
    private static final Pattern MARKER = Pattern.compile("//\\s*expect:");
    /** What was meant as a marker: the exact one, or a misspelling of it followed by a rule id. */
    private static final Pattern MEANT_AS_MARKER =
            Pattern.compile("//\\s*expect:|(?i)//\\s*expect\\w*\\s*:?(?=\\s*ddb-)");
    /** The categories of RULES.md: performance, correctness, security, data model, and the built-in X. */
    private static final Pattern RULE_ID = Pattern.compile("DDB-[PCSMX]\\d{3}");
    private static final Pattern ANY_CATEGORY_ID = Pattern.compile("DDB-[A-Z]\\d{3}");
    private static final Pattern LOWER_CASE_ID = Pattern.compile("(?i)ddb-[a-z]\\d{3}");

    /** The result of reading one file: its markers, and what in it could not be read as markers. */
    record Parsed(List<Expectation> expectations, List<String> errors) {
    }

    private Expectations() {
    }

    /**
     * Every marker in the .java files under {@code dir}, with paths relative to {@code projectRoot}.
     *
     * @throws IllegalStateException listing every marker, in every file, that cannot be read
     */
    public static List<Expectation> read(Path projectRoot, Path dir) {
        List<Expectation> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> markerFile(p.toString())).sorted().toList()) {
                String relative = projectRoot.toAbsolutePath().normalize()
                        .relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/');
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                Parsed parsed;
                if (relative.endsWith(".java")) {
                    parsed = parse(relative, lines);
                } else if (relative.endsWith(SIDECAR)) {
                    parsed = parseSidecar(relative.substring(0, relative.length() - SIDECAR.length()), lines);
                } else {
                    parsed = parseYaml(relative, lines);
                }
                out.addAll(parsed.expectations());
                errors.addAll(parsed.errors());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Unreadable expect markers:\n" + String.join("\n", errors));
        }
        return out;
    }

    /** The sidecar of a JSON template: {@code stack.json.expect} holds the markers of {@code stack.json}. */
    public static final String SIDECAR = ".expect";

    /** A YAML marker opens its comment; {@code #expect:} is accepted as well as {@code # expect:}. */
    private static final Pattern YAML_MARKER = Pattern.compile("#\\s*expect:");
    private static final Pattern YAML_MEANT_AS_MARKER =
            Pattern.compile("#\\s*expect:|(?i)#\\s*expect\\w*\\s*:?(?=\\s*ddb-)");
    private static final Pattern SIDECAR_LINE = Pattern.compile("(\\d+):(.*)");

    private static boolean markerFile(String name) {
        return name.endsWith(".java") || name.endsWith(".yaml") || name.endsWith(".yml")
                || name.endsWith(".json" + SIDECAR);
    }

    /** The markers of a YAML template: {@code # expect:} comments, found as ddb-lint finds its ignore comments. */
    static Parsed parseYaml(String path, List<String> lines) {
        List<Expectation> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Marker> pending = new ArrayList<>();
        String[] text = lines.toArray(String[]::new);
        int[] comments = YamlComments.commentStarts(text);
        for (int i = 0; i < text.length; i++) {
            String line = text[i];
            String where = path + ":" + (i + 1) + ": ";
            Marker marker = null;
            Matcher m = YAML_MEANT_AS_MARKER.matcher(line);
            while (m.find()) {
                if (comments[i] < 0 || m.start() < comments[i]) {
                    errors.add(where + "an expect marker inside a value is not a marker: " + line.strip());
                } else if (m.start() > comments[i]) {
                    errors.add(where + "an expect marker in the middle of a comment is not a marker: "
                            + line.strip());
                } else if (!YAML_MARKER.matcher(line).region(m.start(), line.length()).lookingAt()) {
                    errors.add(where + "malformed expect marker, write `# expect: DDB-M005`: " + line.strip());
                } else {
                    marker = new Marker(i + 1, line, line.substring(m.end()));
                }
            }
            boolean content = !YamlComments.isCommentOrBlank(line, comments[i]);
            if (marker != null && !content) {
                pending.add(marker);
                continue;
            }
            if (content) {
                for (Marker p : pending) {
                    addItems(out, errors, path, i + 1, p);
                }
                pending.clear();
                if (marker != null) {
                    addItems(out, errors, path, i + 1, marker);
                }
            }
        }
        for (Marker p : pending) {
            errors.add(path + ":" + p.line() + ": an expect marker on a line of its own has no content line after"
                    + " it: " + p.source().strip());
        }
        return new Parsed(out, errors);
    }

    /** The markers of a JSON template, from its sidecar: {@code LINE: DDB-M005 ["text"]} lines. */
    static Parsed parseSidecar(String templatePath, List<String> lines) {
        List<Expectation> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SIDECAR_LINE.matcher(line);
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
                errors.add(templatePath + SIDECAR + ":" + (i + 1) + ": write `LINE: DDB-M005 [\"text\"]`: " + line);
                continue;
            }
            addItems(out, errors, templatePath, Integer.parseInt(m.group(1)), new Marker(i + 1, line, m.group(2)));
        }
        return new Parsed(out, errors);
    }

    /** The ids a fixture marker may name: every registered rule's and the built-in ones (DDB-X001). */
    public static Set<String> ruleIds(RuleRegistry registry) {
        return Stream.concat(registry.descriptors().stream(), BuiltInRules.all().stream())
                .map(RuleDescriptor::id).collect(Collectors.toSet());
    }

    static Parsed parse(String path, List<String> lines) {
        List<Expectation> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Marker> pending = new ArrayList<>();
        JavaLexer lexer = new JavaLexer();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = path + ":" + (i + 1) + ": ";
            JavaLexer.Line lexed = lexer.next(line);
            Marker marker = null;
            Matcher m = MEANT_AS_MARKER.matcher(line);
            while (m.find()) {
                String misplaced = misplaced(lexed, m.start());
                if (misplaced != null) {
                    errors.add(where + "an expect marker " + misplaced + " is not a marker: " + line.strip());
                } else if (!MARKER.matcher(line).region(m.start(), line.length()).lookingAt()) {
                    errors.add(where + "malformed expect marker, write `// expect: DDB-P001`: " + line.strip());
                } else {
                    marker = new Marker(i + 1, line, line.substring(m.end()));
                }
            }
            if (marker != null && !lexed.hasCode()) {
                pending.add(marker);
                continue;
            }
            if (lexed.hasCode()) {
                for (Marker p : pending) {
                    addItems(out, errors, path, i + 1, p);
                }
                pending.clear();
                if (marker != null) {
                    addItems(out, errors, path, i + 1, marker);
                }
            }
        }
        for (Marker p : pending) {
            errors.add(path + ":" + p.line() + ": an expect marker on a line of its own has no code line after it: "
                    + p.source().strip());
        }
        return new Parsed(out, errors);
    }

    /** Why a marker-like text at {@code index} is not a marker, or null when it opens a real line comment. */
    private static String misplaced(JavaLexer.Line lexed, int index) {
        return switch (lexed.regionAt(index)) {
            case STRING -> "inside a string literal";
            case TEXT_BLOCK -> "inside a text block";
            case BLOCK_COMMENT -> "inside a block comment";
            case LINE_COMMENT -> index == lexed.lineCommentStart() ? null : "in the middle of a comment";
            case CODE -> throw new IllegalStateException("'//' outside a comment at " + index);
        };
    }

    /** One marker as written: its own line, the source line, and what follows {@code expect:}. */
    private record Marker(int line, String source, String items) {
    }

    /** Reads {@code id ["text"] id ["text"] ...}, all of it: anything else fails, naming the marker's line. */
    private static void addItems(List<Expectation> out, List<String> errors, String path, int target, Marker marker) {
        String where = path + ":" + marker.line() + ": ";
        String spec = marker.items();
        List<Expectation> items = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < spec.length() && Character.isWhitespace(spec.charAt(i))) {
                i++;
            }
            if (i == spec.length()) {
                break;
            }
            String error;
            if (spec.charAt(i) == '"') {
                int close = spec.indexOf('"', i + 1);
                Expectation last = items.isEmpty() ? null : items.get(items.size() - 1);
                if (close < 0) {
                    error = "unterminated quoted text";
                } else if (last == null || last.text() != null) {
                    error = "a quoted text must follow a rule id";
                } else if (close == i + 1) {
                    error = "an empty quoted text";
                } else if (close + 1 < spec.length() && !Character.isWhitespace(spec.charAt(close + 1))) {
                    error = "text right after the closing quote";
                } else {
                    items.set(items.size() - 1, new Expectation(path, target, last.ruleId(), spec.substring(i + 1,
                            close)));
                    i = close + 1;
                    continue;
                }
            } else {
                int end = i;
                while (end < spec.length() && !Character.isWhitespace(spec.charAt(end))) {
                    end++;
                }
                String token = spec.substring(i, end);
                if (RULE_ID.matcher(token).matches()) {
                    items.add(new Expectation(path, target, token, null));
                    i = end;
                    continue;
                }
                error = idError(token);
            }
            errors.add(where + error + ": " + marker.source().strip());
            return;
        }
        if (items.isEmpty()) {
            errors.add(where + "an expect marker that names no rule: " + marker.source().strip());
        }
        out.addAll(items);
    }

    private static String idError(String token) {
        if (LOWER_CASE_ID.matcher(token).matches() && !ANY_CATEGORY_ID.matcher(token).matches()) {
            return "rule id '" + token + "' must be upper case";
        }
        if (ANY_CATEGORY_ID.matcher(token).matches()) {
            return "unknown rule id '" + token + "': no category " + token.charAt(4) + " (P, C, S, M or X)";
        }
        if (token.regionMatches(true, 0, "DDB-", 0, 4)) {
            return "malformed rule id '" + token + "': DDB-, a category letter and three digits";
        }
        return "'" + token + "' is neither a rule id nor a quoted text";
    }

    /**
     * Compares findings of the given rules with the markers. Returns every mismatch, one per line, so a failing test
     * shows them all at once; empty when findings and markers agree exactly. A marker naming a rule outside
     * {@code ruleIds} is a mismatch too: a marker for a rule that does not run can never be met.
     *
     * @param ruleIds the rules of the run, whose findings are checked: see {@link #ruleIds(RuleRegistry)}
     */
    public static List<String> mismatches(AnalysisResult result, List<Expectation> expected, Set<String> ruleIds) {
        List<String> problems = new ArrayList<>();
        List<Finding> findings = result.findings().stream().filter(f -> ruleIds.contains(f.ruleId())).toList();
        List<Finding> unmatched = new ArrayList<>(findings);
        for (Expectation e : expected) {
            if (!ruleIds.contains(e.ruleId())) {
                problems.add("not registered: " + e + " names a rule that is not registered");
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
