package io.ddblint.core;

import io.ddblint.core.config.Configuration;
import io.ddblint.core.config.ConfiguredTables;
import io.ddblint.core.engine.FilterStep;
import io.ddblint.core.engine.RuleEngine;
import io.ddblint.core.model.JavaTables;
import io.ddblint.core.model.Model;
import io.ddblint.core.model.TableDefinition;
import io.ddblint.core.rule.RuleRegistry.RegisteredRule;
import io.ddblint.core.rule.RuleRegistry;
import io.ddblint.core.scan.ProjectScan;
import io.ddblint.core.source.ParserPool;
import io.ddblint.core.source.SourceDiscovery;
import io.ddblint.core.source.SourceFile;

import java.util.ArrayList;
import java.util.List;

/**
 * The one analyzer every front end calls: sources → prefilter → parse → facts → model → rules → filter → findings.
 * Stateless between runs: steps 2 to 5 are {@link ProjectScan}, then the model, the rules and the filter.
 */
public final class Analyzer {

    private final RuleRegistry rules;

    public Analyzer(RuleRegistry rules) {
        this.rules = rules;
    }

    /** Step 5: the call sites linked, and the tables of every source merged into the model. */
    public static Model link(ProjectScan.Facts facts, Configuration config) {
        List<TableDefinition> definitions = new ArrayList<>(ConfiguredTables.definitions(config));
        definitions.addAll(JavaTables.definitions(facts.schema(), facts.index()));
        return new Model(facts.index(), facts.callSites(), definitions);
    }

    /**
     * Analyses the request. Files that cannot be read or parsed become problems in the result.
     *
     * @throws AnalysisException for invalid input, such as a source path that does not exist
     */
    public AnalysisResult analyze(AnalysisRequest request) {
        long start = System.nanoTime();
        List<SourceFile> files = SourceDiscovery.discover(request);
        try (ParserPool pool = new ParserPool(request.threads(), request.configuration().fileBudget())) {
            ProjectScan.Facts facts = ProjectScan.run(request, files, pool);
            List<AnalysisProblem> problems = new ArrayList<>(facts.problems());

            Configuration config = request.configuration();
            Model model = link(facts, config);
            List<RegisteredRule> enabled = rules.rules().stream()
                    .filter(r -> config.isEnabled(r.descriptor())).toList();
            RuleEngine.Outcome outcome = RuleEngine.run(enabled, model, config);
            problems.addAll(outcome.problems());

            FilterStep.Outcome filtered = FilterStep.apply(outcome.findings(), facts.suppressions(), rules.descriptors(),
                    enabled.stream().map(RegisteredRule::descriptor).toList(), model, config, request.baseline());

            long millis = (System.nanoTime() - start) / 1_000_000;
            AnalysisStats stats = new AnalysisStats(files.size(), facts.filesParsed(), facts.callSites().size(),
                    facts.unresolved().size(), millis);
            return new AnalysisResult(request.projectRoot(), filtered.reported(), filtered.suppressed(), problems,
                    filtered.ran(), model.callSites(), stats, facts.unresolved(), config.docBaseUrl());
        }
    }
}
