package io.ddblint.core.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import io.ddblint.core.facts.Member;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names the member around a node as compiled code names it ({@link Member}): the class's binary name, including
 * javac's numbering of anonymous and local classes, the method, and its parameter types resolved through the file's
 * imports. One instance per file: it caches the numbering of each class's anonymous and local classes.
 */
public final class EnclosingMembers {

    private final FileContext file;
    /** Per class node: its anonymous and local classes, in source order. */
    private final Map<Node, List<Node>> innerClasses = new IdentityHashMap<>();

    public EnclosingMembers(FileContext file) {
        this.file = file;
    }

    public Member of(Node node) {
        Node child = node;
        for (Node n = node.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration<?> c) {
                boolean constructor = c instanceof ConstructorDeclaration;
                return new Member(binaryName(classOf(c)), constructor ? Member.Kind.CONSTRUCTOR : Member.Kind.METHOD,
                        constructor ? "<init>" : c.getNameAsString(), parameterTypes(c.getParameters(), c));
            }
            if (n instanceof CompactConstructorDeclaration cc) {
                List<Parameter> components = cc.getParentNode().filter(p -> p instanceof RecordDeclaration)
                        .map(p -> List.copyOf(((RecordDeclaration) p).getParameters())).orElse(List.of());
                return new Member(binaryName(classOf(cc)), Member.Kind.CONSTRUCTOR, "<init>",
                        parameterTypes(components, cc));
            }
            if (n instanceof InitializerDeclaration i) {
                return new Member(binaryName(classOf(i)),
                        i.isStatic() ? Member.Kind.STATIC_INITIALIZER : Member.Kind.INSTANCE_INITIALIZER,
                        i.isStatic() ? "<clinit>" : "<init>", List.of());
            }
            if (n instanceof FieldDeclaration f) {
                String name = child instanceof VariableDeclarator v ? v.getNameAsString()
                        : f.getVariable(0).getNameAsString();
                return new Member(binaryName(classOf(f)), isStatic(f) ? Member.Kind.STATIC_FIELD
                        : Member.Kind.INSTANCE_FIELD, name, List.of());
            }
            if (n instanceof EnumConstantDeclaration ec && !(child instanceof BodyDeclaration<?>)) {
                // The constant's arguments: evaluated when the enum class initializes its constant fields.
                return new Member(binaryName(classOf(ec)), Member.Kind.STATIC_FIELD, ec.getNameAsString(),
                        List.of());
            }
            if (isClass(n, child)) {
                return new Member(binaryName(n), Member.Kind.TYPE, "<type>", List.of());
            }
        }
        return new Member(file.packageName(), Member.Kind.TYPE, "<file>", List.of());
    }

    /** Interface and annotation fields are static whether or not they say so. */
    private static boolean isStatic(FieldDeclaration f) {
        return f.isStatic() || f.getParentNode().filter(p -> p instanceof ClassOrInterfaceDeclaration c
                && c.isInterface() || p instanceof AnnotationDeclaration).isPresent();
    }

    /**
     * Whether {@code n} is a class whose body holds {@code child}: a declared type, or an anonymous class (a
     * {@code new} with a body, an enum constant with a body) when the child is in the body rather than an argument.
     */
    private static boolean isClass(Node n, Node child) {
        if (n instanceof TypeDeclaration<?>) {
            return true;
        }
        return isAnonymous(n) && child instanceof BodyDeclaration<?>;
    }

    private static boolean isAnonymous(Node n) {
        return n instanceof ObjectCreationExpr oce && oce.getAnonymousClassBody().isPresent()
                || n instanceof EnumConstantDeclaration ec && !ec.getClassBody().isEmpty();
    }

    /** The innermost class whose body holds the node; null for a top-level type. */
    private static Node classOf(Node node) {
        Node child = node;
        for (Node n = node.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
            if (isClass(n, child)) {
                return n;
            }
        }
        return null;
    }

    /**
     * {@code a.Outer$Inner}; {@code a.Outer$1} for the first anonymous class directly in {@code Outer};
     * {@code a.Outer$1Local} for the first local class named {@code Local} in {@code Outer}.
     */
    private String binaryName(Node type) {
        if (type == null) {
            return file.packageName();
        }
        Node outer = classOf(type);
        if (outer == null) {
            String name = ((TypeDeclaration<?>) type).getNameAsString();
            return file.packageName().isEmpty() ? name : file.packageName() + "." + name;
        }
        String prefix = binaryName(outer) + "$";
        if (type instanceof TypeDeclaration<?> td) {
            boolean local = td.getParentNode()
                    .filter(p -> p instanceof LocalClassDeclarationStmt || p instanceof LocalRecordDeclarationStmt)
                    .isPresent();
            return local ? prefix + number(outer, type) + td.getNameAsString() : prefix + td.getNameAsString();
        }
        return prefix + number(outer, type);
    }

    /**
     * javac numbers the anonymous classes of a class 1, 2, ... and the local classes of each name 1, 2, ... in the
     * order it attributes them, which is source order (also for classes inside lambda bodies).
     */
    private int number(Node outer, Node type) {
        // LIMITATION: another compiler (ecj) may number in another order; then only the prefix, the nearest
        // enclosing class, is sure to match the class file.
        List<Node> inner = innerClasses.computeIfAbsent(outer, o -> {
            List<Node> found = new ArrayList<>();
            o.walk(Node.TreeTraversal.PREORDER, n -> {
                boolean local = n instanceof TypeDeclaration<?> && n.getParentNode().filter(p ->
                        p instanceof LocalClassDeclarationStmt || p instanceof LocalRecordDeclarationStmt).isPresent();
                if (n != o && (local || isAnonymous(n)) && classOf(n) == o) {
                    found.add(n);
                }
            });
            return found;
        });
        String name = type instanceof TypeDeclaration<?> td ? td.getNameAsString() : "";
        int number = 0;
        for (Node n : inner) {
            String other = n instanceof TypeDeclaration<?> td ? td.getNameAsString() : "";
            if (other.equals(name)) {
                number++;
            }
            if (n == type) {
                return number;
            }
        }
        return number + 1;
    }

    private List<String> parameterTypes(List<Parameter> parameters, Node declaration) {
        List<String> types = new ArrayList<>(parameters.size());
        for (Parameter p : parameters) {
            String type = erasure(p.getType(), declaration);
            types.add(p.isVarArgs() ? type + "[]" : type);
        }
        return types;
    }

    /**
     * A parameter type's erasure: type variables become their first bound (or {@code java.lang.Object}), class
     * types their resolved name, else the name as written.
     */
    private String erasure(Type type, Node declaration) {
        // LIMITATION: nested types keep the source's dots (a.Outer.Inner), not the binary '$': which dot separates
        // the package from the class is only known for the file's own types. The parameters javac adds (an inner
        // class's outer instance, an enum constructor's name and ordinal) are not listed either.
        if (type instanceof ArrayType array) {
            return erasure(array.getComponentType(), declaration) + "[]";
        }
        if (!(type instanceof ClassOrInterfaceType cit)) {
            return type.asString();
        }
        if (cit.getScope().isEmpty()) {
            Optional<TypeParameter> variable = typeVariable(cit.getNameAsString(), declaration);
            if (variable.isPresent()) {
                return variable.get().getTypeBound().isEmpty() ? "java.lang.Object"
                        : erasure(variable.get().getTypeBound().get(0), variable.get());
            }
        }
        return file.resolve(cit, declaration).orElse(FileContext.erasureName(cit));
    }

    private static Optional<TypeParameter> typeVariable(String name, Node declaration) {
        for (Node n = declaration; n != null && !(n instanceof CompilationUnit); n = n.getParentNode().orElse(null)) {
            if (n instanceof NodeWithTypeParameters<?> generic) {
                for (TypeParameter tp : generic.getTypeParameters()) {
                    if (tp.getNameAsString().equals(name)) {
                        return Optional.of(tp);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
