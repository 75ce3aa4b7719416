package io.ddblint.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Core's packages each hold one concern and depend on each other one way: Java resolution ({@code java}) below
 * constant folding ({@code fold}) below DynamoDB reading ({@code calls}) below the scan driver ({@code scan}); the model
 * is linked from facts and never the reverse; rules see the model, never extraction. The root package is the API
 * (request, result, findings and the {@code Analyzer} facade over every step), so it is left out.
 */
class PackageCycleTest {

    private static final Path MAIN = Path.of("src/main/java/io/ddblint/core");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.ddblint\\.core\\.([a-z]+)\\.",
            Pattern.MULTILINE);

    @Test
    void corePackagesFormNoCycle() {
        Map<String, Set<String>> graph = dependencies();
        assertThat(graph).containsKeys("java", "fold", "calls", "scan", "model", "rule", "engine");
        assertThat(cycles(graph)).isEmpty();
    }

    @Test
    void layersPointOneWay() {
        Map<String, Set<String>> graph = dependencies();
        assertThat(graph.get("java")).doesNotContain("fold", "calls", "scan", "model", "rule");
        assertThat(graph.get("fold")).doesNotContain("calls", "scan", "model", "rule");
        assertThat(graph.get("calls")).doesNotContain("scan", "model", "rule");
        assertThat(graph.get("model")).doesNotContain("calls", "scan", "fold", "rule", "engine");
        assertThat(graph.get("rule")).doesNotContain("java", "fold", "calls", "scan");
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> graph = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"),
                "d", Set.of("a")));
        assertThat(cycles(graph)).containsExactly("a -> b -> c -> a");
    }

    /** Each package of core to the other packages its files import. */
    private static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> packages = Files.list(MAIN)) {
            for (Path pkg : packages.filter(Files::isDirectory).sorted().toList()) {
                String name = pkg.getFileName().toString();
                Set<String> uses = new TreeSet<>();
                try (Stream<Path> files = Files.list(pkg)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        Matcher m = IMPORT.matcher(Files.readString(file));
                        while (m.find()) {
                            uses.add(m.group(1));
                        }
                    }
                }
                uses.remove(name);
                graph.put(name, uses);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** Every cycle, each once, as {@code a -> b -> a} starting at its smallest package. */
    private static List<String> cycles(Map<String, Set<String>> graph) {
        Set<String> found = new TreeSet<>();
        for (String start : graph.keySet()) {
            walk(graph, start, new ArrayList<>(List.of(start)), found);
        }
        return List.copyOf(found);
    }

    private static void walk(Map<String, Set<String>> graph, String at, List<String> path, Set<String> found) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (next.equals(path.get(0))) {
                if (path.stream().allMatch(p -> p.compareTo(next) >= 0)) {
                    found.add(String.join(" -> ", path) + " -> " + next);
                }
            } else if (!path.contains(next)) {
                path.add(next);
                walk(graph, next, path, found);
                path.remove(path.size() - 1);
            }
        }
    }
}
