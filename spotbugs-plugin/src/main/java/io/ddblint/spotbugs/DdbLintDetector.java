package io.ddblint.spotbugs;

import edu.umd.cs.findbugs.BugInstance;
import edu.umd.cs.findbugs.BugReporter;
import edu.umd.cs.findbugs.Detector;
import edu.umd.cs.findbugs.Project;
import edu.umd.cs.findbugs.SourceLineAnnotation;
import edu.umd.cs.findbugs.ba.AnalysisContext;
import edu.umd.cs.findbugs.ba.ClassContext;
import edu.umd.cs.findbugs.ba.SourceFinder;
import io.ddblint.core.Finding;
import io.ddblint.core.Severity;
import io.ddblint.core.source.PackageRoot;
import org.apache.bcel.classfile.JavaClass;
import org.apache.bcel.classfile.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reports ddb-lint's findings as SpotBugs bugs. For each class SpotBugs analyses it finds the class's source through
 * SpotBugs' source path, runs the core analyzer once over the project's source directories (the first time a source
 * is found; the result serves every later class of the run), and reports the findings whose enclosing member is in
 * this class on that member and line. A class without source gets the {@link BytecodeFallback}.
 *
 * <p>SpotBugs creates one detector instance per analysis run, so the cached analysis lives exactly as long as the
 * run and no static state is needed.
 */
public final class DdbLintDetector implements Detector {

    private static final Logger LOG = LoggerFactory.getLogger(DdbLintDetector.class);
    private static final String PREFIX = "ddb-lint: ";

    private final BugReporter reporter;
    /** Analyses by source directory; several directories share the analysis they were part of. */
    private final Map<Path, ProjectAnalysis> analyses = new HashMap<>();
    private final Set<String> withoutSource = new LinkedHashSet<>();

    public DdbLintDetector(BugReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public void visitClassContext(ClassContext context) {
        JavaClass cls = context.getJavaClass();
        Optional<Path> source = sourceOf(cls);
        if (source.isEmpty()) {
            reportFromBytecode(cls);
            return;
        }
        Path file = source.get();
        ProjectAnalysis analysis = analysisFor(sourceDirectory(file, cls.getPackageName()));
        for (Finding finding : analysis.findingsIn(cls.getClassName())) {
            reporter.reportBug(bug(cls, finding));
        }
        // LIMITATION: a file without a class named after it (only differently named package-private classes) gets
        // no findings outside members, such as a dead suppression comment at its top.
        if (BugMapping.isNamedAfterItsFile(cls)) {
            for (Finding finding : analysis.findingsOutsideMembers(file)) {
                reporter.reportBug(bug(cls, finding));
            }
        }
    }

    @Override
    public void report() {
        if (!withoutSource.isEmpty()) {
            LOG.info(PREFIX + "{} classes analysed without sources (bytecode only, DDB-P001 alone), e.g. {}",
                    withoutSource.size(), withoutSource.iterator().next());
        }
    }

    private BugInstance bug(JavaClass cls, Finding finding) {
        int line = finding.range().line();
        // The message is annotation {1}, before the method: the long description reads it as {1} whether or not
        // a method is found.
        BugInstance bug = new BugInstance(this, BugTypes.of(finding.ruleId()), BugTypes.priority(finding.severity()))
                .addClass(cls)
                .addString(finding.message());
        Optional<Method> method = BugMapping.method(cls, finding.enclosing(), line);
        method.ifPresent(m -> bug.addMethod(cls, m));
        int[] pcs = method.flatMap(m -> BugMapping.pcRange(m, line)).orElse(new int[] {-1, -1});
        return bug.addSourceLine(new SourceLineAnnotation(cls.getClassName(), cls.getSourceFileName(), line,
                Math.max(line, finding.range().endLine()), pcs[0], pcs[1]));
    }

    private void reportFromBytecode(JavaClass cls) {
        if (withoutSource.isEmpty()) {
            LOG.info(PREFIX + "no source found for {} on SpotBugs' source path: reporting from bytecode only "
                    + "(DDB-P001); add the sources (-sourcepath) for every rule", cls.getClassName());
        }
        withoutSource.add(cls.getClassName());
        if (isTestClass(cls)) {
            return;
        }
        for (BytecodeFallback.ScanCall call : BytecodeFallback.scanCalls(cls)) {
            String called = call.owner().substring(call.owner().lastIndexOf('.') + 1) + "." + call.name();
            reporter.reportBug(new BugInstance(this, BugTypes.of("DDB-P001"), BugTypes.priority(Severity.WARNING))
                    .addClass(cls)
                    .addString("`" + called + "(..)` performs a Scan: a Scan reads every item and bills for all of "
                            + "them, however few it returns. Use Query (on the table or a GSI) or GetItem instead. "
                            + "(Found in bytecode: ddb-lint ran without this class's source.)")
                    .addMethod(cls, call.method())
                    .addSourceLine(SourceLineAnnotation.fromVisitedInstruction(cls, call.method(), call.pc())));
        }
    }

    /** The class's source file, when SpotBugs' source path has it as a file on disk. */
    private static Optional<Path> sourceOf(JavaClass cls) {
        String fileName = cls.getSourceFileName();
        if (fileName == null || !fileName.endsWith(".java")) {
            return Optional.empty();
        }
        SourceFinder finder = AnalysisContext.currentAnalysisContext().getSourceFinder();
        try {
            Path path = Path.of(finder.findSourceFile(cls.getPackageName(), fileName).getFullFileName());
            return Files.isRegularFile(path) ? Optional.of(path.toAbsolutePath().normalize()) : Optional.empty();
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * The source directory a file lies in: the file's directory less its package's directories (core's
     * {@link PackageRoot}: only where the directories spell the package; else the file's own directory).
     */
    private static Path sourceDirectory(Path file, String packageName) {
        return PackageRoot.of(file, packageName).orElse(file.toAbsolutePath().normalize().getParent());
    }

    /**
     * The analysis that covers a source directory. The first one found analyses the whole project's source path at
     * once, so that constants and tables declared in one file are known in every other.
     */
    private ProjectAnalysis analysisFor(Path sourceDir) {
        ProjectAnalysis known = analyses.get(sourceDir);
        if (known != null) {
            return known;
        }
        Project project = AnalysisContext.currentAnalysisContext().getSourceFinder().getProject();
        List<Path> dirs = new ArrayList<>();
        for (String entry : project.getSourceDirList()) {
            Path dir = Path.of(entry).toAbsolutePath().normalize();
            if (Files.isDirectory(dir) && !analyses.containsKey(dir)) {
                dirs.add(dir);
            }
        }
        if (!dirs.contains(sourceDir)) {
            dirs.add(sourceDir);
        }
        List<Path> classpath = new ArrayList<>();
        for (String entry : concat(project.getFileList(), project.getAuxClasspathEntryList())) {
            Path p = Path.of(entry);
            if (Files.exists(p)) {
                classpath.add(p);
            }
        }
        long start = System.nanoTime();
        ProjectAnalysis analysis = ProjectAnalysis.run(dirs, classpath);
        LOG.info(PREFIX + "analysed {} source directories in {} ms: {} findings", dirs.size(),
                (System.nanoTime() - start) / 1_000_000, analysis.result().findings().size());
        dirs.forEach(d -> analyses.put(d, analysis));
        return analysis;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Test classes by where they were compiled to: Maven's {@code test-classes}, Gradle's {@code classes/java/test}. */
    private static boolean isTestClass(JavaClass cls) {
        String resource = cls.getClassName().replace('.', '/') + ".class";
        try {
            String codeBase = edu.umd.cs.findbugs.classfile.Global.getAnalysisCache().getClassPath()
                    .lookupResource(resource).getCodeBase().getPathName();
            String path = codeBase == null ? "" : codeBase.replace('\\', '/');
            return path.contains("/test-classes") || path.contains("/classes/java/test");
        } catch (edu.umd.cs.findbugs.classfile.ResourceNotFoundException | RuntimeException e) {
            return false;
        }
    }
}
