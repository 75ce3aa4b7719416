package io.ddblint.core.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.SourceRange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Worker threads for parsing and per-file analysis. JavaParser is not thread-safe, so each worker has its own parser
 * and configuration; workers have large stacks because deeply nested files overflow default ones.
 */
public final class ParserPool implements AutoCloseable {

    private static final long STACK_SIZE = 64L * 1024 * 1024;

    private final ExecutorService executor;
    private final ThreadLocal<JavaParser> parsers =
            ThreadLocal.withInitial(() -> newParser(ParserConfiguration.LanguageLevel.JAVA_21));
    /** Java 8 code may use {@code _} as a name, which newer levels reject: files that fail are tried again here. */
    private final ThreadLocal<JavaParser> legacyParsers =
            ThreadLocal.withInitial(() -> newParser(ParserConfiguration.LanguageLevel.JAVA_8));

    public ParserPool(int threads) {
        int count = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        AtomicInteger ids = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(count, task -> {
            Thread t = new Thread(null, task, "ddb-lint-worker-" + ids.incrementAndGet(), STACK_SIZE);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * No comment attribution (rules do not need it). Tokens stay on: in JavaParser 3.28.2 node ranges are derived
     * from tokens, and with {@code setStoreTokens(false)} every node has no position at all (checked here), which a
     * linter cannot do without. Memory stays bounded because only the prefiltered files are parsed.
     */
    static JavaParser newParser(ParserConfiguration.LanguageLevel level) {
        ParserConfiguration config = new ParserConfiguration()
                .setLanguageLevel(level)
                .setAttributeComments(false);
        return new JavaParser(config);
    }

    /** Parses a file on the calling worker thread. Never throws: failures become a problem. */
    public Parsed parse(SourceFile file) {
        String source;
        try {
            source = new String(Files.readAllBytes(file.path()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Parsed.failed(file, new AnalysisProblem(AnalysisProblem.Kind.READ_ERROR, file.relativePath(),
                    SourceRange.UNKNOWN, "cannot read file: " + e.getMessage()));
        }
        try {
            ParseResult<CompilationUnit> result = parsers.get().parse(source);
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                ParseResult<CompilationUnit> legacy = legacyParsers.get().parse(source);
                if (legacy.isSuccessful() && legacy.getResult().isPresent()) {
                    return new Parsed(file, dropTokens(legacy.getResult().get()), null);
                }
                return Parsed.failed(file, parseProblem(file, result.getProblems()));
            }
            return new Parsed(file, dropTokens(result.getResult().get()), null);
        } catch (StackOverflowError e) {
            return Parsed.failed(file, new AnalysisProblem(AnalysisProblem.Kind.PARSE_ERROR, file.relativePath(),
                    SourceRange.UNKNOWN, "file is nested too deeply to parse"));
        } catch (RuntimeException e) {
            return Parsed.failed(file, new AnalysisProblem(AnalysisProblem.Kind.PARSE_ERROR, file.relativePath(),
                    SourceRange.UNKNOWN, "parser failed: " + e));
        }
    }

    /**
     * Tokens are needed to compute node ranges, not afterwards: each node keeps its range and the token list (a
     * linked list of every token of the file, the bulk of an AST's memory) becomes garbage while the AST waits for
     * call-site extraction.
     */
    static CompilationUnit dropTokens(CompilationUnit unit) {
        unit.walk(node -> {
            Range range = node.getRange().orElse(null);
            node.setTokenRange(null);
            if (range != null) {
                node.setRange(range);
            }
        });
        return unit;
    }

    private static AnalysisProblem parseProblem(SourceFile file, List<Problem> problems) {
        if (problems.isEmpty()) {
            return new AnalysisProblem(AnalysisProblem.Kind.PARSE_ERROR, file.relativePath(), SourceRange.UNKNOWN,
                    "syntax error");
        }
        Problem first = problems.get(0);
        SourceRange range = first.getLocation()
                .flatMap(l -> l.getBegin().getRange())
                .map(r -> SourceRange.at(r.begin.line, r.begin.column))
                .orElse(SourceRange.UNKNOWN);
        String message = first.getMessage().lines().findFirst().orElse("syntax error");
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
        return new AnalysisProblem(AnalysisProblem.Kind.PARSE_ERROR, file.relativePath(), range,
                "syntax error: " + message + more);
    }

    /** Runs a task per item on the workers and returns the results in input order. */
    public <T, R> List<R> map(List<T> items, Function<T, R> task) {
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            Callable<R> c = () -> task.apply(item);
            futures.add(executor.submit(c));
        }
        List<R> results = new ArrayList<>(items.size());
        for (Future<R> f : futures) {
            try {
                results.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("analysis interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
        return results;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** A parse outcome: a compilation unit, or the problem that prevented one. */
    public record Parsed(SourceFile file, CompilationUnit unit, AnalysisProblem problem) {
        static Parsed failed(SourceFile file, AnalysisProblem problem) {
            return new Parsed(file, null, problem);
        }

        public boolean ok() {
            return unit != null;
        }
    }
}
