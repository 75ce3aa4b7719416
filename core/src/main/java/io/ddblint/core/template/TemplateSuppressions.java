package io.ddblint.core.template;

import io.ddblint.core.suppress.Suppression;
import io.ddblint.core.suppress.SuppressionCollector;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code # ddb-lint:ignore KEY[,KEY...] [reason]} comments of a YAML template: at the end of a line they cover
 * that line, alone on a line the next line that is neither blank nor a comment, as {@code // ddb-lint:ignore} does in
 * Java. JSON has no comments: findings in a JSON template can only be accepted through the baseline.
 */
final class TemplateSuppressions {

    private static final Pattern IGNORE = SuppressionCollector.ignoreComment("#");

    private TemplateSuppressions() {
    }

    static List<Suppression> read(String path, String text) {
        if (!text.contains("ddb-lint:ignore")) {
            return List.of();
        }
        String[] lines = text.split("\\R", -1);
        int[] comments = YamlComments.commentStarts(lines);
        List<Suppression> found = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (comments[i] < 0) {
                continue;
            }
            Matcher m = IGNORE.matcher(lines[i]).region(comments[i], lines[i].length());
            if (!m.lookingAt()) {
                continue;
            }
            int markerLine = i + 1;
            boolean alone = YamlComments.isCommentOrBlank(lines[i], comments[i]);
            int target = alone ? nextContentLine(lines, comments, i + 1) : markerLine;
            found.addAll(SuppressionCollector.fromIgnoreComment(path, lines[i], m, markerLine, target));
        }
        return found;
    }

    private static int nextContentLine(String[] lines, int[] comments, int from) {
        for (int j = from; j < lines.length; j++) {
            if (!YamlComments.isCommentOrBlank(lines[j], comments[j])) {
                return j + 1;
            }
        }
        return from + 1;
    }
}
