package io.ddblint.core.template;

import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.SourceRange;
import io.ddblint.core.model.TableDefinition;
import io.ddblint.core.source.SourceText;
import io.ddblint.core.suppress.Suppression;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * CloudFormation and SAM templates as a source of the model: the tables their {@code AWS::DynamoDB::Table},
 * {@code AWS::DynamoDB::GlobalTable} and {@code AWS::Serverless::SimpleTable} resources define, and the
 * {@code # ddb-lint:ignore} comments of YAML templates, since findings can be reported at a template's resources.
 *
 * <p>Cheap on every build: files are found by name ({@link TemplateFiles}), read within {@code analysis.maxFileSize},
 * and only those whose bytes name one of the three resource types are parsed. A file that is not a template is
 * skipped silently; a broken one (not YAML or JSON, or a table CloudFormation would reject) is a problem.
 */
public final class TemplateTables {

    /** The resource types a file must name to be parsed at all. */
    private static final List<String> NEEDLES = List.of(TemplateReader.TABLE, TemplateReader.GLOBAL_TABLE,
            TemplateReader.SIMPLE_TABLE);

    /**
     * What the templates of a request gave.
     *
     * @param skipped   table resources left out because a name or key is only known once deployed
     * @param templates files parsed as candidate templates (those that passed the byte prefilter)
     */
    public record Result(List<TableDefinition> definitions, List<SkippedTable> skipped,
                         List<AnalysisProblem> problems, List<Suppression> suppressions, int templates) {

        public Result {
            definitions = List.copyOf(definitions);
            skipped = List.copyOf(skipped);
            problems = List.copyOf(problems);
            suppressions = List.copyOf(suppressions);
        }

        static final Result EMPTY = new Result(List.of(), List.of(), List.of(), List.of(), 0);
    }

    private TemplateTables() {
    }

    /** Reads the templates of the projects the request's source roots belong to. */
    public static Result read(AnalysisRequest request) {
        long maxBytes = request.configuration().fileBudget().maxFileBytes();
        List<Result> parts = new ArrayList<>();
        for (TemplateFiles.Candidate c : TemplateFiles.find(request)) {
            String text;
            try {
                byte[] bytes = SourceText.read(c.path(), maxBytes);
                if (!mentionsTable(bytes)) {
                    continue;
                }
                text = utf8(bytes);
            } catch (SourceText.NotReadable e) {
                if (e.tooLarge() && oversizedTemplate(c)) {
                    parts.add(problemOnly(c.relativePath(), AnalysisProblem.Kind.READ_ERROR, 0, 0, e.getMessage()));
                }
                continue;
            } catch (CharacterCodingException e) {
                parts.add(problemOnly(c.relativePath(), AnalysisProblem.Kind.READ_ERROR, 0, 0,
                        "not UTF-8 text, so not read as a template"));
                continue;
            } catch (IOException e) {
                // A .json or .yaml file that cannot be read cannot be told from the many that are no templates.
                continue;
            }
            parts.add(parse(c.relativePath(), text));
        }
        return merge(parts);
    }

    /** Reads one file's text as a template; {@code path} is the project-relative path findings will carry. */
    static Result parse(String path, String text) {
        TemplateParser.Parsed parsed;
        try {
            parsed = TemplateParser.parse(text, path.toLowerCase(java.util.Locale.ROOT).endsWith(".json"));
        } catch (TemplateParser.SyntaxError e) {
            Result failed = problemOnly(path, AnalysisProblem.Kind.PARSE_ERROR, e.line(), e.column(),
                    e.getMessage() + "; its DynamoDB tables were not read into the model");
            return new Result(List.of(), List.of(), failed.problems(), List.of(), 1);
        }
        TemplateReader.Outcome outcome = TemplateReader.read(path, parsed);
        List<Suppression> suppressions = parsed.json() ? List.of() : TemplateSuppressions.read(path, text);
        return new Result(outcome.definitions(), outcome.skipped(), outcome.problems(), suppressions, 1);
    }

    static boolean mentionsTable(byte[] bytes) {
        // ISO-8859-1 maps each byte to one char: a plain copy, and ASCII needles match UTF-8 text byte for byte.
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        return NEEDLES.stream().anyMatch(latin1::contains);
    }

    private static boolean oversizedTemplate(TemplateFiles.Candidate c) {
        try {
            for (String needle : NEEDLES) {
                if (SourceText.mayContain(c.path(), needle)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static Result problemOnly(String path, AnalysisProblem.Kind kind, int line, int column, String message) {
        SourceRange range = line <= 0 ? SourceRange.UNKNOWN : SourceRange.at(line, Math.max(1, column));
        return new Result(List.of(), List.of(), List.of(new AnalysisProblem(kind, path, range, message)), List.of(),
                0);
    }

    private static Result merge(List<Result> parts) {
        if (parts.isEmpty()) {
            return Result.EMPTY;
        }
        List<TableDefinition> definitions = new ArrayList<>();
        List<SkippedTable> skipped = new ArrayList<>();
        List<AnalysisProblem> problems = new ArrayList<>();
        List<Suppression> suppressions = new ArrayList<>();
        int templates = 0;
        for (Result r : parts) {
            definitions.addAll(r.definitions());
            skipped.addAll(r.skipped());
            problems.addAll(r.problems());
            suppressions.addAll(r.suppressions());
            templates += r.templates();
        }
        return new Result(definitions, skipped, problems, suppressions, templates);
    }
}
