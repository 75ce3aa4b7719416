package io.ddblint.core.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The output formats front ends offer. One place lists them, so the CLI's {@code --format}, the Maven plugin's
 * {@code formats} and their help texts agree. Reporters are stateless, so one shared instance of each is enough.
 */
public final class Reporters {

    /** Sorted by format name. */
    private static final List<Reporter> ALL = List.of(
            new CheckstyleReporter(),
            new HtmlReporter(),
            new JsonReporter(),
            new SarifReporter(),
            new TextReporter());

    private Reporters() {
    }

    /** The reporter for a format name as users type it ({@code sarif}, {@code SARIF}), if there is one. */
    public static Optional<Reporter> forFormat(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(r -> r.format().equals(wanted)).findFirst();
    }

    /** Every format name, sorted: for help texts and error messages. */
    public static List<String> formats() {
        return ALL.stream().map(Reporter::format).toList();
    }

    /** Every reporter, sorted by format name. */
    public static List<Reporter> all() {
        return ALL;
    }
}
