package io.ddblint.core.java;

import io.ddblint.core.AnalysisProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

class ClasspathTest {

    @TempDir
    Path dir;

    @Test
    void classFileNamesCoverNestedTypes() {
        assertThat(Classpath.classFileNames("a.b.Outer.Inner"))
                .containsExactly("a/b/Outer/Inner.class", "a/b/Outer$Inner.class", "a/b$Outer$Inner.class",
                        "a$b$Outer$Inner.class");
    }

    @Test
    void classesWhoseBytesNeverNameDynamoDbAreNotResolvedAtAll() throws IOException {
        Path jar = dir.resolve("lib.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            // Not a valid class file: if the byte check did not stop first, resolving it would fail loudly.
            zip.putNextEntry(new ZipEntry("com/acme/Plain.class"));
            zip.write("not a class, and no database named here".getBytes());
            zip.closeEntry();
        }
        List<AnalysisProblem> problems = new ArrayList<>();
        try (Classpath classpath = Classpath.open(List.of(jar, dir.resolve("missing.jar")), problems)) {
            assertThat(classpath.exposesDynamoDb("com.acme.Plain")).isFalse();
            assertThat(classpath.exposesDynamoDb("com.acme.Absent")).isFalse();
        }
        assertThat(problems).singleElement().extracting(AnalysisProblem::message).asString()
                .contains("missing.jar");
    }
}
