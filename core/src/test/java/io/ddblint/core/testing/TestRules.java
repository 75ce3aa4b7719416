package io.ddblint.core.testing;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.Severity;
import io.ddblint.core.baseline.Baseline;
import io.ddblint.core.config.Configuration;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.Operation;
import io.ddblint.core.model.ModelSource;
import io.ddblint.core.model.Table;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;
import io.ddblint.core.rule.RuleRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Two small rules for core's own tests of the filter step (core cannot see the rules module): one on by default,
 * one off by default, with the ids and names of real rules so that suppressions read naturally.
 */
public final class TestRules {

    private TestRules() {
    }

    /** Reports every Scan in production code, like DDB-P001. */
    @RuleInfo(id = "DDB-P001", name = "ScanInProductionCode", summary = "A Scan in production code",
            severity = Severity.WARNING, category = Category.PERFORMANCE)
    public static final class Scans implements Rule {
        @Override
        public void visitCallSite(CallSite site, RuleContext context) {
            if (site.operation() == Operation.SCAN && site.isProduction()) {
                context.report(site, "`" + site.quote() + "` scans (batch write limit "
                        + context.limits().batchWriteItems() + ")");
            }
        }
    }

    /** Reports every strongly consistent read; disabled by default, like DDB-P007. */
    @RuleInfo(id = "DDB-P007", name = "StronglyConsistentRead", summary = "A strongly consistent read",
            severity = Severity.INFO, category = Category.PERFORMANCE, enabledByDefault = false)
    public static final class ConsistentReads implements Rule {
        @Override
        public void visitCallSite(CallSite site, RuleContext context) {
            if (site.request().consistentRead().is(true)) {
                context.report(site, "`" + site.quote() + "` reads consistently");
            }
        }
    }

    /**
     * Runs {@code failure}, which throws, on the first call site it visits (or in {@code visitModel}, when told to),
     * and reports every other call site: shows that a failing rule costs only what it failed on. Its id sorts before
     * every real rule's, so the rules that run after it show that the run went on.
     */
    @RuleInfo(id = "DDB-A001", name = "Throws", summary = "Fails on purpose", severity = Severity.INFO,
            category = Category.MAINTENANCE)
    public static final class Throws implements Rule {
        private final Runnable failure;
        private final boolean inModel;
        private boolean failed;

        public Throws(Runnable failure, boolean inModel) {
            this.failure = failure;
            this.inModel = inModel;
        }

        @Override
        public void visitCallSite(CallSite site, RuleContext context) {
            if (!inModel && !failed) {
                failed = true;
                failure.run();
            }
            context.report(site, "visited");
        }

        @Override
        public void visitModel(RuleContext context) {
            if (inModel) {
                failure.run();
            }
        }
    }

    /**
     * Reports every table a CloudFormation template defines, at its resource, as the model rules (DDB-M001, DDB-M005)
     * do: what core's tests of reports, suppressions and baselines need of a finding located in a YAML or JSON file.
     */
    @RuleInfo(id = "DDB-M901", name = "TableInTemplate", summary = "A table defined in a template",
            severity = Severity.WARNING, category = Category.DATA_MODEL)
    public static final class TablesInTemplates implements Rule {
        @Override
        public void visitModel(RuleContext context) {
            for (Table table : context.model().tables()) {
                for (ModelSource source : table.sources()) {
                    if (source.kind() == ModelSource.Kind.CLOUDFORMATION) {
                        context.report(source.location().path(), source.location().range(), source.member(), null,
                                source.code(), "table '" + table.name() + "' (partition key "
                                        + table.keys().partitionKey() + ") is defined in " + source.describe(),
                                "Nothing to fix: a test rule.");
                    }
                }
            }
        }
    }

    /** Overflows the stack for real, the way a rule recursing over a deeply nested expression would. */
    public static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    public static RuleRegistry registry() {
        return RuleRegistry.of(List.of(new Scans(), new ConsistentReads()));
    }

    /** Writes the sources under {@code dir} (relative path to text) and analyses {@code dir} as one project. */
    public static AnalysisResult analyze(Path dir, Map<String, String> sources, Configuration configuration,
                                         Baseline baseline) throws IOException {
        write(dir, sources);
        AnalysisRequest request = AnalysisRequest.of(dir, List.of(dir), false)
                .withConfiguration(configuration).withBaseline(baseline);
        return new Analyzer(registry()).analyze(request);
    }

    public static AnalysisResult analyze(Path dir, Map<String, String> sources) throws IOException {
        return analyze(dir, sources, Configuration.DEFAULTS, Baseline.EMPTY);
    }

    public static void write(Path dir, Map<String, String> sources) throws IOException {
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
        }
    }

    /** A repository class around one method body, for tests that only care about the body. */
    public static String repo(String body) {
        return """
                package a;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
                class Repo {
                    private final DynamoDbClient ddb;
                    Repo(DynamoDbClient ddb) { this.ddb = ddb; }
                %s}
                """.formatted(body);
    }
}
