package io.ddblint.core.rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The rules available to a run, each with its descriptor. Rules are found with {@link ServiceLoader} so that the
 * rules module (and, later, third-party rule jars) plug in without core knowing them.
 */
public final class RuleRegistry {

    private final List<RegisteredRule> rules;
    private final Map<String, RegisteredRule> byKey;

    public record RegisteredRule(Rule rule, RuleDescriptor descriptor) {
    }

    private RuleRegistry(List<RegisteredRule> rules) {
        this.rules = List.copyOf(rules);
        Map<String, RegisteredRule> keys = new HashMap<>();
        for (RegisteredRule r : rules) {
            for (String key : List.of(r.descriptor().id(), r.descriptor().name())) {
                RegisteredRule previous = keys.put(key.toLowerCase(Locale.ROOT), r);
                if (previous != null) {
                    throw new IllegalStateException("Two rules share the id or name '" + key + "': "
                            + previous.rule().getClass().getName() + " and " + r.rule().getClass().getName());
                }
            }
        }
        this.byKey = Map.copyOf(keys);
    }

    /** Rules registered as services on the class loader that loaded {@link Rule}. */
    public static RuleRegistry loadDefault() {
        return load(Rule.class.getClassLoader());
    }

    public static RuleRegistry load(ClassLoader loader) {
        List<Rule> found = new ArrayList<>();
        ServiceLoader.load(Rule.class, loader).forEach(found::add);
        return of(found);
    }

    public static RuleRegistry of(List<? extends Rule> ruleInstances) {
        List<RegisteredRule> registered = new ArrayList<>();
        for (Rule rule : ruleInstances) {
            registered.add(new RegisteredRule(rule, describe(rule.getClass())));
        }
        registered.sort(Comparator.comparing(r -> r.descriptor().id()));
        return new RuleRegistry(registered);
    }

    /** Reads a rule class's {@link RuleInfo} and its doc page {@code doc/<id>.md} (see {@link #readDoc}). */
    public static RuleDescriptor describe(Class<?> ruleClass) {
        RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException("Rule " + ruleClass.getName() + " has no @RuleInfo annotation");
        }
        return new RuleDescriptor(info.id(), info.name(), info.summary(), info.severity(), info.category(),
                Arrays.asList(info.tags()), info.enabledByDefault(), readDoc(ruleClass, info.id()));
    }

    /**
     * The doc page {@code doc/<id>.md} beside {@code ruleClass}, or else in the nearest enclosing package that has
     * one, or an empty string when there is none. A rule in a subpackage ({@code io.ddblint.rules.model}) thus finds
     * its page among the rules' pages, where its help link points, instead of needing a doc directory of its own.
     */
    static String readDoc(Class<?> ruleClass, String id) {
        String dir = ruleClass.getPackageName().replace('.', '/');
        while (!dir.isEmpty()) {
            try (InputStream in = ruleClass.getResourceAsStream("/" + dir + "/doc/" + id + ".md")) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dir = dir.substring(0, Math.max(dir.lastIndexOf('/'), 0));
        }
        return "";
    }

    public List<RegisteredRule> rules() {
        return rules;
    }

    public List<RuleDescriptor> descriptors() {
        return rules.stream().map(RegisteredRule::descriptor).toList();
    }

    /** Finds a rule by id or name alias, case-insensitively. */
    public Optional<RegisteredRule> find(String idOrName) {
        return Optional.ofNullable(byKey.get(idOrName.toLowerCase(Locale.ROOT)));
    }
}
