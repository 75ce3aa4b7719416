package io.ddblint.core.java;

import com.github.javaparser.ast.Node;

/** Source text for messages and fingerprints: whitespace-normalized, so reformatting does not change it. */
public final class Snippets {

    private static final int MAX_LENGTH = 160;

    private Snippets() {
    }

    public static String normalize(Node node) {
        return normalize(node.toString());
    }

    public static String normalize(String code) {
        String oneLine = code.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH - 3) + "...";
    }
}
