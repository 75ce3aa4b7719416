package io.ddblint.core.calls;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import io.ddblint.core.java.ExpressionTypes;
import io.ddblint.core.java.Variable;
import io.ddblint.core.sdk.DynamoDbApi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the creations of DynamoDB clients in one file (RULES.md DDB-P004): {@code X.create()},
 * {@code X.defaultClient()}, a {@code X.builder()...build()} or {@code X.standard()...build()} chain whose root is a
 * client type's builder (SDK table rows {@code create-client}/{@code build-client}), and {@code new} of the v1 client
 * classes, the mapper and the document API. Matched on resolved type names, never on method names alone.
 */
final class ClientCreations {

    /** v1 classes whose constructor makes a client or a client-holding object. */
    private static final Set<String> CONSTRUCTED = Set.of(
            "com.amazonaws.services.dynamodbv2.AmazonDynamoDBClient",
            "com.amazonaws.services.dynamodbv2.AmazonDynamoDBAsyncClient",
            DynamoDbApi.MAPPER_CLASS, DynamoDbApi.DOCUMENT_DYNAMODB);
    private static final Set<String> CONSTRUCTED_SIMPLE_NAMES = Set.of("AmazonDynamoDBClient",
            "AmazonDynamoDBAsyncClient", "DynamoDBMapper", "DynamoDB");
    private static final Set<String> FACTORY_NAMES = Set.of("create", "defaultClient");
    private static final Set<String> BUILDER_STARTS = Set.of("builder", "standard");
    /** Methods of a field that keep what they are given for later: a cache, not a creation per use. */
    private static final Set<String> CACHING_CALLS = Set.of("put", "putIfAbsent");
    /** Methods whose lambda runs once and whose result is kept ({@code Suppliers.memoize(() -> ..)}). */
    private static final Set<String> CACHING_LAMBDA_CALLS = Set.of("computeIfAbsent", "memoize",
            "memoizeWithExpiration", "withInitial", "lazy", "of", "getOrCreate");

    /** One creation: the expression, the created type. */
    record Found(Expression expression, String clientType) {
    }

    private final ExpressionTypes types;

    ClientCreations(ExpressionTypes types) {
        this.types = types;
    }

    /** Whether a file has anything shaped like a creation: a cheap syntactic test before any resolution. */
    static boolean hasCandidates(CompilationUnit unit) {
        return unit.findFirst(MethodCallExpr.class, m -> m.getArguments().isEmpty()
                && (FACTORY_NAMES.contains(m.getNameAsString()) || BUILDER_STARTS.contains(m.getNameAsString()))
                && m.getScope().filter(s -> clientTypeName(s.toString())).isPresent()).isPresent()
                || unit.findFirst(ObjectCreationExpr.class,
                        o -> CONSTRUCTED_SIMPLE_NAMES.contains(o.getType().getNameAsString())).isPresent();
    }

    /** Every creating type is named {@code ...Client} or {@code ...ClientBuilder}. */
    private static boolean clientTypeName(String written) {
        return written.endsWith("Client") || written.endsWith("ClientBuilder");
    }

    List<Found> find(CompilationUnit unit) {
        List<Found> found = new ArrayList<>();
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            created(call).ifPresent(type -> found.add(new Found(call, type)));
        }
        for (ObjectCreationExpr oce : unit.findAll(ObjectCreationExpr.class)) {
            if (CONSTRUCTED_SIMPLE_NAMES.contains(oce.getType().getNameAsString())
                    && oce.getAnonymousClassBody().isEmpty()) {
                types.file().resolve(oce.getType(), oce).filter(CONSTRUCTED::contains)
                        .ifPresent(type -> found.add(new Found(oce, type)));
            }
        }
        // DynamoDBMapper(AmazonDynamoDBClientBuilder.defaultClient()): one creation, reported at the outer one.
        return found.stream().filter(f -> found.stream().noneMatch(o -> o != f && contains(o.expression(),
                f.expression()))).toList();
    }

    private static boolean contains(Node outer, Node inner) {
        for (Node n = inner.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n == outer) {
                return true;
            }
        }
        return false;
    }

    /** The client type a call creates: a static factory, or the {@code build()} ending a client builder chain. */
    private Optional<String> created(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (call.getScope().isEmpty() || !call.getArguments().isEmpty()) {
            return Optional.empty();
        }
        Expression scope = call.getScope().get();
        if (FACTORY_NAMES.contains(name)) {
            return types.isTypeName(scope)
                    ? types.typeName(scope).flatMap(t -> DynamoDbApi.clientCreatedBy(t, name)) : Optional.empty();
        }
        if (!name.equals("build")) {
            return Optional.empty();
        }
        Expression e = scope;
        while (e instanceof MethodCallExpr m && m.getScope().isPresent()) {
            Expression inner = m.getScope().get();
            if (types.isTypeName(inner)) {
                return types.typeName(inner).flatMap(t -> DynamoDbApi.clientBuilderStartedBy(t, m.getNameAsString()));
            }
            e = inner;
        }
        // LIMITATION: a builder held in a variable (b = DynamoDbClient.builder(); ... b.build()) is not followed.
        return Optional.empty();
    }

    /**
     * Whether the created object is kept for later rather than made per use: assigned to a field (directly or as
     * the value of a conditional), put into a map, or returned from a lambda given to a cache
     * ({@code clients.computeIfAbsent(region, r -> DynamoDbClient.builder()...build())}).
     */
    boolean cached(Node creation) {
        Node child = creation;
        for (Node n = creation.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
            if (n instanceof AssignExpr a && child == a.getValue()) {
                return isField(a.getTarget());
            }
            if (n instanceof VariableDeclarator v) {
                return v.getParentNode().orElse(null) instanceof FieldDeclaration || assignedToFieldLater(v);
            }
            if (n instanceof MethodCallExpr m && m.getArguments().contains(child)) {
                return CACHING_CALLS.contains(m.getNameAsString()) && m.getScope().filter(this::isField).isPresent();
            }
            if (n instanceof LambdaExpr && n.getParentNode().orElse(null) instanceof MethodCallExpr m) {
                return CACHING_LAMBDA_CALLS.contains(m.getNameAsString());
            }
            if (n instanceof Statement && !(n instanceof ReturnStmt && insideLambda(n))) {
                return false;
            }
        }
        return false;
    }

    /** A {@code return} of a block lambda's body: {@code r -> { ...; return client; }}. */
    private static boolean insideLambda(Node statement) {
        Optional<Node> block = statement.getParentNode();
        return block.flatMap(Node::getParentNode).filter(p -> p instanceof LambdaExpr).isPresent();
    }

    /** {@code DynamoDbClient c = ...; this.client = c;}: a local that goes to a field in its declaring body. */
    private boolean assignedToFieldLater(VariableDeclarator v) {
        Optional<Node> body = v.getParentNode().flatMap(Node::getParentNode).flatMap(Node::getParentNode);
        if (body.isEmpty()) {
            return false;
        }
        for (AssignExpr a : body.get().findAll(AssignExpr.class)) {
            if (a.getValue() instanceof NameExpr n && n.getNameAsString().equals(v.getNameAsString())
                    && isField(a.getTarget())) {
                return true;
            }
        }
        return false;
    }

    private boolean isField(Expression target) {
        if (target instanceof FieldAccessExpr fa) {
            return fa.getScope() instanceof ThisExpr || types.isTypeName(fa.getScope());
        }
        if (target instanceof NameExpr n) {
            return types.scopes().find(n.getNameAsString(), n).map(Variable::kind)
                    .filter(k -> k == Variable.Kind.FIELD).isPresent();
        }
        return false;
    }
}
