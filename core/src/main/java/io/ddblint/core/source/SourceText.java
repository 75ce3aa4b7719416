package io.ddblint.core.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads source files with a size bound. Files are never read whole before their size is known: a 3 GB file must not
 * exhaust the heap, and a FIFO or device named {@code *.java} must not block the run.
 */
public final class SourceText {

    private static final int CHUNK = 64 * 1024;
    /** Past this, an oversized file is reported without looking inside (a sparse 3 GB file reads as gigabytes). */
    private static final long MAX_SCANNED_BYTES = 64L * 1024 * 1024;

    private SourceText() {
    }

    /** Why a file was not read: it is not a regular file, or it is larger than the bound. */
    public static final class NotReadable extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean tooLarge;

        NotReadable(String message, boolean tooLarge) {
            super(message);
            this.tooLarge = tooLarge;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }

    /** The file's bytes, when it is a regular file of at most {@code maxBytes}. */
    public static byte[] read(Path file, long maxBytes) throws IOException {
        long size = checkedSize(file);
        if (size > maxBytes) {
            throw tooLarge(size, maxBytes);
        }
        // Its size is known and within the bound: read it into one array of that size, as Files.readAllBytes does,
        // since this runs on every file of the code base. A file that grew meanwhile is refused after the fact.
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > maxBytes) {
            throw tooLarge(bytes.length, maxBytes);
        }
        return bytes;
    }

    public static String readUtf8(Path file, long maxBytes) throws IOException {
        return new String(read(file, maxBytes), StandardCharsets.UTF_8);
    }

    /**
     * Whether an oversized file contains the ASCII text {@code needle}, read in chunks so memory stays bounded. Files
     * past {@link #MAX_SCANNED_BYTES} are not searched: the answer is then "maybe" (true).
     */
    public static boolean mayContain(Path file, String needle) throws IOException {
        if (checkedSize(file) > MAX_SCANNED_BYTES) {
            return true;
        }
        byte[] pattern = needle.getBytes(StandardCharsets.ISO_8859_1);
        byte[] buffer = new byte[CHUNK + pattern.length];
        int kept = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.readNBytes(buffer, kept, CHUNK)) > 0) {
                int length = kept + n;
                if (indexOf(buffer, length, pattern) >= 0) {
                    return true;
                }
                // Keep the tail, so a match across two chunks is still found.
                kept = Math.min(pattern.length - 1, length);
                System.arraycopy(buffer, length - kept, buffer, 0, kept);
            }
        }
        return false;
    }

    private static int indexOf(byte[] data, int length, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static long checkedSize(Path file) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attrs.isRegularFile()) {
            throw new NotReadable("not a regular file (a pipe, device or directory named like a source file)",
                    false);
        }
        return attrs.size();
    }

    private static NotReadable tooLarge(long size, long maxBytes) {
        return new NotReadable("file is " + humanBytes(size) + ", over the limit of " + humanBytes(maxBytes)
                + " (analysis.maxFileSize in ddb-lint.yml); it was not analysed", true);
    }

    /** {@code 1.5 MB}, {@code 3.0 GB}, {@code 812 bytes}. */
    public static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
