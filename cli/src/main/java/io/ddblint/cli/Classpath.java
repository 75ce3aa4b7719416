package io.ddblint.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads a {@code --classpath} value the way javac reads {@code -classpath}. */
final class Classpath {

    private static final String WILDCARD = "*";

    private Classpath() {
    }

    /**
     * The entries that exist, as absolute paths, in the given order. A missing entry is skipped with a warning
     * rather than failing the run: a stale classpath only costs type resolution, which the analysis survives.
     * An entry whose last element is {@code *} stands for the jars in that directory, as for javac.
     */
    static List<Path> entries(String value, Consumer<String> warn) {
        List<Path> entries = new ArrayList<>();
        for (String entry : value.split(Pattern.quote(File.pathSeparator))) {
            if (entry.isBlank()) {
                continue;
            }
            // Checked on the string: '*' is not a legal path character on every platform.
            boolean wildcard = entry.equals(WILDCARD) || entry.endsWith(File.separator + WILDCARD)
                    || entry.endsWith("/" + WILDCARD);
            String location = wildcard ? entry.substring(0, entry.length() - WILDCARD.length()) : entry;
            Path path = existing(location.isEmpty() ? "." : location);
            if (path == null || (wildcard && !Files.isDirectory(path))) {
                warn.accept("classpath entry not found: " + entry);
            } else if (wildcard) {
                entries.addAll(jarsIn(path, entry, warn));
            } else {
                entries.add(path);
            }
        }
        return List.copyOf(entries);
    }

    private static Path existing(String location) {
        try {
            Path path = Path.of(location);
            return Files.exists(path) ? path.toAbsolutePath().normalize() : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static List<Path> jarsIn(Path directory, String entry, Consumer<String> warn) {
        try (Stream<Path> files = Files.list(directory)) {
            // Sorted so that the same directory gives the same classpath, hence the same resolution, every run.
            return files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            warn.accept("classpath entry not readable: " + entry);
            return List.of();
        }
    }
}
