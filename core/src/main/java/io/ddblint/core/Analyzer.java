package io.ddblint.core;

import io.ddblint.core.config.Configuration;
import io.ddblint.core.engine.FilterStep;
import io.ddblint.core.engine.RuleEngine;
import io.ddblint.core.extract.CallSiteExtractor;
import io.ddblint.core.extract.Classpath;
import io.ddblint.core.extract.CallSiteExtractor.FileFacts;
import io.ddblint.core.extract.DeclarationExtractor;
import io.ddblint.core.extract.FileContext;
import io.ddblint.core.extract.FileIndex;
import io.ddblint.core.extract.ProjectIndex;
import io.ddblint.core.extract.SolverFallback;
import io.ddblint.core.extract.TypeInfo;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.Request;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.model.Model;
import io.ddblint.core.rule.RuleRegistry;
import io.ddblint.core.rule.RuleRegistry.RegisteredRule;
import io.ddblint.core.source.ParserPool;
import io.ddblint.core.source.ParserPool.Parsed;
import io.ddblint.core.source.Prefilter;
import io.ddblint.core.source.Prefilter.ScannedFile;
import io.ddblint.core.source.SourceDiscovery;
import io.ddblint.core.source.SourceFile;
import io.ddblint.core.suppress.Suppression;
import io.ddblint.core.suppress.SuppressionCollector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one analyzer every front end calls: sources → prefilter → parse → facts → model → rules → filter → findings.
 * Stateless between runs; a run's state lives in {@link Run}.
 */
public final class Analyzer {

    /** Rounds of following project types that expose DynamoDB objects, and of reading constant holders. */
    private static final int MAX_ROUNDS = 4;

    private final RuleRegistry rules;

    public Analyzer(RuleRegistry rules) {
        this.rules = rules;
    }

    /**
     * Analyses the request. Files that cannot be read or parsed become problems in the result.
     *
     * @throws AnalysisException for invalid input, such as a source path that does not exist
     */
    public AnalysisResult analyze(AnalysisRequest request) {
        long start = System.nanoTime();
        List<SourceFile> files = SourceDiscovery.discover(request);
        try (ParserPool pool = new ParserPool(request.threads()); Run run = new Run(pool, request)) {
            List<ScannedFile> scanned = run.prefilter(files);
            FileIndex fileIndex = new FileIndex(scanned);
            run.fileIndex = fileIndex;
            run.parseAndIndex(scanned.stream().filter(ScannedFile::mentionsDynamoDb).map(ScannedFile::file).toList());
            run.followLibraryTypes(scanned);
            run.followExposingTypes(scanned);
            run.fallback = SolverFallback.create(run.classpath, packageRoots(scanned));
            List<CallSite> sites = run.extractCallSites();
            run.readConstantHolders(sites);

            Model model = new Model(run.index, sites);
            Configuration config = request.configuration();
            List<RegisteredRule> enabled = rules.rules().stream()
                    .filter(r -> config.isEnabled(r.descriptor())).toList();
            RuleEngine.Outcome outcome = RuleEngine.run(enabled, model, config);
            run.problems.addAll(outcome.problems());

            FilterStep.Outcome filtered = FilterStep.apply(outcome.findings(), run.suppressions, rules.descriptors(),
                    enabled.stream().map(RegisteredRule::descriptor).toList(), config, request.baseline());

            long millis = (System.nanoTime() - start) / 1_000_000;
            AnalysisStats stats = new AnalysisStats(files.size(), run.parsedCount, sites.size(), run.unresolved,
                    millis);
            return new AnalysisResult(request.projectRoot(), filtered.reported(), filtered.suppressed(), run.problems,
                    filtered.ran(), model.callSites(), stats);
        }
    }

    /** The directories packages start from ({@code src/main/java}), derived from each file's package. */
    private static Set<Path> packageRoots(List<ScannedFile> files) {
        Set<Path> roots = new LinkedHashSet<>();
        for (ScannedFile f : files) {
            Path dir = f.file().path().getParent();
            int depth = f.packageName().isEmpty() ? 0 : f.packageName().split("\\.").length;
            for (int i = 0; i < depth && dir != null; i++) {
                dir = dir.getParent();
            }
            if (dir != null) {
                roots.add(dir);
            }
        }
        return roots;
    }

    /** A parsed file awaiting call-site extraction; the AST is dropped once facts are out. */
    private record Unit(SourceFile file, FileContext context) {
    }

    /** The mutable state of one run, confined to the calling thread between parallel phases. */
    private static final class Run implements AutoCloseable {
        final ParserPool pool;
        final List<AnalysisProblem> problems = new ArrayList<>();
        final ProjectIndex index;
        final Classpath classpath;
        final Map<SourceFile, Unit> units = new LinkedHashMap<>();
        final Set<SourceFile> parsed = new HashSet<>();
        final List<Suppression> suppressions = new ArrayList<>();
        FileIndex fileIndex;
        SolverFallback fallback;
        int parsedCount;
        int unresolved;

        Run(ParserPool pool, AnalysisRequest request) {
            this.pool = pool;
            this.classpath = Classpath.open(request.classpath(), problems);
            this.index = new ProjectIndex(classpath);
        }

        List<ScannedFile> prefilter(List<SourceFile> files) {
            List<Object> outcomes = pool.map(files, f -> {
                try {
                    return Prefilter.scan(f, !classpath.isEmpty());
                } catch (IOException e) {
                    return new AnalysisProblem(AnalysisProblem.Kind.READ_ERROR, f.relativePath(), SourceRange.UNKNOWN,
                            "cannot read file: " + e.getMessage());
                }
            });
            List<ScannedFile> scanned = new ArrayList<>();
            for (Object o : outcomes) {
                if (o instanceof ScannedFile s) {
                    scanned.add(s);
                } else {
                    problems.add((AnalysisProblem) o);
                }
            }
            return scanned;
        }

        /** Parses files and adds their declarations to the index; keeps the units for call-site extraction. */
        void parseAndIndex(List<SourceFile> files) {
            List<SourceFile> todo = files.stream().filter(parsed::add).toList();
            parsedCount += todo.size();
            List<Object> results = pool.map(todo, f -> {
                Parsed p = pool.parse(f);
                if (!p.ok()) {
                    return p.problem();
                }
                FileContext context = new FileContext(p.unit(), this::typeExists);
                try {
                    return new Indexed(new Unit(f, context), DeclarationExtractor.extract(context, index),
                            CallSiteExtractor.hasCandidates(p.unit()));
                } catch (RuntimeException | StackOverflowError e) {
                    return crash(f, e);
                }
            });
            for (Object r : results) {
                if (r instanceof Indexed i) {
                    index.addAll(i.types());
                    if (i.hasCandidates()) {
                        units.put(i.unit().file(), i.unit());
                    }
                } else {
                    problems.add((AnalysisProblem) r);
                }
            }
        }

        /** @param hasCandidates whether the file has a call named like an operation: only those ASTs are kept */
        private record Indexed(Unit unit, List<TypeInfo> types, boolean hasCandidates) {
        }

        private boolean typeExists(String fqn) {
            return fileIndex.hasType(fqn) || index.knows(fqn);
        }

        /**
         * With a classpath, files that import a library type handing out a DynamoDB object (a company-wide client
         * wrapper, say) are parsed too: they can call DynamoDB without ever naming its packages.
         */
        void followLibraryTypes(List<ScannedFile> scanned) {
            if (classpath.isEmpty()) {
                return;
            }
            Map<String, Boolean> exposing = new HashMap<>();
            List<SourceFile> importing = new ArrayList<>();
            for (ScannedFile f : scanned) {
                for (String imported : f.imports()) {
                    boolean candidate = !imported.startsWith("java.") && !imported.startsWith("javax.")
                            && !fileIndex.hasType(imported);
                    if (candidate && exposing.computeIfAbsent(imported, classpath::exposesDynamoDb)) {
                        importing.add(f.file());
                        break;
                    }
                }
            }
            parseAndIndex(importing);
        }

        /**
         * Files that never import a DynamoDB package can still call it through a project type that exposes a client
         * or table (a field, a getter, a base class): parse the files that mention such types, to a fixed point.
         */
        void followExposingTypes(List<ScannedFile> scanned) {
            Set<String> searched = new HashSet<>();
            for (int round = 0; round < MAX_ROUNDS; round++) {
                Set<String> names = new HashSet<>(index.exposingTypeSimpleNames());
                names.removeAll(searched);
                if (names.isEmpty()) {
                    return;
                }
                searched.addAll(names);
                List<SourceFile> candidates = scanned.stream().map(ScannedFile::file)
                        .filter(f -> !parsed.contains(f)).toList();
                List<SourceFile> mentioning = pool.map(candidates, f -> {
                    try {
                        return Prefilter.mentionsAny(f, names) ? f : null;
                    } catch (IOException e) {
                        return null; // reported when parsed, or unreadable and unused
                    }
                }).stream().filter(Objects::nonNull).toList();
                parseAndIndex(mentioning);
            }
        }

        List<CallSite> extractCallSites() {
            List<Unit> all = List.copyOf(units.values());
            units.clear(); // the ASTs go with this list: facts are all that is kept
            List<Object> results = pool.map(all, u -> {
                try {
                    FileFacts facts = new CallSiteExtractor(u.file(), u.context(), index, fallback).extract();
                    // Suppressions are read here, while the AST is alive; only these small records outlive it.
                    List<Suppression> found = SuppressionCollector.collect(u.file().relativePath(),
                            u.context().unit(), readText(u.file()));
                    return new Extracted(facts, found);
                } catch (RuntimeException | StackOverflowError e) {
                    return crash(u.file(), e);
                }
            });
            List<CallSite> sites = new ArrayList<>();
            for (Object r : results) {
                if (r instanceof Extracted extracted) {
                    sites.addAll(extracted.facts().callSites());
                    unresolved += extracted.facts().unresolved().size();
                    suppressions.addAll(extracted.suppressions());
                } else {
                    problems.add((AnalysisProblem) r);
                }
            }
            return sites;
        }

        private record Extracted(FileFacts facts, List<Suppression> suppressions) {
        }

        /**
         * The text again, for {@code // ddb-lint:ignore} comments: the parser keeps no comments, and only the few
         * parsed files are read twice. Null when unreadable (then the file was not parsed either).
         */
        private static String readText(SourceFile file) {
            try {
                return Files.readString(file.path(), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** Reads the files that declare constants the call sites refer to but no parsed file declares. */
        void readConstantHolders(List<CallSite> sites) {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                List<SymbolicString> strings = new ArrayList<>();
                for (CallSite site : sites) {
                    Request r = site.request();
                    strings.add(r.tableName());
                    strings.add(r.indexName());
                    strings.add(r.statement());
                    strings.addAll(r.expressions().values());
                    Optional.ofNullable(r.entityType()).flatMap(index::type)
                            .map(TypeInfo::mapperTableName).ifPresent(strings::add);
                }
                List<SourceFile> holders = Model.missingOwners(index, strings).stream()
                        .map(fileIndex::fileDeclaring).flatMap(Optional::stream)
                        .filter(f -> !parsed.contains(f)).distinct().toList();
                if (holders.isEmpty()) {
                    return;
                }
                parseAndIndex(holders);
                units.clear(); // read for their constants only
            }
        }

        @Override
        public void close() {
            classpath.close();
        }

        private static AnalysisProblem crash(SourceFile f, Throwable e) {
            String what = e instanceof StackOverflowError ? "code nested too deeply" : e.toString();
            return new AnalysisProblem(AnalysisProblem.Kind.ANALYSIS_ERROR, f.relativePath(), SourceRange.UNKNOWN,
                    "analysis of this file failed and it was skipped: " + what);
        }
    }
}
