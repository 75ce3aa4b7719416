package io.ddblint.core.config;

import io.ddblint.core.Severity;
import io.ddblint.core.rule.Limits;
import io.ddblint.core.rule.RuleDescriptor;
import io.ddblint.core.source.FileBudget;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The contents of {@code ddb-lint.yml}, validated. {@link #DEFAULTS} is what a project without the file gets.
 *
 * @param rules              rule id (never a name alias: the loader resolves those) to its setting
 * @param nonProductionPaths globs over project-relative paths of code that is not production code even though it
 *                           lives in a main source root (migrations, admin tools)
 * @param limits             service limits the rules check against
 * @param tables             tables declared for the model
 * @param fileBudget         what one source file may cost the run
 * @param docBaseUrl         where the user publishes the rule documentation (see {@link #docBaseUrlProblem}), or
 *                           null: reports then carry no links to rule pages, only the embedded help
 */
public record Configuration(Map<String, RuleSetting> rules, List<String> nonProductionPaths, Limits limits,
                            List<DeclaredTable> tables, FileBudget fileBudget, String docBaseUrl) {

    public static final Configuration DEFAULTS = new Configuration(Map.of(), List.of(), Limits.DEFAULTS, List.of());

    public Configuration {
        rules = Map.copyOf(rules);
        nonProductionPaths = List.copyOf(nonProductionPaths);
        tables = List.copyOf(tables);
        if (docBaseUrl != null) {
            String given = docBaseUrl;
            docBaseUrlProblem(given).ifPresent(problem -> {
                throw new IllegalArgumentException("docBaseUrl " + problem + ", not '" + given + "'");
            });
        }
    }

    /** With the default file budget and without a documentation base URL. */
    public Configuration(Map<String, RuleSetting> rules, List<String> nonProductionPaths, Limits limits,
                         List<DeclaredTable> tables) {
        this(rules, nonProductionPaths, limits, tables, FileBudget.DEFAULTS, null);
    }

    /** The configured switch wins over the rule's {@code enabledByDefault}. */
    public boolean isEnabled(RuleDescriptor rule) {
        RuleSetting setting = rules.get(rule.id());
        return setting != null && setting.enabled() != null ? setting.enabled() : rule.enabledByDefault();
    }

    public Severity severityOf(RuleDescriptor rule) {
        RuleSetting setting = rules.get(rule.id());
        return setting != null && setting.severity() != null ? setting.severity() : rule.defaultSeverity();
    }

    /** The rule's documentation page under {@link #docBaseUrl}, or null when no base is configured. */
    public String helpUri(RuleDescriptor rule) {
        return rule.helpUri(docBaseUrl);
    }

    /**
     * The same configuration with another documentation base URL: a front end's option (CLI
     * {@code --doc-base-url}, Maven {@code docBaseUrl}) wins over the file's {@code docBaseUrl}.
     *
     * @throws IllegalArgumentException when the URL is not valid; check it with {@link #docBaseUrlProblem} first
     */
    public Configuration withDocBaseUrl(String url) {
        return new Configuration(rules, nonProductionPaths, limits, tables, fileBudget, url);
    }

    /** The same configuration with another file budget. */
    public Configuration withFileBudget(FileBudget budget) {
        return new Configuration(rules, nonProductionPaths, limits, tables, budget, docBaseUrl);
    }

    /**
     * What is wrong with a documentation base URL, for a message that goes on to quote the value: empty when it is
     * an absolute http or https URL with a host and without query or fragment. Rule ids are appended to its path,
     * which a query or fragment would break.
     */
    public static Optional<String> docBaseUrlProblem(String url) {
        String rule = "must be an absolute http or https URL without query or fragment";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of(rule + " (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean valid = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                && uri.getRawQuery() == null && uri.getRawFragment() == null;
        return valid ? Optional.empty() : Optional.of(rule);
    }
}
