package io.ddblint.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The model is linked from extracted facts, never the reverse: extract must not depend on model. */
class PackageCycleTest {

    private static final Path MAIN = Path.of("src/main/java/io/ddblint/core");

    @Test
    void extractionDoesNotDependOnTheModel() throws IOException {
        assertThat(importers("extract", "io.ddblint.core.model.")).isEmpty();
    }

    /** Files of {@code pkg} that import anything under {@code prefix} outside {@code pkg} itself. */
    private static List<String> importers(String pkg, String prefix) throws IOException {
        String own = "io.ddblint.core." + pkg + ".";
        try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
            return files.filter(f -> imports(f, prefix, own)).map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean imports(Path file, String prefix, String own) {
        try {
            return Files.readAllLines(file).stream().map(String::trim)
                    .filter(l -> l.startsWith("import ")).map(l -> l.substring("import ".length()))
                    .anyMatch(name -> name.startsWith(prefix) && !name.startsWith(own));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
