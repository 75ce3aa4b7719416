package io.ddblint.core.calls;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import io.ddblint.core.SourceRange;
import io.ddblint.core.UnresolvedCall;
import io.ddblint.core.facts.ApiFlavor;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.ClientCreation;
import io.ddblint.core.facts.Location;
import io.ddblint.core.facts.LoopKind;
import io.ddblint.core.facts.Member;
import io.ddblint.core.facts.Request;
import io.ddblint.core.facts.Response;
import io.ddblint.core.fold.StringFolder;
import io.ddblint.core.java.AstShapes;
import io.ddblint.core.java.EnclosingMembers;
import io.ddblint.core.java.ExpressionTypes;
import io.ddblint.core.java.FileContext;
import io.ddblint.core.java.ProjectIndex;
import io.ddblint.core.java.Snippets;
import io.ddblint.core.java.SolverFallback;
import io.ddblint.core.java.Variable;
import io.ddblint.core.sdk.DynamoDbApi;
import io.ddblint.core.source.SourceFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the DynamoDB call sites of one file. Calls are filtered by method name first; only candidates have their
 * receiver resolved, and a call counts as DynamoDB only when the receiver's type is (or extends) an API type.
 */
public final class CallSiteExtractor {

    private static final Set<String> STREAM_OPERATIONS = Set.of("map", "flatMap", "peek", "filter", "mapToObj",
            "anyMatch", "allMatch", "noneMatch", "collect", "reduce", "mapToInt", "mapToLong");

    /** What one file contributed. */
    public record FileFacts(List<CallSite> callSites, List<UnresolvedCall> unresolved,
                            List<ClientCreation> clientCreations) {

        public FileFacts(List<CallSite> callSites, List<UnresolvedCall> unresolved) {
            this(callSites, unresolved, List.of());
        }
    }

    private final SourceFile file;
    private final ExpressionTypes types;
    private final ProjectIndex index;
    private final RequestExtractor requests;
    private final SolverFallback fallback;
    private final EnclosingMembers members;
    private final ResponseFlow responses;
    private final Placements placements;
    private final ItemCounter itemCounter;

    /** @param fallback the full symbol solver for receivers the local resolver cannot type, or null */
    public CallSiteExtractor(SourceFile file, FileContext context, ProjectIndex index, SolverFallback fallback) {
        this.file = file;
        this.index = index;
        this.fallback = fallback;
        this.types = new ExpressionTypes(context, index);
        this.requests = new RequestExtractor(types, new StringFolder(types));
        this.members = new EnclosingMembers(context);
        this.responses = new ResponseFlow(types);
        this.placements = new Placements(types);
        this.itemCounter = new ItemCounter(types);
    }

    /** Whether a file has any call the name filter lets through; files without one have no call sites. */
    public static boolean hasCandidates(com.github.javaparser.ast.CompilationUnit unit) {
        return unit.findFirst(MethodCallExpr.class,
                m -> DynamoDbApi.isCandidateMethod(m.getNameAsString(), m.getArguments().size())).isPresent()
                || ClientCreations.hasCandidates(unit);
    }

    public FileFacts extract() {
        List<CallSite> sites = new ArrayList<>();
        List<UnresolvedCall> unresolved = new ArrayList<>();
        for (MethodCallExpr call : types.file().unit().findAll(MethodCallExpr.class)) {
            if (!DynamoDbApi.isCandidateMethod(call.getNameAsString(), call.getArguments().size())) {
                continue;
            }
            Receiver receiver = receiverOf(call);
            if (receiver.unresolved()) {
                unresolved.add(new UnresolvedCall(file.relativePath(), AstShapes.callRange(call), Snippets.normalize(call)));
            } else if (receiver.apiType() != null) {
                site(call, receiver.apiType()).ifPresent(sites::add);
            }
        }
        for (MethodReferenceExpr ref : types.file().unit().findAll(MethodReferenceExpr.class)) {
            methodReference(ref, sites, unresolved);
        }
        List<ClientCreation> creations = clientCreations();
        if (fallback != null) {
            fallback.release(types.file().unit());
        }
        sites.sort(CallSite.ORDER);
        return new FileFacts(List.copyOf(sites), List.copyOf(unresolved), creations);
    }

    private List<ClientCreation> clientCreations() {
        ClientCreations finder = new ClientCreations(types);
        List<ClientCreation> creations = new ArrayList<>();
        for (ClientCreations.Found found : finder.find(types.file().unit())) {
            Node at = found.expression();
            creations.add(new ClientCreation(new Location(file.relativePath(), AstShapes.range(at)), found.clientType(),
                    context(at, false), placements.of(at), finder.cached(at), Snippets.normalize(at)));
        }
        return List.copyOf(creations);
    }

    private CallSite.Context context(Node at, boolean forwarding) {
        String enclosingType = ExpressionTypes.enclosingType(at).map(types.file()::qualifiedName)
                .orElse(types.file().packageName());
        return new CallSite.Context(file.kind(), enclosingType, enclosingMember(at), members.of(at), loopKind(at),
                forwarding, placements.of(at));
    }

    /**
     * {@code requests.stream().map(client::scan)} or {@code DynamoDbClient::scan}: a call whose request is not in
     * sight (the stream supplies it), so the site records the operation with an untraced request.
     */
    private void methodReference(MethodReferenceExpr ref, List<CallSite> sites, List<UnresolvedCall> unresolved) {
        String method = ref.getIdentifier();
        if (!DynamoDbApi.isCandidateMethod(method, 1) || method.equals(DynamoDbApi.MAPPER_COUNT)) {
            return;
        }
        Optional<String> type;
        Optional<Variable> variable = ref.getScope() instanceof TypeExpr t
                ? types.scopes().find(t.getType().asString(), t) : Optional.empty();
        if (variable.isPresent()) {
            // JavaParser reads `client::scan` as a type expression; a variable of that name wins, as in javac.
            type = types.typeOf(variable.get(), 0);
        } else if (ref.getScope() instanceof TypeExpr t) {
            type = types.file().resolve(t.getType(), t); // unbound: the stream's element is the receiver
        } else if (types.isTypeName(ref.getScope())) {
            type = types.typeName(ref.getScope());
        } else {
            type = types.typeOf(ref.getScope());
        }
        SourceRange range = range(ref);
        if (type.isEmpty()) {
            unresolved.add(new UnresolvedCall(file.relativePath(), range, Snippets.normalize(ref)));
            return;
        }
        Optional<String> api = index.apiTypeOf(type.get());
        Optional<DynamoDbApi.Op> op = api.flatMap(a -> DynamoDbApi.operation(DynamoDbApi.flavorOf(a), method));
        if (op.isEmpty()) {
            return;
        }
        sites.add(callSite(ref, range, api.get(), method, op.get(), Request.NOT_FOLLOWED));
    }

    /** From the {@code ::} to the end of the reference. */
    private static SourceRange range(MethodReferenceExpr ref) {
        var begin = ref.getScope().getEnd().orElse(null);
        var end = ref.getEnd().orElse(null);
        if (begin == null || end == null) {
            return SourceRange.UNKNOWN;
        }
        return new SourceRange(begin.line, begin.column + 1, end.line, end.column);
    }

    /** The receiver's API type; null apiType when it is not a DynamoDB type; unresolved when unknown. */
    private record Receiver(String apiType, boolean unresolved) {
        static final Receiver NOT_DYNAMODB = new Receiver(null, false);
        static final Receiver UNRESOLVED = new Receiver(null, true);
    }

    private Receiver receiverOf(MethodCallExpr call) {
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty() || scope.get() instanceof SuperExpr) {
            // An unqualified call is a DynamoDB call only inside a class that extends an API type.
            Optional<TypeDeclaration<?>> td = ExpressionTypes.enclosingType(call);
            return td.flatMap(t -> index.apiTypeOf(types.file().qualifiedName(t)))
                    .map(api -> new Receiver(api, false)).orElse(Receiver.NOT_DYNAMODB);
        }
        if (types.isTypeName(scope.get())) {
            return Receiver.NOT_DYNAMODB; // a static method: API calls are instance calls
        }
        Optional<String> type = types.typeOf(scope.get());
        if (type.isEmpty() && fallback != null) {
            type = fallback.typeOf(scope.get());
        }
        if (type.isEmpty()) {
            return Receiver.UNRESOLVED;
        }
        Optional<String> api = index.apiTypeOf(type.get());
        if (api.isPresent()) {
            return new Receiver(api.get(), false);
        }
        return hierarchyKnown(type.get()) ? Receiver.NOT_DYNAMODB : Receiver.UNRESOLVED;
    }

    /**
     * Whether we know enough of a type to say it is not a DynamoDB type: a project type, a JDK type, or an SDK type.
     * A type from a library we cannot see might wrap or extend a client, so it counts as unresolved.
     */
    private boolean hierarchyKnown(String type) {
        return index.knows(type) || type.startsWith("java.") || type.startsWith("javax.")
                || DynamoDbApi.isSdkPackage(type);
    }

    private Optional<CallSite> site(MethodCallExpr call, String apiType) {
        ApiFlavor flavor = DynamoDbApi.flavorOf(apiType);
        String method = call.getNameAsString();
        Optional<DynamoDbApi.Op> op = DynamoDbApi.operation(flavor, method);
        if (op.isEmpty() && flavor == ApiFlavor.V1_MAPPER && method.equals(DynamoDbApi.MAPPER_COUNT)) {
            op = mapperCountOperation(call, apiType);
        }
        if (op.isEmpty()) {
            return Optional.empty();
        }
        Request request = requests.extract(call, flavor, op.get().operation())
                .withItemCount(itemCounter.count(call, flavor, op.get().operation()));
        return Optional.of(callSite(call, AstShapes.callRange(call), apiType, method, op.get(), request));
    }

    /** The one place a call site is made, for calls and method references alike. */
    private CallSite callSite(Node at, SourceRange range, String apiType, String method, DynamoDbApi.Op op,
                              Request request) {
        String enclosingType = ExpressionTypes.enclosingType(at).map(types.file()::qualifiedName)
                .orElse(types.file().packageName());
        Member member = members.of(at);
        boolean forwarding = member.kind() == Member.Kind.METHOD && member.methodName().equals(method)
                && index.apiTypeOf(enclosingType).isPresent();
        return new CallSite(new Location(file.relativePath(), range),
                new CallSite.Api(DynamoDbApi.flavorOf(apiType), apiType, method, op.operation(), op.paginated()),
                request, context(at, forwarding), Snippets.normalize(at),
                at instanceof MethodCallExpr call
                        ? responses.of(call, DynamoDbApi.flavorOf(apiType), op.paginated()) : Response.UNKNOWN);
    }

    /**
     * {@code count(Class, DynamoDBScanExpression)} is a Scan; {@code count(Class, DynamoDBQueryExpression)} a Query.
     * The overload is told by the declared type of the arguments, whatever their form: {@code Order.class} or a
     * {@code Class<T>} parameter, an inline {@code new} or a parameter, local or field of an expression type.
     */
    private Optional<DynamoDbApi.Op> mapperCountOperation(MethodCallExpr call, String apiType) {
        if (call.getArguments().size() != 2) {
            return Optional.empty();
        }
        Expression domainClass = call.getArgument(0);
        boolean isClass = domainClass instanceof ClassExpr
                || types.typeOf(domainClass).filter("java.lang.Class"::equals).isPresent();
        if (!isClass) {
            return Optional.empty();
        }
        return types.typeOf(call.getArgument(1))
                .flatMap(t -> DynamoDbApi.operationByRequest(apiType, call.getNameAsString(), t));
    }

    /** {@code find(String,int)}, {@code <init>(DynamoDbClient)}, {@code <clinit>}, or a field's name. */
    static String enclosingMember(Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration<?> c) {
                String params = c.getParameters().stream().map(CallSiteExtractor::erasure)
                        .collect(Collectors.joining(","));
                String name = c instanceof ConstructorDeclaration ? "<init>" : c.getNameAsString();
                return name + "(" + params + ")";
            }
            if (n instanceof InitializerDeclaration i) {
                return i.isStatic() ? "<clinit>" : "<init>";
            }
            if (n instanceof FieldDeclaration f) {
                return f.getVariables().stream().map(VariableDeclarator::getNameAsString)
                        .collect(Collectors.joining(","));
            }
            if (n instanceof TypeDeclaration<?> || n instanceof ObjectCreationExpr oce
                    && oce.getAnonymousClassBody().isPresent()) {
                return "<type>";
            }
        }
        return "<file>";
    }

    private static String erasure(Parameter p) {
        String type = p.getType().asString().replaceAll("<.*>", "");
        return p.isVarArgs() ? type + "..." : type;
    }

    /** The innermost loop around the call within its method; lambdas passed to forEach/stream operations count. */
    static LoopKind loopKind(Node node) {
        Node child = node;
        for (Node n = node.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
            if (n instanceof ForEachStmt fe && child != fe.getIterable()) {
                return LoopKind.FOR_EACH;
            }
            if (n instanceof ForStmt f && child == f.getBody()) {
                return LoopKind.FOR;
            }
            if (n instanceof WhileStmt w && child == w.getBody()) {
                return LoopKind.WHILE;
            }
            if (n instanceof DoStmt d && child == d.getBody()) {
                return LoopKind.DO;
            }
            if (n instanceof LambdaExpr lambda) {
                Optional<Node> parent = lambda.getParentNode();
                if (parent.isPresent() && parent.get() instanceof MethodCallExpr m) {
                    if (m.getNameAsString().equals("forEach")) {
                        return LoopKind.FOR_EACH_METHOD;
                    }
                    if (STREAM_OPERATIONS.contains(m.getNameAsString())) {
                        return LoopKind.STREAM_LAMBDA;
                    }
                }
            }
            if (n instanceof CallableDeclaration<?> || n instanceof InitializerDeclaration
                    || n instanceof TypeDeclaration<?>) {
                return LoopKind.NONE;
            }
        }
        return LoopKind.NONE;
    }
}
