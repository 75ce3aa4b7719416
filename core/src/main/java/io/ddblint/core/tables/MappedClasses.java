package io.ddblint.core.tables;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.java.Annotations;
import io.ddblint.core.java.AstShapes;
import io.ddblint.core.java.ExpressionTypes;
import io.ddblint.core.java.Snippets;
import io.ddblint.core.java.Variable;
import io.ddblint.core.model.ModelSource;
import io.ddblint.core.model.SchemaFacts.BindingFact;
import io.ddblint.core.model.SchemaFacts.EntityFact;
import io.ddblint.core.model.SchemaFacts.KeyFact;
import io.ddblint.core.model.SchemaFacts.Role;
import io.ddblint.core.sdk.DynamoDbApi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mapped classes of one file: enhanced-client beans and immutables ({@code @DynamoDbPartitionKey} and friends on
 * getters, record components, or Lombok {@code @Getter(onMethod_ = ...)} fields), v1 mapper entities
 * ({@code @DynamoDBHashKey} and friends on getters or fields), {@code StaticTableSchema} builders with key tags, and
 * the {@code enhanced.table(NAME, schema)} calls that bind a schema to a table name.
 */
final class MappedClasses {

    private static final String ANNOTATIONS = DynamoDbApi.ENHANCED + "mapper.annotations.";
    private static final String STATIC_TABLE_SCHEMA = DynamoDbApi.ENHANCED + "mapper.StaticTableSchema";
    private static final String STATIC_IMMUTABLE_TABLE_SCHEMA = DynamoDbApi.ENHANCED
            + "mapper.StaticImmutableTableSchema";
    private static final Set<String> SCHEMA_FACTORIES = Set.of("fromBean", "fromImmutableClass", "fromClass");
    private static final Set<String> NUMBERS = Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Short",
            "java.lang.Byte", "java.lang.Double", "java.lang.Float", "java.math.BigDecimal", "java.math.BigInteger");
    private static final Set<String> BINARY = Set.of("java.nio.ByteBuffer", "software.amazon.awssdk.core.SdkBytes");
    private static final Map<String, String> STATIC_TYPES = Map.of("String", "S", "Integer", "N", "Long", "N",
            "Double", "N", "Float", "N", "Short", "N", "BigDecimal", "N", "BigInteger", "N", "SdkBytes", "B");

    private final SchemaExtractor x;
    private final List<EntityFact> entities = new ArrayList<>();
    private final List<BindingFact> bindings = new ArrayList<>();

    MappedClasses(SchemaExtractor x) {
        this.x = x;
    }

    List<EntityFact> entities() {
        return entities;
    }

    List<BindingFact> bindings() {
        return bindings;
    }

    void extract() {
        for (TypeDeclaration<?> td : x.context().namedTypes()) {
            if (td instanceof ClassOrInterfaceDeclaration || td instanceof RecordDeclaration) {
                mappedClass(td);
            }
        }
        // Static schemas and enhanced.table(..) bindings are enhanced-client code: a file that imports nothing of
        // the enhanced client has none, and is spared a walk of its whole tree.
        // LIMITATION: a file that names the enhanced types only fully qualified, without an import, is not read.
        if (!importsEnhanced()) {
            return;
        }
        for (MethodCallExpr m : x.context().unit().findAll(MethodCallExpr.class)) {
            if (m.getNameAsString().equals("builder") && !m.getArguments().isEmpty() && m.getScope().isPresent()
                    && SchemaExtractor.endsWithName(m.getScope().get(), "StaticTableSchema",
                    "StaticImmutableTableSchema") && x.typeName(m.getScope().get()).filter(t -> t.equals(STATIC_TABLE_SCHEMA)
                    || t.equals(STATIC_IMMUTABLE_TABLE_SCHEMA)).isPresent()) {
                staticSchema(Props.outermost(m));
            } else if (m.getNameAsString().equals("table") && m.getArguments().size() == 2
                    && m.getScope().isPresent()) {
                binding(m);
            }
        }
    }

    private boolean importsEnhanced() {
        return x.context().unit().getImports().stream()
                .anyMatch(i -> (i.getNameAsString() + ".").startsWith(DynamoDbApi.ENHANCED));
    }

    // ---- annotated classes ----

    /** Which mapper an annotation belongs to, and what it says about a key. */
    private enum Family { ENHANCED, V1 }

    private void mappedClass(TypeDeclaration<?> td) {
        boolean enhancedClass = false;
        boolean immutable = td instanceof RecordDeclaration;
        SymbolicString mapperTable = null;
        boolean v1Class = false;
        for (AnnotationExpr a : td.getAnnotations()) {
            String name = annotation(a);
            if (name.equals(ANNOTATIONS + "DynamoDbBean")) {
                enhancedClass = true;
            } else if (name.equals(ANNOTATIONS + "DynamoDbImmutable")) {
                enhancedClass = true;
                immutable = true;
            } else if (name.equals(DynamoDbApi.MAPPER_TABLE_ANNOTATION)) {
                v1Class = true;
                mapperTable = Annotations.member(a, "tableName").map(x.folder()::fold).orElse(null);
            }
        }
        List<KeyFact> enhanced = new ArrayList<>();
        List<KeyFact> v1 = new ArrayList<>();
        // LIMITATION: enhanced-client annotations on setters (the SDK reads them there too) are not read.
        for (MethodDeclaration m : td.getMethods()) {
            if (!m.getParameters().isEmpty() || m.getType().isVoidType() || m.isStatic()) {
                continue;
            }
            Optional<String> property = property(m.getNameAsString(), immutable);
            if (property.isPresent()) {
                keys(m.getAnnotations(), property.get(), m.getType(), m, Family.ENHANCED, enhanced);
                keys(m.getAnnotations(), property.get(), m.getType(), m, Family.V1, v1);
            }
        }
        for (FieldDeclaration f : td.getFields()) {
            if (f.isStatic()) {
                continue;
            }
            List<AnnotationExpr> lombok = lombokGetterAnnotations(f);
            for (VariableDeclarator d : f.getVariables()) {
                keys(f.getAnnotations(), d.getNameAsString(), d.getType(), f, Family.V1, v1);
                keys(lombok, d.getNameAsString(), d.getType(), f, Family.ENHANCED, enhanced);
                keys(lombok, d.getNameAsString(), d.getType(), f, Family.V1, v1);
            }
        }
        if (td instanceof RecordDeclaration r) {
            for (Parameter p : r.getParameters()) {
                keys(p.getAnnotations(), p.getNameAsString(), p.getType(), p, Family.ENHANCED, enhanced);
            }
        }
        if (!enhancedClass && enhanced.isEmpty() && !v1Class && v1.isEmpty()) {
            return;
        }
        String cls = x.context().qualifiedName(td);
        List<String> supertypes = x.types().scopes().supertypes(td);
        Node at = td.getName();
        if (enhancedClass || !enhanced.isEmpty()) {
            entities.add(new EntityFact("class:" + cls, null, enhanced, supertypes,
                    classSource(ModelSource.Kind.ENHANCED_BEAN, td, at, cls)));
        }
        if (v1Class || !v1.isEmpty()) {
            entities.add(new EntityFact("mapper:" + cls, mapperTable, v1, supertypes,
                    classSource(ModelSource.Kind.MAPPER_ENTITY, td, at, cls)));
        }
    }

    private ModelSource classSource(ModelSource.Kind kind, TypeDeclaration<?> td, Node at, String cls) {
        String code = td.getAnnotations().stream().map(Snippets::normalize).reduce("", (a, b) -> a + b + " ")
                + "class " + td.getNameAsString();
        return new ModelSource(kind, x.location(at), cls, null, Snippets.normalize(code));
    }

    /** The attribute a getter maps: {@code getOrderId} → {@code orderId}; an immutable's {@code orderId()} too. */
    private static Optional<String> property(String method, boolean plainAccessors) {
        for (String prefix : List.of("get", "is")) {
            if (method.length() > prefix.length() && method.startsWith(prefix)
                    && Character.isUpperCase(method.charAt(prefix.length()))) {
                return Optional.of(decapitalize(method.substring(prefix.length())));
            }
        }
        return plainAccessors ? Optional.of(method) : Optional.empty();
    }

    /** As {@code java.beans.Introspector.decapitalize}: {@code URL} stays {@code URL}. */
    private static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** {@code @Getter(onMethod_ = @DynamoDbPartitionKey)}, {@code onMethod_ = {...}}, {@code onMethod = @__({...})}. */
    private List<AnnotationExpr> lombokGetterAnnotations(FieldDeclaration f) {
        List<AnnotationExpr> out = new ArrayList<>();
        for (AnnotationExpr a : f.getAnnotations()) {
            String name = a.getNameAsString();
            if (!name.equals("Getter") && !name.equals("lombok.Getter")) {
                continue;
            }
            for (String member : List.of("onMethod_", "onMethod")) {
                Annotations.member(a, member).ifPresent(v -> annotationsIn(v, out));
            }
        }
        return out;
    }

    private static void annotationsIn(Expression e, List<AnnotationExpr> out) {
        if (e instanceof AnnotationExpr a) {
            if (a.getNameAsString().equals("__")) {
                Annotations.member(a, "value").ifPresent(v -> annotationsIn(v, out));
            } else {
                out.add(a);
            }
        } else if (e instanceof ArrayInitializerExpr array) {
            array.getValues().forEach(v -> annotationsIn(v, out));
        }
    }

    /**
     * The annotation's resolved name, for the mappers' annotations only: every other annotation ({@code @Override} on
     * each method) is left unresolved, since resolving walks the enclosing types' members.
     */
    private String annotation(AnnotationExpr a) {
        String written = a.getNameAsString();
        String simple = written.substring(written.lastIndexOf('.') + 1);
        if (!simple.startsWith("DynamoDb") && !simple.startsWith("DynamoDB")) {
            return written;
        }
        return x.context().resolveName(written, a).orElse(written);
    }

    /** The key facts one annotated property gives, in one mapper's annotations. */
    private void keys(List<AnnotationExpr> annotations, String property, Type javaType, Node at, Family family,
                      List<KeyFact> out) {
        String prefix = family == Family.ENHANCED ? ANNOTATIONS : DynamoDbApi.MAPPER;
        SymbolicString attribute = new SymbolicString.Literal(property, property);
        boolean converted = false;
        List<AnnotationExpr> keyAnnotations = new ArrayList<>();
        for (AnnotationExpr a : annotations) {
            String name = annotation(a);
            if (!name.startsWith(prefix)) {
                continue;
            }
            String simple = name.substring(prefix.length());
            if (simple.equals("DynamoDbAttribute")) {
                Optional<Expression> v = Annotations.member(a, "value");
                if (v.isPresent()) {
                    attribute = x.folder().fold(v.get());
                }
            } else if (simple.equals("DynamoDBAttribute")) {
                Optional<Expression> v = Annotations.member(a, "attributeName");
                if (v.isPresent()) {
                    attribute = x.folder().fold(v.get());
                }
            } else if (simple.contains("Convert") || simple.equals("DynamoDBTyped")) {
                converted = true; // a converter decides the stored type: the Java type says nothing
            } else {
                keyAnnotations.add(a);
            }
        }
        if (keyAnnotations.isEmpty()) {
            return;
        }
        String type = converted ? null : scalarType(javaType, at);
        String typeName = converted || type != null ? null : javaTypeName(javaType, at);
        for (AnnotationExpr a : keyAnnotations) {
            String simple = annotation(a).substring(prefix.length());
            SymbolicString name = family == Family.V1 ? Annotations.member(a, "attributeName")
                    .map(x.folder()::fold).orElse(attribute) : attribute;
            switch (simple) {
                case "DynamoDbPartitionKey", "DynamoDBHashKey" ->
                        out.add(new KeyFact(Role.PARTITION, name, type, typeName, List.of(), null));
                case "DynamoDbSortKey", "DynamoDBRangeKey" ->
                        out.add(new KeyFact(Role.SORT, name, type, typeName, List.of(), null));
                case "DynamoDbSecondaryPartitionKey" -> out.add(new KeyFact(Role.INDEX_PARTITION, name, type,
                        typeName, names(a, "indexNames"), null));
                case "DynamoDbSecondarySortKey" -> out.add(new KeyFact(Role.INDEX_SORT, name, type, typeName,
                        names(a, "indexNames"), null));
                case "DynamoDBIndexHashKey" -> {
                    List<SymbolicString> gsis = new ArrayList<>(names(a, "globalSecondaryIndexName"));
                    gsis.addAll(names(a, "globalSecondaryIndexNames"));
                    out.add(new KeyFact(Role.INDEX_PARTITION, name, type, typeName, gsis, null));
                }
                case "DynamoDBIndexRangeKey" -> {
                    List<SymbolicString> indexes = new ArrayList<>();
                    List<Boolean> local = new ArrayList<>();
                    for (String member : List.of("globalSecondaryIndexName", "globalSecondaryIndexNames",
                            "localSecondaryIndexName", "localSecondaryIndexNames")) {
                        for (SymbolicString n : names(a, member)) {
                            indexes.add(n);
                            local.add(member.startsWith("local"));
                        }
                    }
                    out.add(new KeyFact(Role.INDEX_SORT, name, type, typeName, indexes, local));
                }
                default -> {
                    // another annotation of the mapper (DynamoDbIgnore, DynamoDBVersionAttribute...): not a key
                }
            }
        }
    }

    /** A String[] annotation member: {@code "a"}, {@code {"a", "b"}}, or constants. */
    private List<SymbolicString> names(AnnotationExpr a, String member) {
        Optional<Expression> v = Annotations.member(a, member);
        if (v.isEmpty()) {
            return List.of();
        }
        if (v.get() instanceof ArrayInitializerExpr array) {
            return array.getValues().stream().map(x.folder()::fold).toList();
        }
        return List.of(x.folder().fold(v.get()));
    }

    /** S, N or B for a key's Java type, when certain; an enum of this file is S (its name is stored). */
    private String scalarType(Type type, Node at) {
        if (type instanceof PrimitiveType p) {
            return switch (p.getType()) {
                case INT, LONG, SHORT, BYTE, DOUBLE, FLOAT -> "N";
                default -> null;
            };
        }
        if (type instanceof ArrayType array) {
            return array.getComponentType() instanceof PrimitiveType p && p.getType() == PrimitiveType.Primitive.BYTE
                    ? "B" : null;
        }
        String written = type.asString();
        // A fully qualified name as written: the file's wildcard imports must not claim its first segment.
        Optional<String> resolved = Character.isLowerCase(written.charAt(0)) && written.contains(".")
                ? Optional.of(written) : x.context().resolve(type, at);
        if (resolved.isEmpty()) {
            return null;
        }
        String fqn = resolved.get();
        if (fqn.equals("java.lang.String")) {
            return "S";
        }
        if (NUMBERS.contains(fqn)) {
            return "N";
        }
        if (BINARY.contains(fqn)) {
            return "B";
        }
        boolean localEnum = x.context().unit().findAll(EnumDeclaration.class).stream()
                .anyMatch(e -> x.context().qualifiedName(e).equals(fqn));
        return localEnum ? "S" : null;
    }

    private String javaTypeName(Type type, Node at) {
        String written = type.asString();
        return Character.isLowerCase(written.charAt(0)) && written.contains(".") ? written
                : x.context().resolve(type, at).orElse(null);
    }

    // ---- StaticTableSchema / StaticImmutableTableSchema ----

    private void staticSchema(Expression chain) {
        Props p = Props.of(chain, x.types());
        List<KeyFact> keys = new ArrayList<>();
        for (List<Expression> args : p.calls("addAttribute")) {
            if (args.size() != 2) {
                continue; // LIMITATION: attributes built apart (a StaticAttribute object) are not read
            }
            Props attribute = Props.of(args.get(1), x.types());
            Optional<Expression> name = attribute.last("name");
            if (name.isEmpty()) {
                continue;
            }
            SymbolicString attributeName = x.folder().fold(name.get());
            String type = args.get(0) instanceof ClassExpr c ? STATIC_TYPES.get(c.getType().asString()
                    .replace("java.lang.", "")) : null;
            for (Expression tag : attribute.all("tags")) {
                if (!(AstShapes.unwrap(tag) instanceof MethodCallExpr t)) {
                    continue;
                }
                List<SymbolicString> indexes = t.getArguments().stream()
                        .flatMap(a -> Props.elements(a, x.types()).stream()).map(x.folder()::fold).toList();
                switch (t.getNameAsString()) {
                    case "primaryPartitionKey" ->
                            keys.add(new KeyFact(Role.PARTITION, attributeName, type, null, List.of(), null));
                    case "primarySortKey" ->
                            keys.add(new KeyFact(Role.SORT, attributeName, type, null, List.of(), null));
                    case "secondaryPartitionKey" ->
                            keys.add(new KeyFact(Role.INDEX_PARTITION, attributeName, type, null, indexes, null));
                    case "secondarySortKey" ->
                            keys.add(new KeyFact(Role.INDEX_SORT, attributeName, type, null, indexes, null));
                    default -> {
                        // another tag (an update behavior, say): not a key
                    }
                }
            }
        }
        ModelSource source = x.source(ModelSource.Kind.STATIC_SCHEMA, chain, chain.toString());
        entities.add(new EntityFact(staticSchemaId(chain), null, keys, List.of(), source));
    }

    /** A static schema's id: the field it initializes, else where it is built. */
    private String staticSchemaId(Expression chain) {
        if (chain.getParentNode().orElse(null) instanceof VariableDeclarator d
                && d.getParentNode().orElse(null) instanceof FieldDeclaration) {
            Optional<TypeDeclaration<?>> owner = ExpressionTypes.enclosingType(d);
            if (owner.isPresent()) {
                return "field:" + x.context().qualifiedName(owner.get()) + "#" + d.getNameAsString();
            }
        }
        var begin = chain.getBegin();
        return "expr:" + x.file().relativePath() + ":" + begin.map(b -> b.line + ":" + b.column).orElse("?");
    }

    // ---- enhanced.table(NAME, schema) ----

    private void binding(MethodCallExpr m) {
        Optional<String> api = x.types().typeOf(m.getScope().get()).flatMap(x.index()::apiTypeOf);
        if (api.filter(a -> a.equals(DynamoDbApi.ENHANCED_CLIENT) || a.equals(DynamoDbApi.ENHANCED_ASYNC_CLIENT))
                .isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        schemaIds(m.getArgument(1), ids, 0);
        if (!ids.isEmpty()) {
            bindings.add(new BindingFact(x.folder().fold(m.getArgument(0)), ids));
        }
    }

    private void schemaIds(Expression expression, List<String> out, int depth) {
        Expression e = AstShapes.unwrap(expression);
        if (depth > 8) {
            return;
        }
        if (e instanceof MethodCallExpr m) {
            if (SCHEMA_FACTORIES.contains(m.getNameAsString()) && m.getArguments().size() == 1
                    && AstShapes.unwrap(m.getArgument(0)) instanceof ClassExpr c) {
                x.context().resolve(c.getType(), c).ifPresent(cls -> out.add("class:" + cls));
            } else {
                Expression root = m;
                while (root instanceof MethodCallExpr r && r.getScope().isPresent()
                        && !r.getNameAsString().equals("builder")) {
                    root = r.getScope().get();
                }
                if (root instanceof MethodCallExpr r && r.getNameAsString().equals("builder")) {
                    out.add(staticSchemaId(Props.outermost(r)));
                }
            }
            return;
        }
        Optional<Variable> v = Optional.empty();
        if (e instanceof NameExpr n) {
            v = x.types().scopes().find(n.getNameAsString(), n);
        } else if (e instanceof FieldAccessExpr fa && fa.getScope() instanceof ThisExpr) {
            v = ExpressionTypes.enclosingType(fa).flatMap(td -> x.types().scopes().field(td, fa.getNameAsString()));
        } else if (e instanceof FieldAccessExpr fa) {
            x.typeName(fa.getScope()).ifPresent(owner -> out.add("field:" + owner + "#" + fa.getNameAsString()));
            return;
        }
        if (v.isEmpty()) {
            return;
        }
        if (v.get().kind() == Variable.Kind.FIELD && v.get().owner() != null) {
            out.add("field:" + v.get().owner() + "#" + v.get().name());
        }
        if (v.get().initializer() != null) {
            schemaIds(v.get().initializer(), out, depth + 1);
        }
    }
}
