package io.ddblint.core.hostile;

import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.testing.Fixtures;
import io.ddblint.core.testing.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A seeded sweep of mutated DynamoDB files, the kind that once ended a {@code --classpath} run with exit 3: lines
 * deleted, swapped and duplicated, tokens shuffled, and {@code package} lines that no longer match their directory.
 * Every mutant is analysed in one project with the classpath on; the run must end, and whatever goes wrong must be a
 * problem of one file. Deterministic: the same seed gives the same mutants.
 */
class MutationSweepTest {

    private static final long SEED = 20261206L;
    private static final int MUTANTS_PER_FILE = 6;

    @TempDir
    Path dir;

    @Test
    void mutatedFilesCostAtMostThemselves() throws IOException {
        List<Path> fixtures = new ArrayList<>();
        for (Path root : Fixtures.sourceDirectories()) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(fixtures::add);
            }
        }
        Random random = new Random(SEED);
        int written = 0;
        for (Path fixture : fixtures) {
            List<String> lines = Files.readAllLines(fixture, StandardCharsets.UTF_8);
            for (int i = 0; i < MUTANTS_PER_FILE; i++) {
                List<String> mutant = mutate(lines, random);
                // Flat and nested directories that do not spell the package: the solver must not climb out of them.
                Path target = dir.resolve(i % 2 == 0 ? "flat" : "x/y").resolve("M" + written++ + ".java");
                Files.createDirectories(target.getParent());
                Files.write(target, mutant, StandardCharsets.UTF_8);
            }
        }
        AnalysisRequest request = AnalysisRequest.of(dir, List.of(dir), true)
                .withClasspath(Fixtures.testClasspath());
        AnalysisResult result = assertTimeoutPreemptively(Duration.ofMinutes(3),
                () -> new Analyzer(TestRules.registry()).analyze(request));

        assertThat(written).isGreaterThan(100);
        assertThat(result.stats().filesDiscovered()).isEqualTo(written);
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.path()).isNotNull());
        assertThat(result.problems()).extracting(AnalysisProblem::kind)
                .doesNotContain(AnalysisProblem.Kind.CONFIGURATION);
        // The sweep must exercise the analysis, not only the parser's error path.
        assertThat(result.callSites()).isNotEmpty();
    }

    private static List<String> mutate(List<String> original, Random random) {
        List<String> lines = new ArrayList<>(original);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(6)) {
                case 0 -> lines.remove(at);
                case 1 -> Collections.swap(lines, at, random.nextInt(lines.size()));
                case 2 -> lines.add(at, lines.get(random.nextInt(lines.size())));
                case 3 -> lines.set(at, shuffleTokens(lines.get(at), random));
                case 4 -> lines.replaceAll(l -> l.startsWith("package ")
                        ? "package " + "deep.".repeat(1 + random.nextInt(40)) + "p;" : l);
                default -> lines.set(at, lines.get(at) + " { (");
            }
        }
        return lines;
    }

    private static String shuffleTokens(String line, Random random) {
        List<String> tokens = new ArrayList<>(List.of(line.trim().split("\\s+")));
        Collections.shuffle(tokens, random);
        return String.join(" ", tokens);
    }
}
