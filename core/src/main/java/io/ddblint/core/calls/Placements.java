package io.ddblint.core.calls;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.ddblint.core.facts.Loop;
import io.ddblint.core.facts.LoopKind;
import io.ddblint.core.facts.MethodRole;
import io.ddblint.core.facts.Placement;
import io.ddblint.core.java.ExpressionTypes;
import io.ddblint.core.java.FileContext;
import io.ddblint.core.java.Snippets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out the {@link Placement} of a node of one file: the loop around it and what its member is for. Member
 * roles are read from declarations only (annotations, implemented interfaces, names), by resolved names.
 */
final class Placements {

    /** Stream operations whose lambda runs once per element. */
    private static final Set<String> PER_ELEMENT_STREAM_OPERATIONS = Set.of("map", "flatMap", "peek", "forEach",
            "forEachOrdered", "mapToObj", "mapToInt", "mapToLong", "mapToDouble");
    /** Calls that start a stream, recognised in a chain whose type cannot be resolved. */
    private static final Set<String> STREAM_SOURCES = Set.of("stream", "parallelStream");
    private static final Set<String> STREAM_TYPES = Set.of("java.util.stream.Stream", "java.util.stream.IntStream",
            "java.util.stream.LongStream");
    private static final Set<String> STREAM_FACTORIES = Set.of("of", "range", "rangeClosed", "iterate", "generate");
    private static final String LAMBDA_RUNTIME = "com.amazonaws.services.lambda.runtime.";
    private static final Set<String> LAMBDA_HANDLER_TYPES = Set.of(LAMBDA_RUNTIME + "RequestHandler",
            LAMBDA_RUNTIME + "RequestStreamHandler");
    private static final String SPRING_WEB = "org.springframework.web.bind.annotation.";
    private static final Set<String> WEB_ANNOTATIONS = Set.of(SPRING_WEB + "RequestMapping",
            SPRING_WEB + "GetMapping", SPRING_WEB + "PostMapping", SPRING_WEB + "PutMapping",
            SPRING_WEB + "DeleteMapping", SPRING_WEB + "PatchMapping",
            "javax.ws.rs.GET", "javax.ws.rs.POST", "javax.ws.rs.PUT", "javax.ws.rs.DELETE", "javax.ws.rs.Path",
            "jakarta.ws.rs.GET", "jakarta.ws.rs.POST", "jakarta.ws.rs.PUT", "jakarta.ws.rs.DELETE",
            "jakarta.ws.rs.Path");
    private static final Set<String> FACTORY_ANNOTATIONS = Set.of("org.springframework.context.annotation.Bean",
            "javax.enterprise.inject.Produces", "jakarta.enterprise.inject.Produces");

    private final ExpressionTypes types;
    private final FileContext file;
    /** Per Lambda handler class, the private methods {@code handleRequest} reaches. */
    private final Map<TypeDeclaration<?>, Set<MethodDeclaration>> handlerHelpers = new HashMap<>();

    Placements(ExpressionTypes types) {
        this.types = types;
        this.file = types.file();
    }

    Placement of(Node node) {
        return new Placement(loop(node), role(node));
    }

    // ---- loops

    /** The innermost loop around the node within its member; lambdas of other calls are looked through. */
    Loop loop(Node node) {
        Node child = node;
        for (Node n = node.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
            if (n instanceof ForEachStmt fe && child == fe.getBody()) {
                return new Loop(LoopKind.FOR_EACH, "for (" + fe.getVariable() + " : "
                        + Snippets.normalize(fe.getIterable()) + ")", exitsAfter(node, fe));
            }
            if (n instanceof ForStmt f && child == f.getBody()) {
                return new Loop(LoopKind.FOR, "for (...)", exitsAfter(node, f));
            }
            if (n instanceof WhileStmt w && child == w.getBody()) {
                return new Loop(LoopKind.WHILE, "while (" + Snippets.normalize(w.getCondition()) + ")",
                        exitsAfter(node, w));
            }
            if (n instanceof DoStmt d && child == d.getBody()) {
                return new Loop(LoopKind.DO, "do ... while (" + Snippets.normalize(d.getCondition()) + ")",
                        exitsAfter(node, d));
            }
            if (n instanceof LambdaExpr && n.getParentNode().orElse(null) instanceof MethodCallExpr m
                    && m.getArguments().contains(n)) {
                Optional<Loop> lambdaLoop = lambdaLoop(m);
                if (lambdaLoop.isPresent()) {
                    return lambdaLoop.get();
                }
            }
            if (n instanceof CallableDeclaration<?> || n instanceof InitializerDeclaration
                    || n instanceof TypeDeclaration<?> || n instanceof FieldDeclaration) {
                return Loop.NONE;
            }
        }
        return Loop.NONE;
    }

    /**
     * A lambda given to {@code forEach} (of an {@code Iterable}, a {@code Map} or a stream) or to a per-element
     * stream operation. {@code Optional.map}, {@code CompletableFuture} callbacks and other non-stream {@code map}s
     * are not loops: a {@code map} counts only when the receiver is a {@code java.util.stream} type, or a chain
     * that starts with {@code stream()}/{@code parallelStream()}/{@code Stream.of(..)}/{@code Arrays.stream(..)}.
     */
    private Optional<Loop> lambdaLoop(MethodCallExpr m) {
        String name = m.getNameAsString();
        String receiver = m.getScope().map(Snippets::normalize).orElse("");
        if (name.equals("forEach") && m.getScope().isPresent() && !isOptional(m.getScope().get())) {
            return Optional.of(new Loop(LoopKind.FOR_EACH_METHOD, shorten(receiver) + ".forEach(...)", false));
        }
        if (PER_ELEMENT_STREAM_OPERATIONS.contains(name) && m.getScope().isPresent()
                && isStream(m.getScope().get())) {
            return Optional.of(new Loop(LoopKind.STREAM_LAMBDA, "." + name + "(...)", false));
        }
        return Optional.empty();
    }

    private boolean isOptional(Expression scope) {
        return types.typeOf(scope).filter(t -> t.startsWith("java.util.Optional")).isPresent();
    }

    private boolean isStream(Expression scope) {
        Optional<String> type = types.typeOf(scope);
        if (type.isPresent()) {
            return type.get().startsWith("java.util.stream.");
        }
        for (Expression e = scope; e instanceof MethodCallExpr call; e = call.getScope().orElse(null)) {
            String name = call.getNameAsString();
            if (STREAM_SOURCES.contains(name) && call.getArguments().isEmpty()) {
                return true;
            }
            if (call.getScope().isPresent() && types.isTypeName(call.getScope().get())) {
                String owner = call.getScope().get().toString();
                boolean streamType = STREAM_TYPES.stream().anyMatch(t -> TypeNames.means(file, owner, call, t));
                return streamType && STREAM_FACTORIES.contains(name)
                        || TypeNames.means(file, owner, call, "java.util.Arrays") && name.equals("stream");
            }
        }
        return false;
    }

    private static String shorten(String receiver) {
        return receiver.length() > 40 ? "..." + receiver.substring(receiver.length() - 37) : receiver;
    }

    /**
     * Whether the loop is always left right after the node runs: the statement holding it is a {@code return} or
     * {@code throw}, or the statement after it in its block is a {@code break} (of this loop), {@code return} or
     * {@code throw}. Then the node runs at most once per execution of the loop, even inside an {@code if}. A lambda
     * in between ({@code retry(() -> ...)}) returns from the lambda, not from the loop.
     */
    private static boolean exitsAfter(Node node, Statement loop) {
        Statement statement = null;
        for (Node n = node; n != null && n != loop; n = n.getParentNode().orElse(null)) {
            if (n instanceof Statement s) {
                statement = s;
                break;
            }
        }
        if (statement == null || crossesLambda(statement, loop)) {
            return false;
        }
        if (statement instanceof ReturnStmt || statement instanceof ThrowStmt) {
            return true;
        }
        if (statement.getParentNode().orElse(null) instanceof BlockStmt block) {
            NodeList<Statement> statements = block.getStatements();
            int at = statements.indexOf(statement);
            if (at >= 0 && at + 1 < statements.size()) {
                Statement next = statements.get(at + 1);
                return next instanceof ReturnStmt || next instanceof ThrowStmt
                        || next instanceof BreakStmt b && breaksOut(b, block, loop);
            }
        }
        return false;
    }

    private static boolean crossesLambda(Node from, Statement loop) {
        for (Node n = from; n != null && n != loop; n = n.getParentNode().orElse(null)) {
            if (n instanceof LambdaExpr) {
                return true;
            }
        }
        return false;
    }

    /** A labeled {@code break} of this loop's label, or an unlabeled one with no {@code switch} in between. */
    private static boolean breaksOut(BreakStmt b, Node from, Statement loop) {
        if (b.getLabel().isPresent()) {
            return loop.getParentNode().orElse(null) instanceof LabeledStmt l
                    && l.getLabel().equals(b.getLabel().get());
        }
        for (Node n = from; n != null && n != loop; n = n.getParentNode().orElse(null)) {
            if (n instanceof SwitchStmt || n instanceof SwitchEntry) {
                return false;
            }
        }
        return true;
    }

    // ---- member roles

    MethodRole role(Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof ConstructorDeclaration) {
                return MethodRole.CONSTRUCTOR;
            }
            if (n instanceof InitializerDeclaration) {
                return MethodRole.INITIALIZER;
            }
            if (n instanceof FieldDeclaration) {
                return MethodRole.FIELD_INITIALIZER;
            }
            if (n instanceof MethodDeclaration m) {
                return methodRole(m);
            }
            if (n instanceof TypeDeclaration<?> || n instanceof ObjectCreationExpr) {
                return MethodRole.OTHER;
            }
        }
        return MethodRole.OTHER;
    }

    private MethodRole methodRole(MethodDeclaration m) {
        if (hasAnnotation(m.getAnnotations(), FACTORY_ANNOTATIONS)) {
            return MethodRole.FACTORY;
        }
        if (hasAnnotation(m.getAnnotations(), WEB_ANNOTATIONS)) {
            return MethodRole.WEB_HANDLER;
        }
        if (m.isStatic() && m.isPublic() && m.getNameAsString().equals("main") && m.getParameters().size() == 1
                && m.getType().isVoidType()) {
            return MethodRole.MAIN;
        }
        if (!(m.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration owner) || !isLambdaHandler(owner)) {
            return MethodRole.OTHER;
        }
        if (isHandleRequest(m)) {
            return MethodRole.LAMBDA_HANDLER;
        }
        if (m.isPrivate() && handlerHelpers.computeIfAbsent(owner, Placements::helpersOf).contains(m)) {
            return MethodRole.LAMBDA_HANDLER_HELPER;
        }
        return MethodRole.OTHER;
    }

    private static boolean isHandleRequest(MethodDeclaration m) {
        int arity = m.getParameters().size();
        return m.getNameAsString().equals("handleRequest") && (arity == 2 || arity == 3) && !m.isStatic();
    }

    private boolean isLambdaHandler(ClassOrInterfaceDeclaration type) {
        for (ClassOrInterfaceType implemented : type.getImplementedTypes()) {
            if (matches(implemented.getNameWithScope().replaceAll("<.*", ""), implemented, LAMBDA_HANDLER_TYPES)) {
                return true;
            }
        }
        return false;
    }

    /** The private methods of a handler class that {@code handleRequest} calls, directly or through each other. */
    private static Set<MethodDeclaration> helpersOf(TypeDeclaration<?> owner) {
        Map<String, List<MethodDeclaration>> privateByName = new HashMap<>();
        for (MethodDeclaration m : owner.getMethods()) {
            if (m.isPrivate()) {
                privateByName.computeIfAbsent(m.getNameAsString(), k -> new ArrayList<>()).add(m);
            }
        }
        Set<MethodDeclaration> reached = new HashSet<>();
        Deque<MethodDeclaration> todo = new ArrayDeque<>();
        owner.getMethods().stream().filter(Placements::isHandleRequest).forEach(todo::add);
        while (!todo.isEmpty()) {
            MethodDeclaration m = todo.pop();
            for (MethodCallExpr call : m.findAll(MethodCallExpr.class)) {
                boolean own = call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr;
                if (!own) {
                    continue;
                }
                for (MethodDeclaration target : privateByName.getOrDefault(call.getNameAsString(), List.of())) {
                    if (target.getParameters().size() == call.getArguments().size() && reached.add(target)) {
                        todo.push(target);
                    }
                }
            }
        }
        return reached;
    }

    private boolean hasAnnotation(NodeList<AnnotationExpr> annotations, Set<String> wanted) {
        for (AnnotationExpr a : annotations) {
            if (matches(a.getNameAsString(), a, wanted)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(String written, Node at, Set<String> wanted) {
        for (String fqn : wanted) {
            if (TypeNames.means(file, written, at, fqn)) {
                return true;
            }
        }
        return false;
    }
}
