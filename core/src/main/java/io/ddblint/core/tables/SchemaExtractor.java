package io.ddblint.core.tables;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.ddblint.core.facts.Location;
import io.ddblint.core.facts.Member;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.fold.StringFolder;
import io.ddblint.core.java.AstShapes;
import io.ddblint.core.java.EnclosingMembers;
import io.ddblint.core.java.ExpressionTypes;
import io.ddblint.core.java.FileContext;
import io.ddblint.core.java.ProjectIndex;
import io.ddblint.core.java.Snippets;
import io.ddblint.core.model.IndexDefinition;
import io.ddblint.core.model.ModelSource;
import io.ddblint.core.model.SchemaFacts;
import io.ddblint.core.model.SchemaFacts.AttributeFact;
import io.ddblint.core.model.SchemaFacts.IndexFact;
import io.ddblint.core.model.SchemaFacts.KeysFact;
import io.ddblint.core.model.SchemaFacts.TableFact;
import io.ddblint.core.sdk.DynamoDbApi;
import io.ddblint.core.source.SourceFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the table definitions of one file while its AST is alive: {@code CreateTableRequest}s (v1, v2), AWS CDK
 * {@code Table}/{@code TableV2} constructs, and, through {@link MappedClasses}, entity classes, static schemas and
 * the {@code enhanced.table(NAME, schema)} calls that bind them to table names. Only files that import one of these
 * packages are walked.
 */
public final class SchemaExtractor {

    static final String V2_CREATE_TABLE = DynamoDbApi.V2_MODEL + "CreateTableRequest";
    static final String V1_CREATE_TABLE = DynamoDbApi.V1_MODEL + "CreateTableRequest";
    /** AWS CDK v2's DynamoDB constructs; CDK is seldom on the analysis classpath, so names resolve by import. */
    static final String CDK = "software.amazon.awscdk.services.dynamodb.";

    private final SourceFile file;
    private final FileContext context;
    private final ExpressionTypes types;
    private final ProjectIndex index;
    private final StringFolder folder;
    private final EnclosingMembers members;
    private final List<TableFact> tables = new ArrayList<>();
    private final List<ModelSource> unnamed = new ArrayList<>();

    private SchemaExtractor(SourceFile file, FileContext context, ProjectIndex index) {
        this.file = file;
        this.context = context;
        this.index = index;
        this.types = new ExpressionTypes(context, index);
        this.folder = new StringFolder(types);
        this.members = new EnclosingMembers(context);
    }

    /** The file's schema facts; {@link SchemaFacts#NONE} for a file that imports none of the packages. */
    public static SchemaFacts extract(SourceFile file, FileContext context, ProjectIndex index) {
        if (!mayDefine(context)) {
            return SchemaFacts.NONE;
        }
        SchemaExtractor x = new SchemaExtractor(file, context, index);
        x.createTables();
        x.cdkTables();
        MappedClasses mapped = new MappedClasses(x);
        mapped.extract();
        return new SchemaFacts(x.tables, mapped.entities(), mapped.bindings(), x.unnamed);
    }

    // LIMITATION: a file that names these types only fully qualified, without an import, is not read.
    private static boolean mayDefine(FileContext context) {
        for (ImportDeclaration imp : context.unit().getImports()) {
            String name = imp.getNameAsString();
            if (name.startsWith(DynamoDbApi.V2) || name.startsWith(DynamoDbApi.ENHANCED)
                    || name.startsWith(DynamoDbApi.V1) || name.startsWith(CDK.substring(0, CDK.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    FileContext context() {
        return context;
    }

    ExpressionTypes types() {
        return types;
    }

    StringFolder folder() {
        return folder;
    }

    ProjectIndex index() {
        return index;
    }

    SourceFile file() {
        return file;
    }

    /** A source for a definition at a node inside a member. */
    ModelSource source(ModelSource.Kind kind, Node at, String code) {
        Member member = members.of(at);
        boolean field = member.kind() == Member.Kind.STATIC_FIELD || member.kind() == Member.Kind.INSTANCE_FIELD;
        String name = member.binaryClassName() + "#" + member.methodName() + (field ? "" : "("
                + member.parameterTypes().stream().map(t -> t.substring(t.lastIndexOf('.') + 1))
                .collect(Collectors.joining(",")) + ")");
        return new ModelSource(kind, location(at), name, member, Snippets.normalize(code));
    }

    Location location(Node at) {
        return new Location(file.relativePath(), AstShapes.range(at));
    }

    /** Whether a scope is written as one of these simple names, or ends with one: a cheap test before resolving. */
    static boolean endsWithName(Expression scope, String... names) {
        String written = scope instanceof com.github.javaparser.ast.expr.NameExpr n ? n.getNameAsString()
                : scope instanceof com.github.javaparser.ast.expr.FieldAccessExpr f ? f.getNameAsString() : null;
        return written != null && List.of(names).contains(written);
    }

    /** The type a static-call scope names, resolved through the file's imports. */
    Optional<String> typeName(Expression scope) {
        return types.isTypeName(scope) ? types.typeName(scope) : Optional.empty();
    }

    // ---- CreateTableRequest (v2 builders and consumer lambdas, v1 constructors, with-chains and setters) ----

    private void createTables() {
        // One walk for both shapes: every parsed file goes through here, so a second walk of its tree would cost.
        context.unit().walk(node -> {
            if (node instanceof MethodCallExpr m) {
                String name = m.getNameAsString();
                if (name.equals("builder") && m.getArguments().isEmpty() && m.getScope().isPresent()
                        && endsWithName(m.getScope().get(), "CreateTableRequest")
                        && typeName(m.getScope().get()).filter(V2_CREATE_TABLE::equals).isPresent()) {
                    createTable(Props.outermost(m));
                } else if (name.equals("createTable") && m.getScope().isPresent()) {
                    clientCreateTable(m);
                }
            } else if (node instanceof ObjectCreationExpr o && o.getType().getNameAsString().equals("CreateTableRequest")
                    && context.resolve(o.getType(), o).filter(V1_CREATE_TABLE::equals).isPresent()) {
                createTable(Props.outermost(o));
            }
        });
    }

    /** {@code client.createTable(b -> ...)} (v2) and document {@code dynamoDB.createTable(name, keys, attrs, tp)}. */
    private void clientCreateTable(MethodCallExpr m) {
        Optional<String> api = types.typeOf(m.getScope().get()).flatMap(index::apiTypeOf);
        if (api.isEmpty()) {
            return;
        }
        if (m.getArguments().size() == 1 && AstShapes.unwrap(m.getArgument(0)) instanceof LambdaExpr
                && (api.get().equals(DynamoDbApi.V2_CLIENT) || api.get().equals(DynamoDbApi.V2_ASYNC_CLIENT))) {
            createTable(m.getArgument(0), Props.of(m.getArgument(0), types));
        } else if (m.getArguments().size() == 4 && api.get().equals(DynamoDbApi.DOCUMENT_DYNAMODB)) {
            createTable(m, m.getArgument(0), List.of(m.getArgument(1)), List.of(m.getArgument(2)), List.of(), List.of());
        }
    }

    private void createTable(Expression request) {
        createTable(request, Props.ofHeld(request, types));
    }

    private void createTable(Expression at, Props p) {
        List<Expression> ctor = p.constructorArguments();
        Optional<Expression> table = p.last("tableName");
        List<Expression> keySchema = new ArrayList<>(p.all("keySchema"));
        List<Expression> attributes = new ArrayList<>(p.all("attributeDefinitions"));
        if (ctor.size() == 2) {
            table = table.or(() -> Optional.of(ctor.get(0)));
            keySchema.add(ctor.get(1));
        } else if (ctor.size() == 4) {
            attributes.add(ctor.get(0));
            table = table.or(() -> Optional.of(ctor.get(1)));
            keySchema.add(ctor.get(2));
        }
        if (table.isEmpty()) {
            return;
        }
        createTable(at, table.get(), keySchema, attributes, p.all("globalSecondaryIndexes"),
                p.all("localSecondaryIndexes"));
    }

    private void createTable(Expression at, Expression table, List<Expression> keySchema,
                             List<Expression> attributes, List<Expression> gsis, List<Expression> lsis) {
        Optional<KeysFact> keys = keySchema(keySchema);
        if (keys.isEmpty()) {
            return; // LIMITATION: a key schema built where it cannot be followed (a method result) is not read.
        }
        List<AttributeFact> types = new ArrayList<>();
        for (Expression arg : attributes) {
            for (Expression element : Props.elements(arg, this.types)) {
                Props a = Props.of(element, this.types);
                List<Expression> ctor = a.constructorArguments();
                Optional<Expression> name = a.last("attributeName").or(() -> ctor.size() == 2
                        ? Optional.of(ctor.get(0)) : Optional.empty());
                Optional<String> type = a.last("attributeType").or(() -> ctor.size() == 2
                        ? Optional.of(ctor.get(1)) : Optional.empty()).flatMap(Props::word);
                if (name.isPresent() && type.isPresent() && List.of("S", "N", "B").contains(type.get())) {
                    types.add(new AttributeFact(folder.fold(name.get()), type.get()));
                }
            }
        }
        List<IndexFact> indexes = new ArrayList<>();
        indexes(gsis, IndexDefinition.Kind.GLOBAL, indexes);
        indexes(lsis, IndexDefinition.Kind.LOCAL, indexes);
        tables.add(new TableFact(folder.fold(table), keys.get(), indexes, types,
                source(ModelSource.Kind.CREATE_TABLE, at, at.toString())));
    }

    private void indexes(List<Expression> args, IndexDefinition.Kind kind, List<IndexFact> out) {
        for (Expression arg : args) {
            for (Expression element : Props.elements(arg, types)) {
                Props i = Props.of(element, types);
                Optional<Expression> name = i.last("indexName");
                Optional<KeysFact> keys = keySchema(i.all("keySchema"));
                if (name.isPresent() && keys.isPresent()) {
                    out.add(new IndexFact(folder.fold(name.get()), kind, keys.get()));
                }
            }
        }
    }

    /** HASH and RANGE elements of a key schema given as varargs, a list, or elements built with constructors. */
    private Optional<KeysFact> keySchema(List<Expression> args) {
        SymbolicString hash = null;
        SymbolicString range = null;
        for (Expression arg : args) {
            for (Expression element : Props.elements(arg, types)) {
                Props k = Props.of(element, types);
                List<Expression> ctor = k.constructorArguments();
                Optional<Expression> name = k.last("attributeName").or(() -> ctor.size() == 2
                        ? Optional.of(ctor.get(0)) : Optional.empty());
                Optional<String> type = k.last("keyType").or(() -> ctor.size() == 2
                        ? Optional.of(ctor.get(1)) : Optional.empty()).flatMap(Props::word);
                if (name.isEmpty() || type.isEmpty()) {
                    return Optional.empty();
                }
                if (type.get().equals("HASH")) {
                    hash = folder.fold(name.get());
                } else if (type.get().equals("RANGE")) {
                    range = folder.fold(name.get());
                } else {
                    return Optional.empty();
                }
            }
        }
        return hash == null ? Optional.empty() : Optional.of(new KeysFact(hash, range));
    }

    // ---- AWS CDK (Java) Table and TableV2 ----

    private void cdkTables() {
        if (!importsCdk()) {
            return;
        }
        for (MethodCallExpr m : context.unit().findAll(MethodCallExpr.class)) {
            if (m.getNameAsString().equals("create") && m.getScope().isPresent()
                    && m.getScope().get().toString().endsWith("Builder")) {
                Optional<String> builder = cdkName(m.getScope().get().toString(), m);
                if (builder.filter(b -> b.equals(CDK + "Table.Builder") || b.equals(CDK + "TableV2.Builder"))
                        .isPresent()) {
                    Expression chain = Props.outermost(m);
                    cdkTable(chain, Props.of(chain, types));
                }
            }
        }
        for (ObjectCreationExpr o : context.unit().findAll(ObjectCreationExpr.class)) {
            String simple = o.getType().getNameAsString();
            if (!simple.equals("Table") && !simple.equals("TableV2")) {
                continue;
            }
            Optional<String> type = cdkName(o.getType().getNameWithScope(), o);
            if (type.filter(t -> t.equals(CDK + "Table") || t.equals(CDK + "TableV2")).isPresent()
                    && o.getArguments().size() == 3) {
                cdkTable(o, Props.of(o.getArgument(2), types));
            }
        }
    }

    private boolean importsCdk() {
        return context.unit().getImports().stream().anyMatch(i -> i.getNameAsString().startsWith(CDK)
                || i.isAsterisk() && (i.getNameAsString() + ".").equals(CDK));
    }

    /** A CDK type name as written: through a single import, or the CDK package imported on demand. */
    private Optional<String> cdkName(String written, Node at) {
        Optional<String> resolved = context.resolveName(written, at);
        if (resolved.isPresent()) {
            return resolved;
        }
        boolean onDemand = context.unit().getImports().stream()
                .anyMatch(i -> i.isAsterisk() && !i.isStatic() && (i.getNameAsString() + ".").equals(CDK));
        return onDemand ? Optional.of(CDK + written) : Optional.empty();
    }

    private void cdkTable(Expression at, Props p) {
        ModelSource source = source(ModelSource.Kind.CDK, at, at.toString());
        Optional<Expression> name = p.last("tableName");
        Optional<CdkAttribute> pk = p.last("partitionKey").flatMap(this::cdkAttribute);
        if (pk.isEmpty()) {
            return;
        }
        if (name.isEmpty()) {
            unnamed.add(source); // CDK generates a name: the table cannot be linked, and is not invented
            return;
        }
        Optional<CdkAttribute> sk = p.last("sortKey").flatMap(this::cdkAttribute);
        List<AttributeFact> attributes = new ArrayList<>();
        pk.get().addTo(attributes);
        sk.ifPresent(a -> a.addTo(attributes));
        List<IndexFact> indexes = new ArrayList<>();
        List<Expression> gsis = new ArrayList<>(p.all("globalSecondaryIndexes"));
        List<Expression> lsis = new ArrayList<>(p.all("localSecondaryIndexes"));
        for (MethodCallExpr add : addedIndexes(at)) {
            (add.getNameAsString().equals("addGlobalSecondaryIndex") ? gsis : lsis).add(add.getArgument(0));
        }
        cdkIndexes(gsis, IndexDefinition.Kind.GLOBAL, indexes, attributes);
        cdkIndexes(lsis, IndexDefinition.Kind.LOCAL, indexes, attributes);
        tables.add(new TableFact(folder.fold(name.get()), new KeysFact(pk.get().name(),
                sk.map(CdkAttribute::name).orElse(null)), indexes, attributes, source));
    }

    /** {@code table.addGlobalSecondaryIndex(...)} on the local or field the construct is assigned to. */
    private List<MethodCallExpr> addedIndexes(Expression construct) {
        String variable = null;
        Node parent = construct.getParentNode().orElse(null);
        if (parent instanceof VariableDeclarator d) {
            variable = d.getNameAsString();
        } else if (parent instanceof com.github.javaparser.ast.expr.AssignExpr a) {
            variable = a.getTarget() instanceof com.github.javaparser.ast.expr.FieldAccessExpr f
                    ? f.getNameAsString() : a.getTarget().toString();
        }
        if (variable == null) {
            return List.of();
        }
        Node scope = ExpressionTypes.enclosingType(construct).map(Node.class::cast).orElse(context.unit());
        List<MethodCallExpr> out = new ArrayList<>();
        for (MethodCallExpr m : scope.findAll(MethodCallExpr.class)) {
            String n = m.getNameAsString();
            if ((n.equals("addGlobalSecondaryIndex") || n.equals("addLocalSecondaryIndex"))
                    && m.getArguments().size() == 1 && m.getScope().isPresent()) {
                String receiver = m.getScope().get().toString();
                if (receiver.equals(variable) || receiver.equals("this." + variable)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private void cdkIndexes(List<Expression> args, IndexDefinition.Kind kind, List<IndexFact> out,
                            List<AttributeFact> attributes) {
        for (Expression arg : args) {
            for (Expression element : Props.elements(arg, types)) {
                Props i = Props.of(element, types);
                Optional<Expression> name = i.last("indexName");
                Optional<CdkAttribute> pk = i.last("partitionKey").flatMap(this::cdkAttribute);
                Optional<CdkAttribute> sk = i.last("sortKey").flatMap(this::cdkAttribute);
                if (name.isEmpty() || kind == IndexDefinition.Kind.GLOBAL && pk.isEmpty()
                        || kind == IndexDefinition.Kind.LOCAL && sk.isEmpty()) {
                    continue;
                }
                pk.ifPresent(a -> a.addTo(attributes));
                sk.ifPresent(a -> a.addTo(attributes));
                out.add(new IndexFact(folder.fold(name.get()), kind, new KeysFact(
                        pk.map(CdkAttribute::name).orElse(null), sk.map(CdkAttribute::name).orElse(null))));
            }
        }
    }

    private record CdkAttribute(SymbolicString name, String type) {
        void addTo(List<AttributeFact> out) {
            if (type != null) {
                out.add(new AttributeFact(name, type));
            }
        }
    }

    /** {@code Attribute.builder().name("pk").type(AttributeType.STRING).build()}. */
    private Optional<CdkAttribute> cdkAttribute(Expression e) {
        Props a = Props.of(e, types);
        Optional<Expression> name = a.last("name");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String type = a.last("type").flatMap(Props::word).map(w -> switch (w) {
            case "STRING" -> "S";
            case "NUMBER" -> "N";
            case "BINARY" -> "B";
            default -> null;
        }).orElse(null);
        return Optional.of(new CdkAttribute(folder.fold(name.get()), type));
    }
}
