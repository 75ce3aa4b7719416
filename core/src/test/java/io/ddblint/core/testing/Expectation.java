package io.ddblint.core.testing;

/**
 * One {@code // expect:} marker: the finding of {@code ruleId} expected on {@code line} of {@code path}, whose message
 * contains {@code text} when text is not null.
 */
public record Expectation(String path, int line, String ruleId, String text) {

    @Override
    public String toString() {
        return path + ":" + line + ": " + ruleId + (text == null ? "" : " \"" + text + "\"");
    }
}
