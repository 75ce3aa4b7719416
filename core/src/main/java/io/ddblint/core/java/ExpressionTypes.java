package io.ddblint.core.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import io.ddblint.core.sdk.DynamoDbApi;

import java.util.Objects;
import java.util.Optional;

/**
 * The fast local resolver: the static type (erasure, fully qualified) of an expression from declared types of
 * locals, parameters and fields, imports, the project index and the SDK knowledge — without the symbol solver.
 * Returns empty whenever it is not sure.
 */
public final class ExpressionTypes {

    private static final int MAX_DEPTH = 24;

    private final FileContext file;
    private final ProjectIndex index;
    private final Scopes scopes;

    public ExpressionTypes(FileContext file, ProjectIndex index) {
        this.file = file;
        this.index = index;
        this.scopes = new Scopes(file, index);
    }

    public FileContext file() {
        return file;
    }

    public Scopes scopes() {
        return scopes;
    }

    public Optional<String> typeOf(Expression e) {
        return typeOf(e, 0);
    }

    private Optional<String> typeOf(Expression e, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (e instanceof EnclosedExpr en) {
            return typeOf(en.getInner(), depth + 1);
        }
        if (e instanceof CastExpr c) {
            return file.resolve(c.getType(), c);
        }
        if (e instanceof NameExpr n) {
            return scopes.find(n.getNameAsString(), n).flatMap(v -> typeOf(v, depth + 1));
        }
        if (e instanceof FieldAccessExpr fa) {
            return fieldAccessType(fa, depth);
        }
        if (e instanceof MethodCallExpr call) {
            return callType(call, depth);
        }
        if (e instanceof ObjectCreationExpr oce) {
            return file.resolve(oce.getType(), oce);
        }
        if (e instanceof ThisExpr t) {
            return thisType(t).map(file::qualifiedName);
        }
        if (e instanceof ConditionalExpr c) {
            Optional<String> a = typeOf(c.getThenExpr(), depth + 1);
            Optional<String> b = typeOf(c.getElseExpr(), depth + 1);
            return a.isPresent() && a.equals(b) ? a : Optional.empty();
        }
        if (e instanceof AssignExpr a) {
            return typeOf(a.getTarget(), depth + 1);
        }
        if (e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr) {
            return Optional.of("java.lang.String");
        }
        if (e instanceof ClassExpr) {
            return Optional.of("java.lang.Class");
        }
        if (e instanceof LiteralStringValueExpr) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The declared type of a variable; {@code var} locals take their initializer's type. */
    public Optional<String> typeOf(Variable v, int depth) {
        if (v.resolvedType() != null) {
            return Optional.of(v.resolvedType());
        }
        if (v.declaredType() == null) {
            return Optional.empty();
        }
        if (v.declaredType().isVarType()) {
            return v.initializer() == null ? Optional.empty() : typeOf(v.initializer(), depth + 1);
        }
        return file.resolve(v.declaredType(), v.initializer() != null ? v.initializer() : v.declaredType());
    }

    private Optional<String> fieldAccessType(FieldAccessExpr fa, int depth) {
        String name = fa.getNameAsString();
        if (fa.getScope() instanceof ThisExpr t) {
            // this.x or Outer.this.x: the field of that class, declared there or inherited.
            return thisType(t).flatMap(td -> scopes.field(td, name)).flatMap(v -> typeOf(v, depth + 1));
        }
        Optional<String> ownerType = isTypeName(fa.getScope())
                ? typeName(fa.getScope())
                : typeOf(fa.getScope(), depth + 1);
        return ownerType.flatMap(owner -> index.field(owner, name)).map(f -> f.type()).filter(Objects::nonNull);
    }

    private Optional<String> callType(MethodCallExpr call, int depth) {
        String name = call.getNameAsString();
        int arity = call.getArguments().size();
        if (call.getScope().isEmpty()) {
            return enclosingType(call).map(file::qualifiedName)
                    .flatMap(owner -> ownMethodType(call, owner, name, arity));
        }
        Expression scope = call.getScope().get();
        if (isTypeName(scope)) {
            Optional<String> owner = typeName(scope);
            if (owner.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> client = DynamoDbApi.clientCreatedBy(owner.get(), name);
            if (client.isPresent()) {
                return client;
            }
            Optional<String> returned = index.returnType(owner.get(), name, arity);
            return returned.isPresent() ? returned : sdkValue(owner.get());
        }
        if (name.equals("build")) {
            Optional<String> built = builtClient(scope);
            if (built.isPresent()) {
                return built;
            }
        }
        Optional<String> scopeType = typeOf(scope, depth + 1);
        if (scopeType.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> api = index.apiTypeOf(scopeType.get());
        if (api.isPresent()) {
            return DynamoDbApi.navigate(api.get(), name);
        }
        Optional<String> fluent = DynamoDbApi.fluentReturn(scopeType.get(), name);
        if (fluent.isPresent()) {
            return fluent;
        }
        Optional<String> returned = index.returnType(scopeType.get(), name, arity);
        return returned.isPresent() ? returned : sdkValue(scopeType.get());
    }

    /**
     * What a method of a non-API SDK type returns: see {@link DynamoDbApi#SDK_VALUE}. Not for project types, even
     * in an SDK package (some libraries put their classes in {@code com.amazonaws.*}).
     */
    private Optional<String> sdkValue(String ownerType) {
        String pkg = ownerType.contains(".") ? ownerType.substring(0, ownerType.lastIndexOf('.')) : "";
        boolean sdkType = DynamoDbApi.isSdkPackage(pkg) && !index.contains(ownerType);
        return sdkType && DynamoDbApi.apiTypeOf(ownerType).isEmpty()
                ? Optional.of(DynamoDbApi.SDK_VALUE) : Optional.empty();
    }

    /** The class {@code this} or {@code Outer.this} refers to. */
    private Optional<TypeDeclaration<?>> thisType(ThisExpr t) {
        if (t.getTypeName().isEmpty()) {
            return enclosingType(t);
        }
        String outer = t.getTypeName().get().getIdentifier();
        for (Node n = t.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> td && td.getNameAsString().equals(outer)) {
                return Optional.of(td);
            }
        }
        return Optional.empty();
    }

    /** {@code DynamoDbClient.builder().region(r).build()}: the chain's root names the client type. */
    private Optional<String> builtClient(Expression scope) {
        Expression e = scope;
        while (e instanceof MethodCallExpr m && m.getScope().isPresent()) {
            Expression inner = m.getScope().get();
            if (isTypeName(inner)) {
                return typeName(inner).flatMap(t -> DynamoDbApi.clientBuilderStartedBy(t, m.getNameAsString()));
            }
            e = inner;
        }
        return Optional.empty();
    }

    /** An unscoped call: a method of the enclosing class (this CU) or of its project supertypes. */
    private Optional<String> ownMethodType(MethodCallExpr call, String owner, String name, int arity) {
        Optional<TypeDeclaration<?>> td = enclosingType(call);
        if (td.isPresent()) {
            for (MethodDeclaration m : td.get().getMethodsByName(name)) {
                if (m.getParameters().size() == arity) {
                    return file.resolve(m.getType(), m);
                }
            }
            for (String superType : scopes.supertypes(td.get())) {
                Optional<String> t = index.returnType(superType, name, arity);
                if (t.isPresent()) {
                    return t;
                }
            }
        }
        return index.returnType(owner, name, arity);
    }

    /** Whether an expression names a type rather than a value ({@code Tables} in {@code Tables.ORDERS}). */
    public boolean isTypeName(Expression e) {
        if (e instanceof NameExpr n) {
            String name = n.getNameAsString();
            return scopes.find(name, n).isEmpty() && file.resolveName(name, n).isPresent();
        }
        if (e instanceof FieldAccessExpr fa) {
            // a.b.C: a package-qualified name, or Outer.Inner; not a field access on a value.
            return isQualifiedName(fa) && typeName(fa).isPresent() && !isValueChain(fa);
        }
        return false;
    }

    private boolean isValueChain(FieldAccessExpr fa) {
        Expression root = fa;
        while (root instanceof FieldAccessExpr f) {
            root = f.getScope();
        }
        return root instanceof NameExpr n && scopes.find(n.getNameAsString(), n).isPresent();
    }

    private static boolean isQualifiedName(Expression e) {
        while (e instanceof FieldAccessExpr f) {
            e = f.getScope();
        }
        return e instanceof NameExpr;
    }

    /** The fully qualified name of a type written as an expression. */
    public Optional<String> typeName(Expression e) {
        return file.resolveName(e.toString(), e);
    }

    public static Optional<TypeDeclaration<?>> enclosingType(Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> td) {
                return Optional.of(td);
            }
        }
        return Optional.empty();
    }
}
