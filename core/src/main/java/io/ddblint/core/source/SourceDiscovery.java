package io.ddblint.core.source;

import io.ddblint.core.AnalysisException;
import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.SourceRoot;
import io.ddblint.core.facts.SourceKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the .java files of a request and decides, once, which are production code (RULES.md "Production code").
 */
public final class SourceDiscovery {

    /** {@code src/<set>/java/}: Maven and Gradle source sets. */
    private static final Pattern SOURCE_SET = Pattern.compile("(?:^|/)src/([^/]+)/java/");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", ".hg", ".svn", "node_modules", ".idea");

    private SourceDiscovery() {
    }

    /** The files to analyse, sorted by relative path, without duplicates. */
    public static List<SourceFile> discover(AnalysisRequest request) {
        List<PathMatcher> includes = matchers(request.includes());
        List<PathMatcher> excludes = matchers(request.excludes());
        List<PathMatcher> nonProduction = nonProductionMatchers(request.configuration().nonProductionPaths());
        Map<Path, SourceFile> files = new LinkedHashMap<>();
        for (SourceRoot root : request.sourceRoots()) {
            Path start = root.path().toAbsolutePath().normalize();
            if (!Files.exists(start)) {
                throw new AnalysisException("path does not exist: " + root.path());
            }
            if (!Files.isDirectory(start) && !start.toString().endsWith(".java")) {
                throw new AnalysisException("not a directory or .java file: " + root.path());
            }
            Path rootDir = Files.isDirectory(start) ? start : start.getParent();
            for (Path file : javaFiles(start)) {
                String relative = relativize(request.projectRoot(), file);
                if (!matches(includes, relative, true) || matches(excludes, relative, false)) {
                    continue;
                }
                SourceKind kind = classify(root.kind(), relative);
                if (kind == SourceKind.MAIN && matches(nonProduction, relative, false)) {
                    kind = SourceKind.TEST; // configured as not production code (migrations, admin tools)
                }
                if (kind == SourceKind.TEST && !request.includeTests()) {
                    continue;
                }
                files.putIfAbsent(file, new SourceFile(file, relative, rootDir, kind));
            }
        }
        List<SourceFile> sorted = new ArrayList<>(files.values());
        sorted.sort((a, b) -> a.relativePath().compareTo(b.relativePath()));
        return List.copyOf(sorted);
    }

    /**
     * Test code by layout ({@code src/test/java}, {@code src/it/java}, {@code src/integrationTest/java},
     * {@code src/*Test*}/java) or, with no layout, by the RULES.md heuristics.
     */
    static SourceKind classify(SourceRoot.Kind rootKind, String relativePath) {
        if (rootKind == SourceRoot.Kind.MAIN) {
            return SourceKind.MAIN;
        }
        if (rootKind == SourceRoot.Kind.TEST) {
            return SourceKind.TEST;
        }
        String path = relativePath.replace('\\', '/');
        Matcher m = SOURCE_SET.matcher(path);
        String lastSet = null;
        while (m.find()) {
            lastSet = m.group(1);
        }
        if (lastSet != null) {
            return isTestSourceSet(lastSet) ? SourceKind.TEST : SourceKind.MAIN;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        boolean testPath = ("/" + path).contains("/test/");
        boolean testName = name.endsWith("Test.java") || name.endsWith("Tests.java") || name.endsWith("IT.java");
        return testPath || testName ? SourceKind.TEST : SourceKind.MAIN;
    }

    /** Whether a Maven/Gradle source set holds tests: {@code test}, {@code it}, {@code integrationTest}, ... */
    public static boolean isTestSourceSet(String set) {
        return set.equals("it") || set.toLowerCase(Locale.ROOT).contains("test");
    }

    private static List<Path> javaFiles(Path start) {
        if (!Files.isDirectory(start)) {
            return List.of(start);
        }
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    Path name = dir.getFileName();
                    boolean skip = !dir.equals(start) && name != null && SKIPPED_DIRECTORIES.contains(name.toString());
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    // Links and pipes named *.java are kept: reading checks what they are and says so as a problem.
                    // Directory links are never followed, so no walk loops or leaves the root.
                    if (!attrs.isDirectory() && file.getFileName().toString().endsWith(".java")) {
                        found.add(file.toAbsolutePath().normalize());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    // An unreadable directory entry is skipped here; unreadable files are reported when read.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    public static String relativize(Path projectRoot, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path relative = abs.startsWith(projectRoot) ? projectRoot.relativize(abs) : abs;
        return relative.toString().replace('\\', '/');
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        return globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    /**
     * A glob that starts with {@code **}{@code /} also matches at the root: users write {@code **}{@code /migration/**}
     * meaning "any migration directory", including a top-level one, which Java's glob syntax would not match.
     */
    static List<PathMatcher> nonProductionMatchers(List<String> globs) {
        List<String> all = new ArrayList<>(globs);
        for (String g : globs) {
            if (g.startsWith("**/")) {
                all.add(g.substring(3));
            }
        }
        return matchers(all);
    }

    private static boolean matches(List<PathMatcher> matchers, String relativePath, boolean whenEmpty) {
        if (matchers.isEmpty()) {
            return whenEmpty;
        }
        Path p = Path.of(relativePath);
        return matchers.stream().anyMatch(m -> m.matches(p));
    }
}
