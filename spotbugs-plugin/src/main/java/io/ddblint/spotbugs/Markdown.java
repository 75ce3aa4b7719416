package io.ddblint.spotbugs;

/**
 * Just enough Markdown to HTML for the rules' doc pages in SpotBugs' bug details: headings, paragraphs, fenced code,
 * bullet lists, inline code and bold. The pages are written by this project, in this subset.
 */
final class Markdown {

    private Markdown() {
    }

    static String toHtml(String markdown) {
        StringBuilder html = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        boolean inCode = false;
        boolean inList = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                flush(html, paragraph);
                inList = closeList(html, inList);
                html.append(inCode ? "</pre>\n" : "<pre>");
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                html.append(PluginDescriptorGenerator.escape(line)).append('\n');
                continue;
            }
            if (line.isBlank()) {
                flush(html, paragraph);
                inList = closeList(html, inList);
            } else if (line.startsWith("#")) {
                flush(html, paragraph);
                inList = closeList(html, inList);
                int level = Math.min(6, line.indexOf(' ') + 2);
                html.append("<h").append(level).append('>').append(inline(line.substring(line.indexOf(' ') + 1)))
                        .append("</h").append(level).append(">\n");
            } else if (line.startsWith("- ") || line.startsWith("* ")) {
                flush(html, paragraph);
                if (!inList) {
                    html.append("<ul>\n");
                    inList = true;
                }
                html.append("<li>").append(inline(line.substring(2))).append("</li>\n");
            } else {
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(line.trim());
            }
        }
        flush(html, paragraph);
        closeList(html, inList);
        if (inCode) {
            html.append("</pre>\n");
        }
        return html.toString();
    }

    private static void flush(StringBuilder html, StringBuilder paragraph) {
        if (paragraph.length() > 0) {
            html.append("<p>").append(inline(paragraph.toString())).append("</p>\n");
            paragraph.setLength(0);
        }
    }

    private static boolean closeList(StringBuilder html, boolean inList) {
        if (inList) {
            html.append("</ul>\n");
        }
        return false;
    }

    private static String inline(String text) {
        return PluginDescriptorGenerator.escape(text)
                .replaceAll("`([^`]+)`", "<code>$1</code>")
                .replaceAll("\\*\\*([^*]+)\\*\\*", "<b>$1</b>");
    }
}
