package io.ddblint.core.template;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.SourceRoot;
import io.ddblint.core.source.SourceDiscovery;

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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the files of a request that may be CloudFormation or SAM templates: {@code .yaml}, {@code .yml}, {@code .json}
 * and {@code .template} files anywhere in the projects the source roots belong to (SAM's {@code template.yaml} at a
 * project's top, {@code src/main/resources/**}, {@code infra/**}), not only in source roots. Build output and vendored
 * or generated trees are skipped: {@code target/}, {@code build/}, {@code node_modules/}, {@code cdk.out/} (CDK's
 * synthesized copies of what CDK code defines) and hidden directories ({@code .git/}, {@code .aws-sam/}, SAM's build
 * copies). Directory links are never followed, and only regular files are listed.
 */
final class TemplateFiles {

    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "build", "node_modules", "cdk.out");
    private static final List<String> SUFFIXES = List.of(".yaml", ".yml", ".json", ".template");
    /** A Maven/Gradle test source set ({@code src/test/...}, {@code src/it/...}, {@code src/integrationTest/...}). */
    private static final Pattern SOURCE_SET = Pattern.compile("(?:^|/)src/([^/]+)/");

    /** A candidate file: absolute path and project-relative path. */
    record Candidate(Path path, String relativePath) {
    }

    private TemplateFiles() {
    }

    /** The candidates of a request, sorted by relative path. */
    static List<Candidate> find(AnalysisRequest request) {
        List<PathMatcher> includes = matchers(request.includes());
        List<PathMatcher> excludes = matchers(request.excludes());
        List<Candidate> found = new ArrayList<>();
        for (Path dir : projectDirectories(request.sourceRoots())) {
            for (Path file : walk(dir)) {
                String relative = SourceDiscovery.relativize(request.projectRoot(), file);
                if (!matches(includes, relative, true) || matches(excludes, relative, false)) {
                    continue;
                }
                if (!request.includeTests() && isTest(relative)) {
                    continue;
                }
                found.add(new Candidate(file, relative));
            }
        }
        found.sort((a, b) -> a.relativePath().compareTo(b.relativePath()));
        return found;
    }

    /**
     * The project each source root belongs to: {@code X} for {@code X/src/main/java} (so the Maven plugin, which
     * passes a module's source roots, reads the module's templates), else the directory given (the CLI's PATH).
     * Directories inside another one are walked once, with it. Single files contribute none.
     */
    static List<Path> projectDirectories(List<SourceRoot> roots) {
        TreeSet<Path> dirs = new TreeSet<>();
        for (SourceRoot root : roots) {
            Path path = root.path().toAbsolutePath().normalize();
            if (!Files.isDirectory(path)) {
                continue;
            }
            Path sets = path.getParent() == null ? null : path.getParent().getParent();
            boolean sourceSet = sets != null && sets.getFileName() != null
                    && sets.getFileName().toString().equals("src") && sets.getParent() != null;
            dirs.add(sourceSet ? sets.getParent() : path);
        }
        List<Path> outermost = new ArrayList<>();
        for (Path d : dirs) {
            if (outermost.stream().noneMatch(d::startsWith)) {
                outermost.add(d);
            }
        }
        return outermost;
    }

    /** Test resources are not production: {@code src/test/resources}, or a {@code test} directory without layout. */
    static boolean isTest(String relativePath) {
        Matcher m = SOURCE_SET.matcher(relativePath);
        String lastSet = null;
        while (m.find()) {
            lastSet = m.group(1);
        }
        if (lastSet != null) {
            return SourceDiscovery.isTestSourceSet(lastSet);
        }
        return ("/" + relativePath).contains("/test/");
    }

    private static List<Path> walk(Path start) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    Path name = dir.getFileName();
                    boolean skip = !dir.equals(start) && name != null && skipped(name.toString());
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    // Not following links: a link to a file or directory is seen as a link and left out, and a pipe
                    // named template.yaml is never opened.
                    if (attrs.isRegularFile() && hasTemplateSuffix(file.getFileName().toString())) {
                        found.add(file.toAbsolutePath().normalize());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE; // an unreadable entry cannot be told from any other file
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static boolean skipped(String directoryName) {
        return SKIPPED_DIRECTORIES.contains(directoryName) || directoryName.startsWith(".");
    }

    static boolean hasTemplateSuffix(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        return globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    private static boolean matches(List<PathMatcher> matchers, String relativePath, boolean whenEmpty) {
        if (matchers.isEmpty()) {
            return whenEmpty;
        }
        Path p = Path.of(relativePath);
        return matchers.stream().anyMatch(m -> m.matches(p));
    }
}
