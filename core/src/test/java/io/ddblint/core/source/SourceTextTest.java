package io.ddblint.core.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceTextTest {

    @TempDir
    Path dir;

    @Test
    void readsUpToTheBoundAndRefusesLargerFiles() throws IOException {
        Path file = Files.writeString(dir.resolve("A.java"), "x".repeat(100));
        assertThat(SourceText.read(file, 100)).hasSize(100);
        assertThatThrownBy(() -> SourceText.read(file, 99)).isInstanceOfSatisfying(SourceText.NotReadable.class,
                e -> {
                    assertThat(e.tooLarge()).isTrue();
                    assertThat(e.getMessage()).startsWith("file is 100 bytes, over the limit of 99 bytes");
                });
    }

    @Test
    void aDirectoryIsNotARegularFile() {
        assertThatThrownBy(() -> SourceText.read(dir, 100)).isInstanceOfSatisfying(SourceText.NotReadable.class,
                e -> assertThat(e.tooLarge()).isFalse());
    }

    @Test
    void findsTextAcrossTheBoundaryOfTwoChunks() throws IOException {
        byte[] bytes = new byte[64 * 1024 + 100];
        java.util.Arrays.fill(bytes, (byte) 'x');
        byte[] marker = "dynamodb".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(marker, 0, bytes, 64 * 1024 - 3, marker.length); // straddles the first chunk's end
        Path file = Files.write(dir.resolve("Big.java"), bytes);
        assertThat(SourceText.mayContain(file, "dynamodb")).isTrue();
        assertThat(SourceText.mayContain(file, "dynamodbv2")).isFalse();
    }

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertThat(SourceText.humanBytes(812)).isEqualTo("812 bytes");
        assertThat(SourceText.humanBytes(1536)).isEqualTo("1.5 KB");
        assertThat(SourceText.humanBytes(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GB");
    }
}
