package io.ddblint.core.engine;

import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.Finding;
import io.ddblint.core.SourceRange;
import io.ddblint.core.config.Configuration;
import io.ddblint.core.expr.ParsedExpression;
import io.ddblint.core.expr.ParsedExpressions;
import io.ddblint.core.partiql.ParsedStatements;
import io.ddblint.core.partiql.Statement;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ExpressionKind;
import io.ddblint.core.facts.Member;
import io.ddblint.core.model.Model;
import io.ddblint.core.rule.Limits;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleDescriptor;
import io.ddblint.core.rule.RuleRegistry.RegisteredRule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs rules over the model and turns their reports into findings. The engine, not the rule, stamps id, severity,
 * doc link and fingerprint, so every finding of a rule is consistent with its metadata. Built-in checks (DDB-X001)
 * report through the same context and are stamped by the same code.
 */
public final class RuleEngine {

    /** What a rule reported, before stamping. */
    private record Report(RuleDescriptor rule, String path, SourceRange range, String member, Member enclosing,
                          String code, String message, String fixHint) {
    }

    public record Outcome(List<Finding> findings, List<AnalysisProblem> problems) {
    }

    private RuleEngine() {
    }

    public static Outcome run(List<RegisteredRule> rules, Model model) {
        return run(rules, model, Configuration.DEFAULTS);
    }

    /** Runs the rules with the configured limits, and stamps the configured severities. */
    public static Outcome run(List<RegisteredRule> rules, Model model, Configuration configuration) {
        List<Report> reports = new ArrayList<>();
        List<AnalysisProblem> problems = new ArrayList<>();
        ParsedExpressions expressions = new ParsedExpressions();
        ParsedStatements statements = new ParsedStatements();
        for (RegisteredRule registered : rules) {
            RuleDescriptor descriptor = registered.descriptor();
            RuleContext context = new Context(descriptor, model, configuration.limits(), reports, expressions,
                    statements);
            for (CallSite site : model.callSites()) {
                try {
                    registered.rule().visitCallSite(site, context);
                } catch (Throwable e) {
                    rethrowIfFatal(e);
                    problems.add(new AnalysisProblem(AnalysisProblem.Kind.ANALYSIS_ERROR, site.path(), site.range(),
                            "rule " + descriptor.id() + " failed: " + e));
                }
            }
            try {
                registered.rule().visitModel(context);
            } catch (Throwable e) {
                rethrowIfFatal(e);
                problems.add(new AnalysisProblem(AnalysisProblem.Kind.ANALYSIS_ERROR, null, SourceRange.UNKNOWN,
                        "rule " + descriptor.id() + " failed: " + e));
            }
        }
        return new Outcome(stamp(reports, configuration), problems);
    }

    /**
     * Runs a built-in check, one that is not a registered rule because it needs what only a later step knows (DDB-X001
     * judges suppressions after the filter step), and stamps its reports exactly like a rule's. Unlike a rule, a
     * built-in check is ddb-lint's own code: if it throws, the run fails.
     */
    public static List<Finding> runBuiltIn(RuleDescriptor rule, Model model, Configuration configuration,
                                           Consumer<RuleContext> check) {
        List<Report> reports = new ArrayList<>();
        check.accept(new Context(rule, model, configuration.limits(), reports, new ParsedExpressions(),
                new ParsedStatements()));
        return stamp(reports, configuration);
    }

    /**
     * A rule that throws anything, even a {@link StackOverflowError} on a deeply nested expression, an
     * {@link AssertionError} or a {@link LinkageError} from a rule jar built against another core, costs that rule
     * that call site, not the run. Only a JVM out of resources ({@link OutOfMemoryError}, {@link InternalError})
     * cannot go on; a stack overflow has already been unwound when it is caught.
     */
    private static void rethrowIfFatal(Throwable e) {
        if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
            throw fatal;
        }
    }

    /**
     * Fingerprints hold no line numbers (rule, file, member, normalized code), so baselines survive edits; an
     * ordinal among identical keys, in source order, keeps a second identical finding in one member distinct.
     */
    private static List<Finding> stamp(List<Report> reports, Configuration configuration) {
        reports.sort(Comparator.comparing(Report::path).thenComparing(Report::range)
                .thenComparing(r -> r.rule().id()));
        Map<String, Integer> ordinals = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>(reports.size());
        for (Report r : reports) {
            String key = String.join("\u0000", r.rule().id(), r.path(), r.member(), r.code());
            int ordinal = ordinals.merge(key, 1, Integer::sum) - 1;
            findings.add(new Finding(r.rule().id(), r.rule().name(), configuration.severityOf(r.rule()), r.message(),
                    r.path(), r.range(), r.member(), r.fixHint(), configuration.helpUri(r.rule()),
                    Fingerprints.of(key + "\u0000" + ordinal), r.enclosing()));
        }
        return findings;
    }

    private record Context(RuleDescriptor rule, Model model, Limits limits, List<Report> reports,
                           ParsedExpressions expressions, ParsedStatements statements) implements RuleContext {

        @Override
        public Statement statement(String text) {
            return statements.get(text);
        }

        @Override
        public ParsedExpression expression(ExpressionKind kind, String text) {
            return expressions.get(kind, text);
        }

        @Override
        public void report(CallSite site, String message, String fixHint) {
            reports.add(new Report(rule, site.path(), site.range(), site.qualifiedMember(), site.member(),
                    site.code(), message, fixHint));
        }

        @Override
        public void report(String path, SourceRange range, String member, Member enclosing, String code,
                           String message, String fixHint) {
            reports.add(new Report(rule, path, range, member, enclosing, code, message, fixHint));
        }
    }
}
