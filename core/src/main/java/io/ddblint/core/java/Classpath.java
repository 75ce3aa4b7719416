package io.ddblint.core.java;

import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.resolution.types.ResolvedReferenceType;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JarTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import io.ddblint.core.AnalysisProblem;
import io.ddblint.core.SourceRange;
import io.ddblint.core.sdk.DynamoDbApi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The user's classpath as a source of type facts: whether a type exists, its ancestors, its fields' and methods'
 * types. Backed by JavaParser's {@link JarTypeSolver}, which reads class files without loading them. The solver is
 * not thread-safe, so lookups are serialized and their results cached; only candidate receivers reach here.
 */
public final class Classpath implements AutoCloseable {

    public static final Classpath EMPTY = new Classpath(null, List.of());

    private final CombinedTypeSolver solver;
    /** The same jars opened as zips, to read class-file bytes without resolving anything. */
    private final List<ZipFile> jars;
    private final Map<String, Optional<TypeInfo>> cache = new ConcurrentHashMap<>();

    private Classpath(CombinedTypeSolver solver, List<ZipFile> jars) {
        this.solver = solver;
        this.jars = List.copyOf(jars);
    }

    /**
     * Opens the jars of a classpath. Entries that are missing or unreadable become problems; class directories are
     * skipped.
     */
    // LIMITATION: class directories (a reactor sibling's target/classes) are not read; only jars are.
    public static Classpath open(List<Path> entries, List<AnalysisProblem> problems) {
        if (entries.isEmpty()) {
            return EMPTY;
        }
        // The JDK's own types (jreOnly: never the analyzer's own classpath) complete every library hierarchy.
        CombinedTypeSolver combined = new CombinedTypeSolver(new ReflectionTypeSolver(true));
        List<ZipFile> zips = new ArrayList<>();
        for (Path entry : entries) {
            if (!Files.exists(entry)) {
                problems.add(new AnalysisProblem(AnalysisProblem.Kind.CONFIGURATION, null, SourceRange.UNKNOWN,
                        "classpath entry does not exist and was ignored: " + entry));
            } else if (Files.isRegularFile(entry)) {
                try {
                    combined.add(new JarTypeSolver(entry));
                    zips.add(new ZipFile(entry.toFile()));
                } catch (IOException | RuntimeException e) {
                    problems.add(new AnalysisProblem(AnalysisProblem.Kind.CONFIGURATION, null, SourceRange.UNKNOWN,
                            "classpath entry cannot be read and was ignored: " + entry + ": " + e.getMessage()));
                }
            }
        }
        return new Classpath(combined, zips);
    }

    /** The underlying solver, for the full symbol solver fallback. */
    CombinedTypeSolver typeSolver() {
        return solver;
    }

    public boolean isEmpty() {
        return solver == null;
    }

    /** Whether a library type is, extends, or hands out (field or method) a DynamoDB API object. */
    public boolean exposesDynamoDb(String fqn) {
        // Resolving a type's members is slow (ancestors, every signature); its class file's constant pool names
        // every type it uses, so a class whose bytes never mention a DynamoDB package cannot expose one.
        if (!classFileMentionsDynamoDb(fqn)) {
            return false;
        }
        Optional<TypeInfo> info = describe(fqn);
        if (info.isEmpty()) {
            return false;
        }
        TypeInfo t = info.get();
        return t.supertypes().stream().anyMatch(s -> DynamoDbApi.apiTypeOf(s).isPresent())
                || t.fields().values().stream().anyMatch(f -> f.type() != null
                        && DynamoDbApi.apiTypeOf(f.type()).isPresent())
                || t.methods().values().stream().flatMap(List::stream).anyMatch(m -> m.returnType() != null
                        && DynamoDbApi.apiTypeOf(m.returnType()).isPresent());
    }

    private boolean classFileMentionsDynamoDb(String fqn) {
        for (String entryName : classFileNames(fqn)) {
            for (ZipFile jar : jars) {
                ZipEntry entry = jar.getEntry(entryName);
                if (entry == null) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(DynamoDbApi.PACKAGE_MARKER);
                } catch (IOException e) {
                    return true; // unreadable here: let the full lookup decide
                }
            }
        }
        return false;
    }

    /** {@code a.b.C} → {@code a/b/C.class}, then the nested readings {@code a/b$C.class}... */
    static List<String> classFileNames(String fqn) {
        List<String> names = new ArrayList<>();
        String path = fqn.replace('.', '/');
        names.add(path + ".class");
        int slash = path.lastIndexOf('/');
        while (slash > 0) {
            path = path.substring(0, slash) + "$" + path.substring(slash + 1);
            names.add(path + ".class");
            slash = path.lastIndexOf('/');
        }
        return names;
    }

    @Override
    public void close() {
        for (ZipFile jar : jars) {
            try {
                jar.close();
            } catch (IOException e) {
                // closing a read-only zip cannot lose data; nothing to report
            }
        }
    }

    public boolean exists(String fqn) {
        return describe(fqn).isPresent();
    }

    /** The type's facts in the shape of a project type, its supertypes being all its ancestors. */
    public Optional<TypeInfo> describe(String fqn) {
        if (solver == null) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(fqn, this::load);
    }

    private synchronized Optional<TypeInfo> load(String fqn) {
        try {
            SymbolReference<ResolvedReferenceTypeDeclaration> ref = solver.tryToSolveType(fqn);
            if (!ref.isSolved()) {
                return Optional.empty();
            }
            ResolvedReferenceTypeDeclaration decl = ref.getCorrespondingDeclaration();
            Set<String> ancestors = new HashSet<>();
            for (ResolvedReferenceType a : decl.getAllAncestors(ResolvedReferenceTypeDeclaration.breadthFirstFunc)) {
                ancestors.add(a.getQualifiedName());
            }
            Map<String, TypeInfo.FieldInfo> fields = new HashMap<>();
            decl.getAllFields().forEach(f -> fields.putIfAbsent(f.getName(), new TypeInfo.FieldInfo(f.getName(),
                    erasure(f.getType()), f.isStatic(), null, true)));
            Map<String, List<TypeInfo.MethodInfo>> methods = new HashMap<>();
            decl.getAllMethods().forEach(m -> methods.computeIfAbsent(m.getName(), k -> new ArrayList<>())
                    .add(new TypeInfo.MethodInfo(m.getName(), m.getNoParams(), erasure(m.returnType()),
                            m.getDeclaration().isStatic(), true)));
            return Optional.of(new TypeInfo(fqn, List.copyOf(ancestors), fields, methods, null));
        } catch (RuntimeException | LinkageError e) {
            // An ancestor missing from the classpath and the like: we know nothing reliable about this type.
            return Optional.empty();
        }
    }

    private static String erasure(ResolvedType type) {
        try {
            return type.isReferenceType() ? type.asReferenceType().getQualifiedName() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
