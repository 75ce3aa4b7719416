package io.ddblint.core.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.UnknownType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the variable a simple name refers to, walking outward from the use like javac's scoping: locals declared
 * earlier in enclosing blocks, loop and resource variables, lambda and method parameters, fields of the enclosing
 * classes, inherited fields from the project index, static imports. The first declaration found shadows the rest.
 */
public final class Scopes {

    private final FileContext file;
    private final ProjectIndex index;

    Scopes(FileContext file, ProjectIndex index) {
        this.file = file;
        this.index = index;
    }

    public Optional<Variable> find(String name, Node use) {
        Node child = use;
        for (Node n = use.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
            Optional<Variable> found = declaredIn(n, child, name);
            if (found.isPresent()) {
                return found;
            }
        }
        return file.staticImportOwner(name).flatMap(owner -> indexField(owner, name));
    }

    private Optional<Variable> declaredIn(Node n, Node child, String name) {
        if (n instanceof BlockStmt block) {
            return inStatements(block.getStatements(), child, name, block);
        }
        if (n instanceof SwitchEntry entry) {
            return inStatements(entry.getStatements(), child, name, entry);
        }
        if (n instanceof ForStmt f) {
            for (Expression init : f.getInitialization()) {
                if (init instanceof VariableDeclarationExpr vde) {
                    Optional<Variable> v = local(vde, name, f);
                    if (v.isPresent()) {
                        return v;
                    }
                }
            }
        } else if (n instanceof ForEachStmt fe && child != fe.getIterable()) {
            return local(fe.getVariable(), name, fe);
        } else if (n instanceof TryStmt t) {
            for (Expression r : t.getResources()) {
                if (r instanceof VariableDeclarationExpr vde) {
                    Optional<Variable> v = local(vde, name, t);
                    if (v.isPresent()) {
                        return v;
                    }
                }
            }
        } else if (n instanceof CatchClause c && c.getParameter().getNameAsString().equals(name)) {
            return Optional.of(parameter(c.getParameter(), c, Variable.Kind.PARAMETER));
        } else if (n instanceof LambdaExpr l) {
            for (Parameter p : l.getParameters()) {
                if (p.getNameAsString().equals(name)) {
                    return Optional.of(parameter(p, l, Variable.Kind.LAMBDA_PARAMETER));
                }
            }
        } else if (n instanceof CallableDeclaration<?> c) {
            for (Parameter p : c.getParameters()) {
                if (p.getNameAsString().equals(name)) {
                    return Optional.of(parameter(p, c, Variable.Kind.PARAMETER));
                }
            }
        } else if (n instanceof TypeDeclaration<?> td) {
            return inType(td, name);
        } else if (n instanceof ObjectCreationExpr oce && oce.getAnonymousClassBody().isPresent()) {
            return inMembers(oce.getAnonymousClassBody().get(), name, oce, null);
        }
        return Optional.empty();
    }

    private Optional<Variable> inStatements(NodeList<Statement> statements, Node child, String name, Node scope) {
        Variable found = null;
        for (Statement s : statements) {
            if (s == child) {
                break;
            }
            if (s instanceof ExpressionStmt es && es.getExpression() instanceof VariableDeclarationExpr vde) {
                Optional<Variable> v = local(vde, name, scope);
                if (v.isPresent()) {
                    found = v.get();
                }
            }
        }
        return Optional.ofNullable(found);
    }

    private static Optional<Variable> local(VariableDeclarationExpr vde, String name, Node scope) {
        for (VariableDeclarator d : vde.getVariables()) {
            if (d.getNameAsString().equals(name)) {
                return Optional.of(new Variable(Variable.Kind.LOCAL, name, d.getType(), null,
                        d.getInitializer().orElse(null), scope, null, vde.isFinal()));
            }
        }
        return Optional.empty();
    }

    private static Variable parameter(Parameter p, Node scope, Variable.Kind kind) {
        return new Variable(kind, p.getNameAsString(), p.getType() instanceof UnknownType ? null : p.getType(),
                null, null, scope, null, p.isFinal());
    }

    /** The field {@code name} of a class ({@code this.name}), declared in it or inherited. */
    public Optional<Variable> field(TypeDeclaration<?> td, String name) {
        return inType(td, name);
    }

    private Optional<Variable> inType(TypeDeclaration<?> td, String name) {
        String owner = file.qualifiedName(td);
        if (td instanceof RecordDeclaration rd) {
            for (Parameter p : rd.getParameters()) {
                if (p.getNameAsString().equals(name)) {
                    return Optional.of(new Variable(Variable.Kind.FIELD, name, p.getType(), null, null, td, owner,
                            true));
                }
            }
        }
        Optional<Variable> own = inMembers(td.getMembers(), name, td, owner);
        if (own.isPresent()) {
            return own;
        }
        for (String superType : supertypes(td)) {
            Optional<Variable> inherited = indexField(superType, name);
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        return Optional.empty();
    }

    private static Optional<Variable> inMembers(List<BodyDeclaration<?>> members, String name, Node scope,
                                                String owner) {
        for (BodyDeclaration<?> member : members) {
            if (member instanceof FieldDeclaration fd) {
                for (VariableDeclarator d : fd.getVariables()) {
                    if (d.getNameAsString().equals(name)) {
                        return Optional.of(new Variable(Variable.Kind.FIELD, name, d.getType(), null,
                                d.getInitializer().orElse(null), scope, owner, fd.isFinal()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Variable> indexField(String owner, String name) {
        return index.field(owner, name).map(f -> new Variable(Variable.Kind.FIELD, name, null, f.type(), null, null,
                owner, f.constant() != null));
    }

    /** The resolved superclass and interfaces of a declared type. */
    public List<String> supertypes(TypeDeclaration<?> td) {
        List<String> out = new ArrayList<>();
        List<ClassOrInterfaceType> written = new ArrayList<>();
        if (td instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration cid) {
            written.addAll(cid.getExtendedTypes());
            written.addAll(cid.getImplementedTypes());
        } else if (td instanceof com.github.javaparser.ast.body.EnumDeclaration ed) {
            written.addAll(ed.getImplementedTypes());
        } else if (td instanceof RecordDeclaration rd) {
            written.addAll(rd.getImplementedTypes());
        }
        for (ClassOrInterfaceType t : written) {
            // Resolve from the declaration's parent: a class's own member types are not in scope in its header.
            file.resolve(t, td.getParentNode().orElse(td)).ifPresent(out::add);
        }
        return out;
    }
}
