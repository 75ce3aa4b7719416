package io.ddblint.core.source;

import io.ddblint.core.sdk.DynamoDbApi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The byte-level gate in front of the parser. Reading bytes and searching them costs a small fraction of parsing, so
 * every file passes through here and only the few that can matter are parsed.
 */
public final class Prefilter {

    private Prefilter() {
    }

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    /**
     * Whether a file too large to analyse is worth a problem: only when it could have mattered, so a code base's
     * generated files that never name DynamoDB cost nothing and say nothing.
     */
    public static boolean oversizedFileMatters(SourceFile file) throws IOException {
        return SourceText.mayContain(file.path(), DynamoDbApi.PACKAGE_MARKER);
    }

    /**
     * Reads a file once: its package, whether it mentions a DynamoDB package and, when asked (only with a
     * classpath, to find library types that expose a client), its single-type imports.
     */
    public static ScannedFile scan(SourceFile file, boolean withImports, long maxBytes) throws IOException {
        byte[] bytes = SourceText.read(file.path(), maxBytes);
        // Latin-1 maps bytes 1:1 to chars: a cheap copy that keeps ASCII searchable whatever the real encoding.
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        // A file can only name a DynamoDB type through an import or a qualified name, both of which contain the
        // package marker: a file without it cannot use one directly.
        boolean direct = text.contains(DynamoDbApi.PACKAGE_MARKER);
        return new ScannedFile(file, packageOf(text), direct, withImports && !direct ? importsOf(text) : List.of());
    }

    static List<String> importsOf(String text) {
        List<String> imports = new ArrayList<>();
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
            imports.add(m.group(1));
        }
        return List.copyOf(imports);
    }

    /** Whether the file mentions any of the names as a whole identifier. */
    public static boolean mentionsAny(SourceFile file, Collection<String> identifiers, long maxBytes)
            throws IOException {
        String text = new String(SourceText.read(file.path(), maxBytes), StandardCharsets.ISO_8859_1);
        for (String id : identifiers) {
            int from = 0;
            int at;
            while ((at = text.indexOf(id, from)) >= 0) {
                int end = at + id.length();
                boolean startOk = at == 0 || !Character.isJavaIdentifierPart(text.charAt(at - 1));
                boolean endOk = end >= text.length() || !Character.isJavaIdentifierPart(text.charAt(end));
                if (startOk && endOk) {
                    return true;
                }
                from = end;
            }
        }
        return false;
    }

    /**
     * The package declared at the top of the file, skipping comments and annotations; "" for the default package.
     * A tiny scanner rather than a parse: it runs on every file.
     */
    public static String packageOf(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF' || c == 'ï' || c == '»' || c == '¿') {
                i++;
            } else if (text.startsWith("//", i)) {
                int eol = text.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '@') {
                i = skipAnnotation(text, i + 1);
            } else if (text.startsWith("package", i) && i + 7 < n && !Character.isJavaIdentifierPart(text.charAt(i + 7))) {
                int semi = text.indexOf(';', i);
                if (semi < 0) {
                    return "";
                }
                String name = text.substring(i + 7, semi).replaceAll("/\\*.*?\\*/", "");
                return name.replaceAll("\\s+", "");
            } else {
                return "";
            }
        }
        return "";
    }

    private static int skipAnnotation(String text, int from) {
        int i = from;
        while (i < text.length() && (Character.isJavaIdentifierPart(text.charAt(i)) || text.charAt(i) == '.')) {
            i++;
        }
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '(') {
            int depth = 0;
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return i + 1;
                }
            }
        }
        return i;
    }

    /** A file after the prefilter. */
    public record ScannedFile(SourceFile file, String packageName, boolean mentionsDynamoDb, List<String> imports) {

        /** The fully qualified name of the type the file is named after. */
        public String primaryTypeName() {
            String name = file.path().getFileName().toString();
            String simple = name.substring(0, name.length() - ".java".length());
            return packageName.isEmpty() ? simple : packageName + "." + simple;
        }
    }
}
