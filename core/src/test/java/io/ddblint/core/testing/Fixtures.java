package io.ddblint.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the shared test-fixtures module is, as set by surefire ({@code ddblint.fixtures}). */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path root() {
        String dir = System.getProperty("ddblint.fixtures");
        if (dir == null) {
            throw new IllegalStateException("system property ddblint.fixtures is not set (see the module's pom.xml)");
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /**
     * Every fixture source directory: main and test code, the uncompiled sources with missing libraries, and the
     * Java 25 sources (parsed by the analyzer, not compiled by the build's JDK 17).
     */
    public static List<Path> sourceDirectories() {
        List<Path> dirs = new ArrayList<>();
        for (String d : List.of("src/main/java", "src/test/java", "src/uncompiled/java", "src/java25/java")) {
            Path p = root().resolve(d);
            if (Files.isDirectory(p)) {
                dirs.add(p);
            }
        }
        return dirs;
    }

    /**
     * Every fixture directory with {@code expect} markers: the source directories and the resources, where the
     * CloudFormation/SAM templates are (YAML markers, JSON sidecars; see {@link Expectations}).
     */
    public static List<Path> markerDirectories() {
        List<Path> dirs = new ArrayList<>(sourceDirectories());
        for (String d : List.of("src/main/resources", "src/test/resources")) {
            Path p = root().resolve(d);
            if (Files.isDirectory(p)) {
                dirs.add(p);
            }
        }
        return dirs;
    }

    /** The jars on the test classpath: the real SDKs the fixtures compile against. */
    public static List<Path> testClasspath() {
        List<Path> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                out.add(Path.of(entry));
            }
        }
        return out;
    }
}
