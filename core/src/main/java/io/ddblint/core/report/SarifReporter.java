package io.ddblint.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Finding;
import io.ddblint.core.Severity;
import io.ddblint.core.SourceRange;
import io.ddblint.core.SuppressedFinding;
import io.ddblint.core.ToolInfo;
import io.ddblint.core.rule.RuleDescriptor;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SARIF 2.1.0, the format GitHub code scanning and other review tools read. Written from a few records rather than a
 * SARIF library: the format is frozen, the subset we need is small, and the maintained libraries are not. The test
 * suite validates the output against the official schema.
 */
public final class SarifReporter implements Reporter {

    static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    /** Paths in results are relative to the project root, which the log names under this id. */
    static final String SRCROOT = "%SRCROOT%";
    /** Versioned, so a future change of the fingerprint algorithm can add a key instead of silently changing one. */
    static final String FINGERPRINT_KEY = "ddbLint/v1";

    private static final ObjectWriter JSON = ReportOutput.jsonWriter(JsonInclude.Include.NON_NULL);
    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

    private final String toolVersion;

    public SarifReporter() {
        this(ToolInfo.VERSION);
    }

    /** For golden-file tests, whose expected output must not change with the build's version. */
    SarifReporter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public String defaultFileName() {
        return "ddb-lint.sarif";
    }

    @Override
    public void write(AnalysisResult result, OutputStream out) throws IOException {
        List<RuleDescriptor> descriptors = result.rules().stream()
                .sorted(Comparator.comparing(RuleDescriptor::id)).toList();
        Map<String, Integer> ruleIndex = new HashMap<>();
        List<Rule> rules = new ArrayList<>();
        for (RuleDescriptor d : descriptors) {
            ruleIndex.putIfAbsent(d.id(), rules.size());
            rules.add(rule(d, result.helpUri(d)));
        }
        Driver driver = new Driver(ToolInfo.NAME, toolVersion,
                SEMVER.matcher(toolVersion).matches() ? toolVersion : null, ToolInfo.INFORMATION_URI, rules);
        List<Result> results = new ArrayList<>();
        result.findings().forEach(f -> results.add(result(f, ruleIndex.get(f.ruleId()), null)));
        // Suppressed findings stay in the log, marked, so code scanning shows them as dismissed, not as fixed.
        result.suppressed().forEach(s -> results.add(result(s.finding(), ruleIndex.get(s.finding().ruleId()),
                List.of(new Suppression(s.kind().sarifName(), s.justification())))));
        List<Notification> notifications = result.problems().stream().map(SarifReporter::notification).toList();
        Run run = new Run(new Tool(driver),
                List.of(new Invocation(true, notifications.isEmpty() ? null : notifications)),
                result.projectRoot() == null ? null : Map.of(SRCROOT, new ArtifactLocation(rootUri(result), null)),
                results, "unicodeCodePoints");
        ReportOutput.writeJson(JSON, new Log(SCHEMA_URI, "2.1.0", List.of(run)), out);
    }

    // The SARIF object model, as far as ddb-lint uses it. Null components are left out of the output.

    record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {
    }

    record Run(Tool tool, List<Invocation> invocations, Map<String, ArtifactLocation> originalUriBaseIds,
               List<Result> results, String columnKind) {
    }

    record Tool(Driver driver) {
    }

    record Driver(String name, String version, String semanticVersion, String informationUri, List<Rule> rules) {
    }

    record Rule(String id, String name, Text shortDescription, Text fullDescription, String helpUri, Text help,
                Configuration defaultConfiguration, RuleProperties properties) {
    }

    /** SARIF's message and multiformatMessageString: plain text, optionally Markdown. */
    record Text(String text, String markdown) {
        static Text plain(String text) {
            return new Text(text, null);
        }
    }

    record Configuration(String level, boolean enabled) {
    }

    record RuleProperties(List<String> tags, String precision) {
    }

    record Result(String ruleId, Integer ruleIndex, String level, Text message, List<Location> locations,
                  Map<String, String> partialFingerprints, List<Suppression> suppressions) {
    }

    /** Why a result is not reported: {@code inSource} or {@code external}, with the reason when one was given. */
    record Suppression(String kind, String justification) {
    }

    record Location(PhysicalLocation physicalLocation) {
    }

    record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    record ArtifactLocation(String uri, String uriBaseId) {
    }

    record Region(Integer startLine, Integer startColumn, Integer endLine, Integer endColumn) {
    }

    record Invocation(boolean executionSuccessful, List<Notification> toolExecutionNotifications) {
    }

    record Notification(String level, Text message, Descriptor descriptor, List<Location> locations) {
    }

    record Descriptor(String id) {
    }

    private static Rule rule(RuleDescriptor d, String helpUri) {
        LinkedHashSet<String> tags = new LinkedHashSet<>(); // the schema wants tags unique
        if (d.category() != null) {
            tags.add(d.category().tag());
        }
        tags.addAll(d.tags());
        String doc = d.documentation() == null ? "" : d.documentation();
        // help.text is required when help is present; a rule without a doc page falls back to its summary.
        Text help = doc.isBlank() ? Text.plain(d.summary()) : new Text(doc, doc);
        return new Rule(d.id(), d.name(), Text.plain(d.summary()), Text.plain(d.fullDescription()), helpUri, help,
                new Configuration(level(d.defaultSeverity()), d.enabledByDefault()),
                new RuleProperties(List.copyOf(tags), "high"));
    }

    private static Result result(Finding f, Integer ruleIndex, List<Suppression> suppressions) {
        return new Result(f.ruleId(), ruleIndex, level(f.severity()), Text.plain(f.message()),
                List.of(location(f.path(), f.range())),
                f.fingerprint() == null ? null : Map.of(FINGERPRINT_KEY, f.fingerprint()), suppressions);
    }

    private static Notification notification(AnalysisProblem p) {
        return new Notification("warning", Text.plain(p.message()),
                p.kind() == null ? null : new Descriptor(p.kind().name()),
                p.path() == null ? null : List.of(location(p.path(), p.range())));
    }

    private static Location location(String path, SourceRange range) {
        return new Location(new PhysicalLocation(artifact(path), region(range)));
    }

    /**
     * A project-relative path becomes a relative URI against {@code %SRCROOT%}, so alerts keep their identity when
     * the repository is checked out elsewhere. A path outside the project is absolute and becomes a file URI.
     */
    static ArtifactLocation artifact(String path) {
        if (isAbsolute(path)) {
            return new ArtifactLocation(Path.of(path).toUri().toASCIIString(), null);
        }
        try {
            // The multi-argument constructor percent-encodes what a URI path may not hold (spaces, '%', '#').
            return new ArtifactLocation(new URI(null, null, path, null).toASCIIString(), SRCROOT);
        } catch (URISyntaxException e) {
            // LIMITATION: only a relative path with ':' in its first segment gets here; it stays as written.
            return new ArtifactLocation(path, SRCROOT);
        }
    }

    private static boolean isAbsolute(String path) {
        try {
            return Path.of(path).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * SARIF lines and columns start at 1 (the schema rejects 0), so unknown parts are left out. SARIF's endColumn is
     * exclusive (the column after the region) while {@link SourceRange} is inclusive, hence the +1.
     */
    static Region region(SourceRange range) {
        if (range == null || range.line() <= 0) {
            return null;
        }
        boolean hasEnd = range.endLine() >= range.line();
        return new Region(range.line(),
                range.column() > 0 ? range.column() : null,
                hasEnd ? range.endLine() : null,
                hasEnd && range.endColumn() > 0 ? range.endColumn() + 1 : null);
    }

    private static String rootUri(AnalysisResult result) {
        // Path.toUri() ends a directory with '/' only when it exists; SARIF needs the '/' to resolve against it.
        String uri = result.projectRoot().toAbsolutePath().normalize().toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    private static String level(Severity severity) {
        if (severity == null) {
            return null;
        }
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
