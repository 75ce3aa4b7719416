import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The baseline of the ddb-lint benchmark: a bare JavaParser parse of every {@code .java} file under the given
 * directories, and nothing else.
 *
 * <p>Configuration is a plain parse: {@code new ParserConfiguration().setLanguageLevel(JAVA_17)}, all other settings
 * at JavaParser's defaults (tokens stored, comments attributed). Files are read from disk, as ddb-lint does. The
 * work is spread over {@code --threads} worker threads (default: available processors), each with its own
 * JavaParser and configuration (JavaParser is not thread-safe) and a 64 MB stack; a StackOverflowError on a deeply
 * nested file is caught and counted as a problem for that file.
 *
 * <p>Prints one line: {@code files=N lines=L problems=P millis=T}, where lines counts newline characters as
 * {@code wc -l} does, problems is the number of files that did not parse cleanly and millis is the time from the
 * start of the directory walk to the end of the last parse (the JVM start-up is measured outside).
 *
 * <p>Run with JavaParser 3.28.2 on the class path, e.g. compiled into bench/target/ by bench/run.sh, or with the
 * source launcher: {@code java -cp javaparser-core-3.28.2.jar bench/BareParse.java [--threads N] [--list-problems] [--slowest K] DIR...}
 */
public final class BareParse {

    private static final long STACK_SIZE = 64L * 1024 * 1024;

    public static void main(String[] args) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        boolean listProblems = false;
        int slowest = 0;
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--threads") && i + 1 < args.length) {
                threads = parsePositive("--threads", args[++i]);
            } else if (a.startsWith("--threads=")) {
                threads = parsePositive("--threads", a.substring("--threads=".length()));
            } else if (a.equals("--slowest") && i + 1 < args.length) {
                slowest = parsePositive("--slowest", args[++i]);
            } else if (a.equals("--list-problems")) {
                listProblems = true;
            } else if (a.equals("-h") || a.equals("--help")) {
                usage(null);
                return;
            } else if (a.startsWith("-")) {
                usage("unknown option " + a);
            } else {
                Path p = Path.of(a);
                if (!Files.isDirectory(p) && !Files.isRegularFile(p)) {
                    usage("no such file or directory: " + a);
                }
                roots.add(p);
            }
        }
        if (roots.isEmpty()) {
            usage("no directory given");
        }

        long start = System.nanoTime();
        List<Path> files = collect(roots);

        AtomicInteger next = new AtomicInteger();
        AtomicLong lines = new AtomicLong();
        AtomicInteger problems = new AtomicInteger();
        ConcurrentLinkedQueue<String> problemFiles = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        long[] fileNanos = new long[files.size()];

        Runnable worker = () -> {
            // One parser and one configuration per thread: neither is safe to share.
            JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(LanguageLevel.JAVA_17));
            long myLines = 0;
            int i;
            while ((i = next.getAndIncrement()) < files.size()) {
                Path file = files.get(i);
                String problem;
                long t0 = System.nanoTime();
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    myLines += countNewlines(bytes);
                    ParseResult<CompilationUnit> result =
                            parser.parse(new String(bytes, StandardCharsets.UTF_8));
                    problem = result.isSuccessful() ? null
                            : result.getProblems().size() + " problem(s): " + result.getProblems().get(0).getMessage();
                } catch (StackOverflowError e) {
                    problem = "StackOverflowError";
                } catch (IOException e) {
                    problem = "cannot read: " + e;
                } catch (RuntimeException e) {
                    problem = "parser threw " + e;
                }
                fileNanos[i] = System.nanoTime() - t0;
                if (problem != null) {
                    problems.incrementAndGet();
                    problemFiles.add(file + ": " + firstLine(problem));
                }
            }
            lines.addAndGet(myLines);
        };

        List<Thread> pool = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(null, worker, "bare-parse-" + t, STACK_SIZE);
            thread.setUncaughtExceptionHandler((th, e) -> failures.add(e));
            pool.add(thread);
            thread.start();
        }
        for (Thread thread : pool) {
            thread.join();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        if (!failures.isEmpty()) {
            Throwable e = failures.peek();
            System.err.println("BareParse: a worker failed: " + e);
            e.printStackTrace();
            System.exit(3);
        }
        if (slowest > 0) {
            Integer[] order = new Integer[files.size()];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            java.util.Arrays.sort(order, (x, y) -> Long.compare(fileNanos[y], fileNanos[x]));
            for (int k = 0; k < Math.min(slowest, order.length); k++) {
                System.err.printf("%8d ms  %s%n", fileNanos[order[k]] / 1_000_000, files.get(order[k]));
            }
        }
        if (listProblems) {
            problemFiles.stream().sorted().forEach(System.err::println);
        }
        System.out.println("files=" + files.size() + " lines=" + lines.get() + " problems=" + problems.get()
                + " millis=" + millis);
    }

    private static List<Path> collect(List<Path> roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                files.add(root);
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.getFileName().toString().endsWith(".java"))
                        .filter(Files::isRegularFile)
                        .sorted()
                        .forEach(files::add);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return files;
    }

    private static long countNewlines(byte[] bytes) {
        long n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static int parsePositive(String option, String s) {
        try {
            int n = Integer.parseInt(s);
            if (n < 1) {
                usage(option + " must be at least 1");
            }
            return n;
        } catch (NumberFormatException e) {
            usage(option + " wants a number, got " + s);
            return 0;
        }
    }

    private static void usage(String error) {
        String text = "usage: BareParse [--threads N] [--list-problems] [--slowest K] DIR...\n"
                + "  Parses every .java file under DIR... with JavaParser (JAVA_17, default configuration)\n"
                + "  and prints files=N lines=L problems=P millis=T.\n"
                + "  --threads N       worker threads, one JavaParser each (default: available processors)\n"
                + "  --list-problems   list the files that did not parse cleanly on stderr\n"
                + "  --slowest K       list the K files that took longest to read and parse on stderr";
        if (error == null) {
            System.out.println(text);
            return;
        }
        System.err.println("BareParse: " + error);
        System.err.println(text);
        System.exit(2);
    }
}
