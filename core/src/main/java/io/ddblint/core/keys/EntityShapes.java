package io.ddblint.core.keys;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.ddblint.core.facts.EntityShape;
import io.ddblint.core.facts.Location;
import io.ddblint.core.java.Annotations;
import io.ddblint.core.java.AstShapes;
import io.ddblint.core.java.FileContext;
import io.ddblint.core.java.Snippets;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads, from any parsed file, the Java shapes the model rules need: each mapped entity class's property types and
 * collections of child objects, and how many constants each enum declares.
 */
public final class EntityShapes {

    private static final Set<String> ENTITY_ANNOTATIONS = Set.of("DynamoDbBean", "DynamoDbImmutable",
            "DynamoDBTable", "DynamoDBDocument");
    private static final Set<String> IGNORE = Set.of("DynamoDbIgnore", "DynamoDBIgnore");
    private static final Set<String> COLLECTIONS = Set.of("java.util.List", "java.util.Set", "java.util.Map",
            "java.util.Collection", "java.util.ArrayList", "java.util.HashSet", "java.util.HashMap");

    /** What one file declares. */
    public record Found(Map<String, EntityShape> entities, Map<String, Integer> enumConstants) {
    }

    private EntityShapes() {
    }

    public static Found extract(String path, FileContext file) {
        Map<String, EntityShape> entities = new LinkedHashMap<>();
        Map<String, Integer> enums = new HashMap<>();
        for (TypeDeclaration<?> td : file.namedTypes()) {
            if (td instanceof EnumDeclaration ed) {
                enums.put(file.qualifiedName(ed), ed.getEntries().size());
            } else if ((td instanceof ClassOrInterfaceDeclaration cid && !cid.isInterface()
                    || td instanceof RecordDeclaration) && hasAny(td.getAnnotations(), ENTITY_ANNOTATIONS)) {
                EntityShape shape = shape(path, file, td);
                entities.put(shape.type(), shape);
            }
        }
        return new Found(entities, enums);
    }

    private static EntityShape shape(String path, FileContext file, TypeDeclaration<?> cid) {
        Map<String, String> renames = new HashMap<>();
        for (MethodDeclaration m : cid.getMethods()) {
            String property = getterProperty(m.getNameAsString());
            if (property != null) {
                rename(m.getAnnotations()).ifPresent(r -> renames.put(property, r));
                if (hasAny(m.getAnnotations(), IGNORE)) {
                    renames.put(property, "");
                }
            }
        }
        Map<String, EntityShape.Property> properties = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (FieldDeclaration fd : cid.getFields()) {
            if (fd.isStatic() || fd.isTransient() || hasAny(fd.getAnnotations(), IGNORE)) {
                continue;
            }
            for (VariableDeclarator d : fd.getVariables()) {
                String property = d.getNameAsString();
                String attribute = rename(fd.getAnnotations()).orElse(renames.getOrDefault(property, property));
                if (attribute.isEmpty()) {
                    continue;
                }
                names.put(property, attribute);
                Type type = d.getType();
                Optional<String> resolved = type.isPrimitiveType() ? Optional.of(type.asString())
                        : file.resolve(type, fd);
                String element = resolved.filter(COLLECTIONS::contains).isPresent()
                        ? element(file, type, fd).orElse(null) : null;
                properties.put(attribute, new EntityShape.Property(resolved.orElse(null), element,
                        new Location(path, AstShapes.range(d)), Snippets.normalize(fd)));
            }
        }
        if (cid instanceof RecordDeclaration r) {
            // an immutable record: its components are its properties
            for (Parameter p : r.getParameters()) {
                String property = p.getNameAsString();
                String attribute = rename(p.getAnnotations()).orElse(renames.getOrDefault(property, property));
                if (attribute.isEmpty() || hasAny(p.getAnnotations(), IGNORE)) {
                    continue;
                }
                names.put(property, attribute);
                Type type = p.getType();
                Optional<String> resolved = type.isPrimitiveType() ? Optional.of(type.asString())
                        : file.resolve(type, p);
                String element = resolved.filter(COLLECTIONS::contains).isPresent()
                        ? element(file, type, p).orElse(null) : null;
                properties.put(attribute, new EntityShape.Property(resolved.orElse(null), element,
                        new Location(path, AstShapes.range(p)), Snippets.normalize(p)));
            }
        }
        return new EntityShape(file.qualifiedName(cid), properties, names,
                new Location(path, AstShapes.range(cid.getName())));
    }

    /** The element class of {@code List<X>}/{@code Set<X>}, the value class of {@code Map<K, X>}. */
    private static Optional<String> element(FileContext file, Type type, Node context) {
        if (!(type instanceof ClassOrInterfaceType cit)) {
            return Optional.empty();
        }
        Optional<NodeList<Type>> args = cit.getTypeArguments();
        if (args.isEmpty() || args.get().isEmpty()) {
            return Optional.empty();
        }
        Type element = args.get().get(args.get().size() - 1);
        return file.resolve(element, context).filter(t -> !t.startsWith("java."));
    }

    /** {@code @DynamoDbAttribute("x")}, {@code @DynamoDBAttribute(attributeName = "x")}. */
    private static Optional<String> rename(NodeList<AnnotationExpr> annotations) {
        for (AnnotationExpr a : annotations) {
            String name = simple(a.getNameAsString());
            if (name.equals("DynamoDbAttribute")) {
                return Annotations.member(a, "value").filter(StringLiteralExpr.class::isInstance)
                        .map(e -> ((StringLiteralExpr) e).asString());
            }
            if (name.equals("DynamoDBAttribute") || name.equals("DynamoDBHashKey")
                    || name.equals("DynamoDBRangeKey") || name.equals("DynamoDBIndexHashKey")) {
                Optional<String> r = Annotations.member(a, "attributeName")
                        .filter(StringLiteralExpr.class::isInstance).map(e -> ((StringLiteralExpr) e).asString());
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        return Optional.empty();
    }

    private static String getterProperty(String method) {
        String rest = method.startsWith("get") ? method.substring(3) : method.startsWith("is")
                ? method.substring(2) : null;
        if (rest == null || rest.isEmpty() || !Character.isUpperCase(rest.charAt(0))) {
            return null;
        }
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    private static boolean hasAny(NodeList<AnnotationExpr> annotations, Set<String> names) {
        return annotations.stream().anyMatch(a -> names.contains(simple(a.getNameAsString())));
    }

    private static String simple(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
