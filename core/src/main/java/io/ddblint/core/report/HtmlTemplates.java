package io.ddblint.core.report;

import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.WriterOutput;

import java.io.Writer;

/**
 * The one place that calls jte: the html report's template, compiled to {@code JteinventoryGenerated} at build time
 * from {@code src/main/jte/inventory.jte}. {@link OwaspHtmlTemplateOutput} is jte's html output: it escapes every
 * value for where it lands (text, attribute value) and refuses values in places that cannot be escaped. Kept apart
 * from {@link HtmlReporter} so that jte's classes load only when a page is written.
 */
final class HtmlTemplates {

    private HtmlTemplates() {
    }

    static void render(HtmlReporter.Page page, Writer out) {
        JteinventoryGenerated.render(new OwaspHtmlTemplateOutput(new WriterOutput(out)), null, page);
    }
}
