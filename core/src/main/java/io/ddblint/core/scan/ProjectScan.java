package io.ddblint.core.scan;

import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.SourceRange;
import io.ddblint.core.UnresolvedCall;
import io.ddblint.core.calls.CallSiteExtractor.FileFacts;
import io.ddblint.core.calls.CallSiteExtractor;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.fold.ConstantOwners;
import io.ddblint.core.java.Classpath;
import io.ddblint.core.java.FileContext;
import io.ddblint.core.java.FileIndex;
import io.ddblint.core.java.ProjectIndex;
import io.ddblint.core.java.SolverFallback;
import io.ddblint.core.java.TypeInfo;
import io.ddblint.core.model.SchemaFacts;
import io.ddblint.core.source.ParserPool.Parsed;
import io.ddblint.core.source.PackageRoot;
import io.ddblint.core.source.ParserPool;
import io.ddblint.core.source.Prefilter.ScannedFile;
import io.ddblint.core.source.Prefilter;
import io.ddblint.core.source.SourceFile;
import io.ddblint.core.source.SourceText;
import io.ddblint.core.suppress.Suppression;
import io.ddblint.core.suppress.SuppressionCollector;
import io.ddblint.core.tables.SchemaExtractor;

import java.io.IOException;
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
 * Reads a project's sources into facts (pipeline steps 2 to 5): the byte prefilter, parsing and indexing of the files
 * that can matter (naming a DynamoDB package, a project type that hands out a client, or with a classpath a library
 * type that does), call-site and suppression extraction, and the constant holders the call sites need. One instance
 * per run; its state is confined to the calling thread between the parallel phases on the pool's workers.
 */
public final class ProjectScan implements AutoCloseable {

    /** Rounds of following project types that expose DynamoDB objects, and of reading constant holders. */
    private static final int MAX_ROUNDS = 4;

    /** What the scan found: the facts the model is linked from. */
    public record Facts(ProjectIndex index, List<CallSite> callSites, List<Suppression> suppressions,
                        List<AnalysisProblem> problems, int filesParsed, List<UnresolvedCall> unresolved,
                        SchemaFacts schema) {
    }

    /** Scans the discovered files of a request on the pool's workers. */
    public static Facts run(AnalysisRequest request, List<SourceFile> files, ParserPool pool) {
        try (ProjectScan scan = new ProjectScan(pool, request)) {
            List<ScannedFile> scanned = scan.prefilter(files);
            scan.fileIndex = new FileIndex(scanned);
            scan.parseAndIndex(scanned.stream().filter(ScannedFile::mentionsDynamoDb).map(ScannedFile::file).toList());
            scan.followLibraryTypes(scanned);
            scan.followExposingTypes(scanned);
            scan.fallback = SolverFallback.create(scan.classpath, packageRoots(scanned),
                    scan.index.typesInInheritanceCycles());
            List<CallSite> sites = scan.extractCallSites();
            scan.readConstantHolders(sites);
            return new Facts(scan.index, sites, List.copyOf(scan.suppressions), List.copyOf(scan.problems),
                    scan.parsedCount, List.copyOf(scan.unresolved), SchemaFacts.concat(scan.schema));
        }
    }

    /** A parsed file awaiting call-site extraction; the AST is dropped once facts are out. */
    private record Unit(SourceFile file, FileContext context) {
    }

    private final ParserPool pool;
    private final long maxBytes;
    private final List<AnalysisProblem> problems = new ArrayList<>();
    private final ProjectIndex index;
    private final Classpath classpath;
    private final Map<SourceFile, Unit> units = new LinkedHashMap<>();
    private final Set<SourceFile> parsed = new HashSet<>();
    private final List<Suppression> suppressions = new ArrayList<>();
    private FileIndex fileIndex;
    private SolverFallback fallback;
    private int parsedCount;
    private final List<UnresolvedCall> unresolved = new ArrayList<>();
    /** Table definitions, mapped classes and bindings, read from each file while its AST is alive. */
    private final List<SchemaFacts> schema = new ArrayList<>();

    private ProjectScan(ParserPool pool, AnalysisRequest request) {
        this.pool = pool;
        this.maxBytes = pool.budget().maxFileBytes();
        this.classpath = Classpath.open(request.classpath(), problems);
        this.index = new ProjectIndex(classpath);
    }

    private List<ScannedFile> prefilter(List<SourceFile> files) {
        List<Object> outcomes = pool.map(files, f -> {
            try {
                return Prefilter.scan(f, !classpath.isEmpty(), maxBytes);
            } catch (SourceText.NotReadable e) {
                return e.tooLarge() && !oversizedFileMatters(f) ? null : readProblem(f, e.getMessage());
            } catch (IOException e) {
                return readProblem(f, "cannot read file: " + e.getMessage());
            }
        });
        List<ScannedFile> scanned = new ArrayList<>();
        for (Object o : outcomes) {
            if (o instanceof ScannedFile s) {
                scanned.add(s);
            } else if (o instanceof AnalysisProblem p) {
                problems.add(p);
            }
        }
        return scanned;
    }

    private static boolean oversizedFileMatters(SourceFile f) {
        try {
            return Prefilter.oversizedFileMatters(f);
        } catch (IOException e) {
            return true;
        }
    }

    private static AnalysisProblem readProblem(SourceFile f, String message) {
        return new AnalysisProblem(AnalysisProblem.Kind.READ_ERROR, f.relativePath(), SourceRange.UNKNOWN, message);
    }

    /** Parses files and adds their declarations to the index; keeps the units for call-site extraction. */
    private void parseAndIndex(List<SourceFile> files) {
        List<SourceFile> todo = files.stream().filter(parsed::add).toList();
        List<Object> results = pool.map(todo, f -> {
            Parsed p = pool.parse(f);
            if (!p.ok()) {
                return p.problem();
            }
            FileContext context = new FileContext(p.unit(), this::typeExists);
            try {
                return new Indexed(new Unit(f, context), DeclarationExtractor.extract(context, index),
                        CallSiteExtractor.hasCandidates(p.unit()), SchemaExtractor.extract(f, context, index));
            } catch (RuntimeException | StackOverflowError e) {
                return crash(f, e);
            }
        }, f -> overBudget(f, "parsing"));
        for (Object r : results) {
            if (r instanceof Indexed i) {
                parsedCount++; // files that failed are problems, not "parsed"
                index.addAll(i.types());
                if (!i.schema().isEmpty()) {
                    schema.add(i.schema());
                }
                if (i.hasCandidates()) {
                    units.put(i.unit().file(), i.unit());
                }
            } else {
                problems.add((AnalysisProblem) r);
            }
        }
    }

    /** @param hasCandidates whether the file has a call named like an operation: only those ASTs are kept */
    private record Indexed(Unit unit, List<TypeInfo> types, boolean hasCandidates, SchemaFacts schema) {
    }

    private boolean typeExists(String fqn) {
        return fileIndex.hasType(fqn) || index.knows(fqn);
    }

    /**
     * With a classpath, files that import a library type handing out a DynamoDB object (a company-wide client
     * wrapper, say) are parsed too: they can call DynamoDB without ever naming its packages.
     */
    private void followLibraryTypes(List<ScannedFile> scanned) {
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
    private void followExposingTypes(List<ScannedFile> scanned) {
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
                    return Prefilter.mentionsAny(f, names, maxBytes) ? f : null;
                } catch (IOException e) {
                    return null; // reported when parsed, or unreadable and unused
                }
            }).stream().filter(Objects::nonNull).toList();
            parseAndIndex(mentioning);
        }
    }

    private List<CallSite> extractCallSites() {
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
        }, u -> overBudget(u.file(), "extracting its DynamoDB calls"));
        List<CallSite> sites = new ArrayList<>();
        for (Object r : results) {
            if (r instanceof Extracted extracted) {
                sites.addAll(extracted.facts().callSites());
                unresolved.addAll(extracted.facts().unresolved());
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
    private String readText(SourceFile file) {
        try {
            return SourceText.readUtf8(file.path(), maxBytes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Reads the files that declare constants the call sites refer to but no parsed file declares. */
    private void readConstantHolders(List<CallSite> sites) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<SymbolicString> strings = new ArrayList<>();
            for (CallSite site : sites) {
                strings.addAll(index.withEntityTable(site.request()).foldableStrings());
            }
            schema.forEach(s -> strings.addAll(s.strings()));
            Set<String> owners = new LinkedHashSet<>(ConstantOwners.missing(index, strings));
            schema.forEach(s -> s.keyJavaTypes().stream().filter(t -> !index.contains(t)).forEach(owners::add));
            List<SourceFile> holders = owners.stream()
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

    private AnalysisProblem overBudget(SourceFile f, String step) {
        return new AnalysisProblem(AnalysisProblem.Kind.ANALYSIS_ERROR, f.relativePath(), SourceRange.UNKNOWN,
                step + " this file took more than " + seconds(pool.budget().timeout())
                        + " of CPU time (analysis.fileTimeout in ddb-lint.yml); it was skipped");
    }

    private static String seconds(java.time.Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    private static AnalysisProblem crash(SourceFile f, Throwable e) {
        String what = e instanceof StackOverflowError ? "code nested too deeply" : e.toString();
        return new AnalysisProblem(AnalysisProblem.Kind.ANALYSIS_ERROR, f.relativePath(), SourceRange.UNKNOWN,
                "analysis of this file failed and it was skipped: " + what);
    }

    /**
     * The directories packages start from ({@code src/main/java}), derived from each file's package. A root is only
     * taken where the file's directories spell its package, inside the source root the user gave: a file whose
     * {@code package} line has more segments than its directories (a mutated file, or a sources jar with a stray
     * file at its top) would otherwise point the solver at a directory above the tree, up to {@code /}.
     */
    static Set<Path> packageRoots(List<ScannedFile> files) {
        Set<Path> roots = new LinkedHashSet<>();
        // Files of one directory and package share a root: work it out once per directory, not once per file.
        Map<String, Optional<Path>> byDirectory = new HashMap<>();
        for (ScannedFile f : files) {
            String key = f.file().path().getParent() + "\u0000" + f.packageName() + "\u0000" + f.file().root();
            byDirectory.computeIfAbsent(key, k -> packageRoot(f.file(), f.packageName())).ifPresent(roots::add);
        }
        return roots;
    }

    static Optional<Path> packageRoot(SourceFile file, String packageName) {
        return PackageRoot.of(file.path(), packageName).filter(dir -> dir.startsWith(file.root()));
    }
}
