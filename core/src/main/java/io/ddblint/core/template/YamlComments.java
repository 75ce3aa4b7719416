package io.ddblint.core.template;

import java.util.regex.Pattern;

/**
 * Where the {@code #} comment of each line of a YAML file starts, for {@code # ddb-lint:ignore} comments (and the
 * fixture harness's {@code # expect:} markers). SnakeYAML can keep comments, but its comment mode has failed on valid
 * documents; a template that cannot be read because of a comment would cost its tables, so comments are found here,
 * line by line: a {@code #} at the start of a line or after a blank, outside quotes and outside block scalars.
 */
public final class YamlComments {

    /** A block scalar indicator ({@code |}, {@code >-}, {@code |2+}) ending the line's content. */
    private static final Pattern BLOCK_SCALAR = Pattern.compile("(?:^|[\\s:\\-\\[{,])[|>][0-9+-]{0,2}$");

    private YamlComments() {
    }

    /**
     * For each line, the index of its comment's {@code #}, or -1.
     *
     * <p>LIMITATION: a quoted scalar that spans lines, or a quote opened inside a plain scalar after a blank
     * ({@code a: rock 'n roll}), can hide or fake a comment on that line; templates seldom have either.
     */
    public static int[] commentStarts(String[] lines) {
        int[] starts = new int[lines.length];
        int blockIndent = -1; // inside a block scalar: lines indented deeper than this are its content
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int indent = indentation(line);
            if (blockIndent >= 0) {
                if (line.isBlank() || indent > blockIndent) {
                    starts[i] = -1;
                    continue;
                }
                blockIndent = -1;
            }
            starts[i] = commentStart(line);
            String content = (starts[i] < 0 ? line : line.substring(0, starts[i])).stripTrailing();
            if (BLOCK_SCALAR.matcher(content).find()) {
                blockIndent = indent;
            }
        }
        return starts;
    }

    /** Whether the line holds nothing but blanks and a comment. */
    public static boolean isCommentOrBlank(String line, int commentStart) {
        return (commentStart < 0 ? line : line.substring(0, commentStart)).isBlank();
    }

    static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '"') {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quote = 0;
                }
            } else if (quote == '\'') {
                if (c == '\'') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                        i++; // '' is a quote inside a single-quoted scalar
                    } else {
                        quote = 0;
                    }
                }
            } else if (c == '#') {
                if (i == 0 || Character.isWhitespace(line.charAt(i - 1))) {
                    return i;
                }
            } else if ((c == '"' || c == '\'') && opensScalar(line, i)) {
                quote = c;
            }
        }
        return -1;
    }

    /** A quote opens a quoted scalar where a scalar can start, not inside a plain one ({@code it's}). */
    private static boolean opensScalar(String line, int i) {
        if (i == 0) {
            return true;
        }
        char before = line.charAt(i - 1);
        return Character.isWhitespace(before) || before == '[' || before == '{' || before == ',' || before == ':';
    }

    private static int indentation(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }
}
