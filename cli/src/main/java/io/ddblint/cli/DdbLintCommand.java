package io.ddblint.cli;

import io.ddblint.core.AnalysisException;
import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.Finding;
import io.ddblint.core.Severity;
import io.ddblint.core.SourceRoot;
import io.ddblint.core.ToolInfo;
import io.ddblint.core.baseline.Baseline;
import io.ddblint.core.config.Configuration;
import io.ddblint.core.config.ConfigurationLoader;
import io.ddblint.core.report.InventoryText;
import io.ddblint.core.report.ReportText;
import io.ddblint.core.report.Reporter;
import io.ddblint.core.report.Reporters;
import io.ddblint.core.rule.RuleRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code ddb-lint} command: turns the command line into one {@link AnalysisRequest}, runs the analyzer and
 * writes the reports. Output goes to the writers given to the constructor, so tests run it in-process.
 */
@Command(
        name = ToolInfo.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = DdbLintCommand.Version.class,
        sortOptions = false,
        description = "Finds DynamoDB usage in Java sources that will be slow, expensive, hot or rejected at "
                + "runtime. Reads the sources only: never runs them, never calls AWS.",
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above --fail-on",
            "1:findings at or above --fail-on",
            "2:usage or configuration error",
            "3:internal error"})
public final class DdbLintCommand implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERNAL = 3;

    private static final String PREFIX = ToolInfo.NAME + ": ";
    private static final String DEFAULT_FORMAT = "text";

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "A Maven project (src/main/java is main code, src/test/java test code), "
                    + "a source directory (main code) or a .java file.")
    private List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            completionCandidates = FormatNames.class,
            description = "Report format: ${COMPLETION-CANDIDATES} (default: " + DEFAULT_FORMAT + "). "
                    + "Repeatable.")
    private List<Reporter> formats = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE",
            description = "Writes the report of the --format at the same position to FILE instead of standard "
                    + "output. Repeatable.")
    private List<Path> outputs = new ArrayList<>();

    @Option(names = "--classpath", paramLabel = "CP",
            description = "Jars and class directories the code compiles against, separated by "
                    + "'${sys:path.separator}' as for javac. Missing entries are skipped with a warning.")
    private String classpath;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: ddb-lint.yml in the --root directory, when it exists): "
                    + "rules on/off, severities, non-production paths, limits, tables.")
    private Path config;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Baseline of accepted findings: findings it lists are reported as suppressed and do not "
                    + "fail the build; only new findings do.")
    private Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Writes every current finding (and those --baseline accepts) to FILE as the new "
                    + "baseline, and exits with 0.")
    private Path writeBaseline;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "WARNING",
            converter = SeverityConverter.class,
            description = "Exit with 1 when a finding is at least this severe: ERROR, WARNING or INFO "
                    + "(default: ${DEFAULT-VALUE}).")
    private Severity failOn;

    @Option(names = "--doc-base-url", paramLabel = "URL", converter = DocBaseUrlConverter.class,
            description = "Where you publish the rule pages (http or https): reports then link each rule to "
                    + "URL/<rule id>, e.g. URL/DDB-P001. Overrides docBaseUrl in the configuration file. "
                    + "Without it reports carry the rule help but no links.")
    private String docBaseUrl;

    @Option(names = "--inventory",
            description = "Also prints the access-pattern inventory on standard output: each table with its keys, "
                    + "indexes, sources and conflicts, the access patterns linked to it, then the unlinked call "
                    + "sites. Before the text report when that goes to standard output too; another format must "
                    + "then go to an --output file.")
    private boolean inventory;

    @Option(names = "--include-tests", description = "Also analyse test code.")
    private boolean includeTests;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Parser threads; 0 uses every processor (default).")
    private int threads;

    @Option(names = "--root", paramLabel = "DIR",
            description = "Directory that report paths are relative to (default: the current directory).")
    private Path root;

    @Option(names = "--debug", description = "Prints the stack trace of an internal error.")
    private boolean debug;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Function<AnalysisRequest, AnalysisResult> analyzer;

    public DdbLintCommand(PrintWriter out, PrintWriter err) {
        // The rule registry is only loaded when an analysis runs, not for --help or a usage error.
        this(out, err, request -> new Analyzer(RuleRegistry.loadDefault()).analyze(request));
    }

    /** With another analyzer, so that tests can control the findings. */
    DdbLintCommand(PrintWriter out, PrintWriter err, Function<AnalysisRequest, AnalysisResult> analyzer) {
        this.out = out;
        this.err = err;
        this.analyzer = analyzer;
    }

    /** Runs the command once and returns its exit code; never throws. */
    public int run(String... args) {
        CommandLine commandLine = new CommandLine(this)
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(this::onParameterException)
                .setExecutionExceptionHandler(this::onExecutionException);
        int exitCode;
        try {
            exitCode = commandLine.execute(args);
        } catch (RuntimeException | Error e) {
            // picocli hands only Exceptions to the handler; an Error (a stack overflow in a rule) ends up here.
            exitCode = internalError(e);
        }
        out.flush();
        err.flush();
        return exitCode;
    }

    @Override
    public Integer call() throws Exception {
        if (threads < 0) {
            throw UserError.usage("--threads must be 0 (every processor) or more, not " + threads);
        }
        List<Reporter> reporters = formats.isEmpty()
                ? List.of(Reporters.forFormat(DEFAULT_FORMAT).orElseThrow())
                : formats;
        OutputPlan plan = OutputPlan.of(reporters, outputs);
        if (inventory) {
            plan.standardOutputFormat().filter(format -> !format.equals(DEFAULT_FORMAT)).ifPresent(format -> {
                throw UserError.usage("--inventory prints on standard output, where the " + format
                        + " report goes too; give that format an --output file");
            });
        }
        AnalysisRequest request = request();
        plan.prepare();

        AnalysisResult result = analyzer.apply(request);

        if (inventory) {
            printInventory(result, plan);
        }
        plan.write(result, out);
        if (plan.allToFiles()) {
            out.println(summary(result, plan));
        }
        if (writeBaseline != null) {
            int count = writeBaseline(result);
            err.println(PREFIX + "wrote " + count + (count == 1 ? " finding" : " findings") + " to baseline "
                    + writeBaseline);
            return EXIT_OK;
        }
        return result.findingsAtLeast(failOn).isEmpty() ? EXIT_OK : EXIT_FINDINGS;
    }

    /** The worksheet on standard output, a blank line after it when the text report follows. */
    private void printInventory(AnalysisResult result, OutputPlan plan) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        InventoryText.write(result, buffer);
        out.print(buffer.toString(StandardCharsets.UTF_8));
        if (!plan.allToFiles()) {
            out.println();
        }
        out.flush();
    }

    /** Writes {@link Baseline#acceptedAfter} this run and returns how many findings it holds. */
    private int writeBaseline(AnalysisResult result) {
        List<Finding> accepted = Baseline.acceptedAfter(result);
        try (OutputStream stream = Files.newOutputStream(writeBaseline)) {
            Baseline.of(accepted).write(stream);
        } catch (IOException | RuntimeException e) {
            throw UserError.input("--write-baseline: cannot write " + writeBaseline + ": " + e.getMessage());
        }
        return accepted.size();
    }

    /** {@code --config}, else {@code ddb-lint.yml} in the root directory, else the defaults. */
    private Configuration configuration() {
        Path file = config;
        if (file == null) {
            // Spelled as the user spelled --root, so that messages name the file the way the user knows it.
            Path found = (root == null ? Path.of(ConfigurationLoader.FILE_NAME)
                    : root.resolve(ConfigurationLoader.FILE_NAME)).normalize();
            if (!Files.isRegularFile(found)) {
                return Configuration.DEFAULTS;
            }
            file = found;
        } else if (!Files.isRegularFile(file)) {
            throw UserError.input("--config: file does not exist: " + file);
        }
        return ConfigurationLoader.load(file, RuleRegistry.loadDefault());
    }

    private AnalysisRequest request() {
        Path projectRoot = root == null ? Path.of("").toAbsolutePath() : root.toAbsolutePath();
        if (!Files.isDirectory(projectRoot)) {
            throw UserError.input("--root: not a directory: " + root);
        }
        // Checked here, before any work, so that a typo fails at once and with the same message whatever core does.
        List<SourceRoot> sourceRoots = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw UserError.input("path does not exist: " + path);
            }
            if (!Files.isDirectory(path) && !path.getFileName().toString().endsWith(".java")) {
                throw UserError.input("not a directory or a .java file: " + path);
            }
            sourceRoots.add(SourceRoot.auto(path.toAbsolutePath().normalize()));
        }
        List<Path> entries = classpath == null ? List.of()
                : Classpath.entries(classpath, warning -> err.println(PREFIX + "warning: " + warning));
        Baseline accepted = baseline == null ? Baseline.EMPTY : Baseline.read(baseline);
        Configuration configuration = docBaseUrl == null ? configuration()
                : configuration().withDocBaseUrl(docBaseUrl);
        return new AnalysisRequest(projectRoot, sourceRoots, entries, includeTests, List.of(), List.of(), threads,
                configuration, accepted);
    }

    private static String summary(AnalysisResult result, OutputPlan plan) {
        return PREFIX + ReportText.findings(result) + "; reports: "
                + plan.files().stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    private int onParameterException(ParameterException e, String[] args) {
        err.println(PREFIX + "error: " + firstLine(e.getMessage()));
        err.println("Try '" + ToolInfo.NAME + " --help' for more information.");
        return EXIT_USAGE;
    }

    private int onExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        if (e instanceof UserError userError) {
            err.println(PREFIX + "error: " + firstLine(userError.getMessage()));
            if (userError.isUsage()) {
                err.println("Try '" + ToolInfo.NAME + " --help' for more information.");
            }
            return EXIT_USAGE;
        }
        if (e instanceof AnalysisException) {
            // Core's word for input it cannot analyse (a path that vanished, a bad root): the user's to fix.
            err.println(PREFIX + "error: " + firstLine(e.getMessage()));
            return EXIT_USAGE;
        }
        return internalError(e);
    }

    private int internalError(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + firstLine(e.getMessage());
        err.println(PREFIX + "internal error: " + e.getClass().getName() + message
                + (debug ? "" : " (run with --debug for the stack trace)"));
        if (debug) {
            e.printStackTrace(err);
        }
        return EXIT_INTERNAL;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    static final class FormatConverter implements ITypeConverter<Reporter> {
        @Override
        public Reporter convert(String value) {
            return Reporters.forFormat(value.strip().toLowerCase(Locale.ROOT)).orElseThrow(
                    () -> new TypeConversionException("unknown format '" + value + "'; valid formats: "
                            + String.join(", ", Reporters.formats())));
        }
    }

    /** Lets the help text list the formats core actually has. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Reporters.formats().iterator();
        }
    }

    static final class SeverityConverter implements ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            return Severity.parse(value).orElseThrow(() -> new TypeConversionException(
                    "unknown severity '" + value + "'; valid severities: " + Severity.validNames()));
        }
    }

    static final class DocBaseUrlConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String url = value.strip();
            Configuration.docBaseUrlProblem(url).ifPresent(problem -> {
                throw new TypeConversionException("--doc-base-url " + problem + ", not '" + value + "'");
            });
            return url;
        }
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ToolInfo.NAME + " " + ToolInfo.VERSION};
        }
    }
}
