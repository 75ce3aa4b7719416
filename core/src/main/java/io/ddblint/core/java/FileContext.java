package io.ddblint.core.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.ddblint.core.sdk.DynamoDbApi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves type names as written in one compilation unit to fully qualified names, the way javac would: type
 * parameters, member types of the enclosing classes, the file's own types, single-type imports, the same package,
 * on-demand imports, then java.lang. Never guesses: a name it cannot place stays unresolved.
 */
public final class FileContext {

    private static final Set<String> JAVA_LANG = Set.of("String", "Object", "Integer", "Long", "Boolean", "Double",
            "Float", "Short", "Byte", "Character", "Number", "Math", "System", "Class", "Iterable", "Runnable",
            "Thread", "StringBuilder", "StringBuffer", "Exception", "RuntimeException", "Enum", "Record", "Void",
            "CharSequence", "Comparable", "AutoCloseable", "Throwable", "Error");

    private final CompilationUnit unit;
    private final String packageName;
    private final Map<String, String> singleImports = new HashMap<>();
    private final List<String> onDemandPackages = new ArrayList<>();
    private final Map<String, String> staticImports = new HashMap<>();
    private final List<String> staticOnDemandOwners = new ArrayList<>();
    private final TypeLookup projectTypes;

    /** Which fully qualified names exist in the project or on the classpath, beyond the SDK knowledge. */
    public interface TypeLookup {
        boolean exists(String fqn);
    }

    public FileContext(CompilationUnit unit, TypeLookup projectTypes) {
        this.unit = unit;
        this.projectTypes = projectTypes;
        this.packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        for (ImportDeclaration imp : unit.getImports()) {
            String name = imp.getNameAsString();
            if (imp.isStatic()) {
                if (imp.isAsterisk()) {
                    staticOnDemandOwners.add(name);
                } else {
                    int dot = name.lastIndexOf('.');
                    staticImports.put(name.substring(dot + 1), name.substring(0, dot));
                }
            } else if (imp.isAsterisk()) {
                onDemandPackages.add(name);
            } else {
                singleImports.put(name.substring(name.lastIndexOf('.') + 1), name);
            }
        }
    }

    /**
     * The file's named types: top-level types and the member types nested in them, outermost first (in the order {@code findAll} visits them). Local and
     * anonymous classes are left out. Reached through type members only, never through method bodies, so it costs a
     * fraction of a walk of the whole tree ({@code findAll(TypeDeclaration.class)}), which extractors would otherwise
     * repeat for every parsed file.
     */
    public List<TypeDeclaration<?>> namedTypes() {
        List<TypeDeclaration<?>> out = new ArrayList<>();
        unit.getTypes().forEach(td -> addNamed(td, out));
        return out;
    }

    /** In the order {@code findAll} visits them: each type, then its member types. */
    private static void addNamed(TypeDeclaration<?> td, List<TypeDeclaration<?>> out) {
        out.add(td);
        for (BodyDeclaration<?> member : td.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                addNamed(nested, out);
            }
        }
    }

    public CompilationUnit unit() {
        return unit;
    }

    public String packageName() {
        return packageName;
    }

    /** Owner type of a single static import of {@code member}, if any. */
    public Optional<String> staticImportOwner(String member) {
        return Optional.ofNullable(staticImports.get(member));
    }

    public List<String> staticOnDemandOwners() {
        return List.copyOf(staticOnDemandOwners);
    }

    /** The fully qualified name of a declared type (nested names joined with '.'). */
    public String qualifiedName(TypeDeclaration<?> type) {
        StringBuilder name = new StringBuilder(type.getNameAsString());
        Node node = type.getParentNode().orElse(null);
        while (node != null) {
            if (node instanceof TypeDeclaration<?> outer) {
                name.insert(0, outer.getNameAsString() + ".");
            }
            node = node.getParentNode().orElse(null);
        }
        return packageName.isEmpty() ? name.toString() : packageName + "." + name;
    }

    /** Resolves a declared type (erasure); empty for primitives, arrays, type variables and unknown names. */
    public Optional<String> resolve(Type type, Node context) {
        if (!(type instanceof ClassOrInterfaceType cit)) {
            return Optional.empty();
        }
        return resolveName(erasureName(cit), context);
    }

    /** {@code a.b.C<X>.D<Y>} → {@code a.b.C.D}. */
    static String erasureName(ClassOrInterfaceType type) {
        String own = type.getNameAsString();
        return type.getScope().map(s -> erasureName(s) + "." + own).orElse(own);
    }

    /** Resolves a simple or qualified type name as written at {@code context}. */
    public Optional<String> resolveName(String written, Node context) {
        int dot = written.indexOf('.');
        if (dot > 0) {
            String first = written.substring(0, dot);
            Optional<String> head = resolveSimple(first, context);
            if (head.isPresent()) {
                return Optional.of(head.get() + written.substring(dot));
            }
            // Not a type: a package-qualified name, written in full.
            return Character.isLowerCase(first.charAt(0)) ? Optional.of(written) : Optional.empty();
        }
        return resolveSimple(written, context);
    }

    private Optional<String> resolveSimple(String name, Node context) {
        // Type parameters shadow everything and resolve to nothing we can match on.
        for (Node n = context; n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof NodeWithTypeParameters<?> generic
                    && generic.getTypeParameters().stream().anyMatch(tp -> tp.getNameAsString().equals(name))) {
                return Optional.empty();
            }
            if (n instanceof TypeDeclaration<?> td) {
                Optional<String> member = memberType(td, name);
                if (member.isPresent()) {
                    return member;
                }
            }
        }
        for (TypeDeclaration<?> top : unit.getTypes()) {
            if (top.getNameAsString().equals(name)) {
                return Optional.of(qualifiedName(top));
            }
        }
        String imported = singleImports.get(name);
        if (imported != null) {
            return Optional.of(imported);
        }
        String samePackage = packageName.isEmpty() ? name : packageName + "." + name;
        if (projectTypes.exists(samePackage)) {
            return Optional.of(samePackage);
        }
        for (String pkg : onDemandPackages) {
            if (DynamoDbApi.isKnownSdkType(pkg, name) || projectTypes.exists(pkg + "." + name)) {
                return Optional.of(pkg + "." + name);
            }
        }
        if (JAVA_LANG.contains(name)) {
            return Optional.of("java.lang." + name);
        }
        // Every DynamoDB API type is known by name, so a type only an SDK wildcard import can supply is one of the
        // SDK's other types (a model class, a builder): resolved to a non-API type rather than left unknown.
        for (String pkg : onDemandPackages) {
            if (DynamoDbApi.isSdkPackage(pkg)) {
                return Optional.of(pkg + "." + name);
            }
        }
        return Optional.empty();
    }

    private Optional<String> memberType(TypeDeclaration<?> td, String name) {
        if (td.getNameAsString().equals(name)) {
            return Optional.of(qualifiedName(td));
        }
        for (BodyDeclaration<?> member : td.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested && nested.getNameAsString().equals(name)) {
                return Optional.of(qualifiedName(nested));
            }
        }
        return Optional.empty();
    }
}
