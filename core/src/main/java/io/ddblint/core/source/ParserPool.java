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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Worker threads for parsing and per-file analysis. JavaParser is not thread-safe, so each worker has its own parser
 * and configuration; workers have large stacks because deeply nested files overflow default ones.
 */
public final class ParserPool implements AutoCloseable {

    private static final long STACK_SIZE = 64L * 1024 * 1024;

    /**
     * The newest language JavaParser 3.28.2 knows fully: Java 22+ code (unnamed variables {@code _}, unnamed
     * patterns) parses only at this level, and every older feature is accepted by it.
     */
    static final ParserConfiguration.LanguageLevel NEWEST = ParserConfiguration.LanguageLevel.JAVA_25;
    /** How often the caller of {@link #map} looks at the running tasks' clocks. */
    private static final long POLL_MILLIS = 50;

    private final ThreadPoolExecutor executor;
    private final FileBudget budget;
    /** Made when a budgeted map first runs: runs and maps without a budget never pay for the management beans. */
    private WorkerClock clock;
    private final ThreadLocal<JavaParser> parsers = ThreadLocal.withInitial(() -> newParser(NEWEST));
    /** Java 8 code may use {@code _} as a name, which newer levels reject: files that fail are tried again here. */
    private final ThreadLocal<JavaParser> legacyParsers =
            ThreadLocal.withInitial(() -> newParser(ParserConfiguration.LanguageLevel.JAVA_8));

    public ParserPool(int threads) {
        this(threads, FileBudget.DEFAULTS);
    }

    public ParserPool(int threads, FileBudget budget) {
        int count = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.budget = budget;
        AtomicInteger ids = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(count, count, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread t = new Thread(null, task, "ddb-lint-worker-" + ids.incrementAndGet(), STACK_SIZE);
                    t.setDaemon(true);
                    return t;
                });
    }

    public FileBudget budget() {
        return budget;
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
            source = SourceText.readUtf8(file.path(), budget.maxFileBytes());
        } catch (SourceText.NotReadable e) {
            return Parsed.failed(file, new AnalysisProblem(AnalysisProblem.Kind.READ_ERROR, file.relativePath(),
                    SourceRange.UNKNOWN, e.getMessage()));
        } catch (IOException e) {
            return Parsed.failed(file, new AnalysisProblem(AnalysisProblem.Kind.READ_ERROR, file.relativePath(),
                    SourceRange.UNKNOWN, "cannot read file: " + e.getMessage()));
        }
        NestingDepth depth = NestingDepth.of(source);
        if (depth.brackets() > budget.maxNesting()) {
            return Parsed.failed(file, new AnalysisProblem(AnalysisProblem.Kind.PARSE_ERROR, file.relativePath(),
                    SourceRange.UNKNOWN, "code is nested " + depth.brackets() + " levels deep, over the limit of "
                    + budget.maxNesting() + " (analysis.maxNesting in ddb-lint.yml); it was not analysed"));
        }
        if (depth.anonymousClasses() > NestingDepth.MAX_ANONYMOUS_CLASSES) {
            return Parsed.failed(file, new AnalysisProblem(AnalysisProblem.Kind.PARSE_ERROR, file.relativePath(),
                    SourceRange.UNKNOWN, "anonymous classes are nested " + depth.anonymousClasses()
                    + " levels deep, past the " + NestingDepth.MAX_ANONYMOUS_CLASSES
                    + " the parser handles in reasonable time; it was not analysed"));
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
        String message = describe(first);
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
        return new AnalysisProblem(AnalysisProblem.Kind.PARSE_ERROR, file.relativePath(), range,
                "syntax error: " + message + more);
    }

    /**
     * The problem's first line, without the advice JavaParser gives its API users to raise the language level:
     * ddb-lint already parses at the newest level it knows, and a user has no such setting.
     */
    static String describe(Problem problem) {
        String message = problem.getMessage().lines().findFirst().orElse("syntax error");
        int advice = message.indexOf(" Pay attention that this feature is supported starting from");
        if (advice > 0) {
            message = message.substring(0, advice) + " (newer than Java " + NEWEST.name().substring(5) + ")";
        }
        return message;
    }

    /** Runs a task per item on the workers and returns the results in input order. */
    public <T, R> List<R> map(List<T> items, Function<T, R> task) {
        return map(items, task, null);
    }

    /**
     * Runs a task per item on the workers and returns the results in input order. With {@code overBudget}, a task
     * whose worker spent more CPU time on it than the budget's timeout is abandoned and its item's result is
     * {@code overBudget.apply(item)}. CPU time, not wall time: a loaded build machine or a lock held by another
     * worker must not cost a healthy file its analysis.
     * parsing cannot be interrupted (JavaParser never checks for it), so its worker is left to finish on its own
     * while a new worker takes its place, and the run goes on.
     */
    public <T, R> List<R> map(List<T> items, Function<T, R> task, Function<T, R> overBudget) {
        AtomicLongArray started = new AtomicLongArray(items.size());
        AtomicReferenceArray<Thread> runners = new AtomicReferenceArray<>(items.size());
        // Clocks are read only for budgeted maps: the prefilter's map runs once per file of the code base.
        WorkerClock clock = overBudget == null ? null : clock();
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            int at = i;
            T item = items.get(i);
            Callable<R> c = clock == null ? () -> task.apply(item) : () -> {
                started.set(at, clock.now(Thread.currentThread()));
                runners.set(at, Thread.currentThread());
                return task.apply(item);
            };
            futures.add(executor.submit(c));
        }
        List<R> results = new ArrayList<>(items.size());
        for (int i = 0; i < futures.size(); i++) {
            int at = i;
            BooleanSupplier overdue = overBudget == null ? null : () -> {
                Thread runner = runners.get(at);
                return runner != null && clock.now(runner) - started.get(at) > budget.timeout().toNanos();
            };
            results.add(await(futures.get(at), overdue, () -> {
                abandon(runners.get(at));
                return overBudget.apply(items.get(at));
            }));
        }
        return results;
    }

    private synchronized WorkerClock clock() {
        if (clock == null) {
            clock = WorkerClock.create();
        }
        return clock;
    }

    /** The task's result; with {@code overdue}, {@code abandoned}'s once the task has run past its budget. */
    private static <R> R await(Future<R> future, BooleanSupplier overdue, Supplier<R> abandoned) {
        while (true) {
            try {
                return overdue == null ? future.get() : future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (overdue.getAsBoolean()) {
                    future.cancel(true);
                    return abandoned.get();
                }
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
    }

    /**
     * A worker stuck past its budget keeps its thread: one more worker replaces it, so the run keeps its parallelism
     * and a second stuck file cannot starve the rest.
     */
    private synchronized void abandon(Thread worker) {
        int size = executor.getMaximumPoolSize() + 1;
        executor.setMaximumPoolSize(size);
        executor.setCorePoolSize(size);
        if (worker != null) {
            worker.interrupt();
        }
    }

    /** The CPU time a worker thread has used, where the JVM measures it; wall time elsewhere. */
    private record WorkerClock(ThreadMXBean threads) {

        static WorkerClock create() {
            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            boolean cpu = bean.isThreadCpuTimeSupported();
            if (cpu && !bean.isThreadCpuTimeEnabled()) {
                bean.setThreadCpuTimeEnabled(true);
            }
            return new WorkerClock(cpu ? bean : null);
        }

        long now(Thread worker) {
            long cpu = threads == null ? -1 : threads.getThreadCpuTime(worker.getId());
            return cpu >= 0 ? cpu : System.nanoTime();
        }
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
