package io.ddblint.core.scan;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import io.ddblint.core.facts.SymbolicString;
import io.ddblint.core.fold.StringFolder;
import io.ddblint.core.java.Annotations;
import io.ddblint.core.java.ExpressionTypes;
import io.ddblint.core.java.FileContext;
import io.ddblint.core.java.ProjectIndex;
import io.ddblint.core.java.TypeInfo;
import io.ddblint.core.sdk.DynamoDbApi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the declaration facts ({@link TypeInfo}) of every named type of a compilation unit. */
public final class DeclarationExtractor {

    /** {@code @DynamoDBTable}, imported or written fully qualified. */
    private static final String TABLE_ANNOTATION =
            DynamoDbApi.MAPPER_TABLE_ANNOTATION.substring(DynamoDbApi.MAPPER.length());

    private DeclarationExtractor() {
    }

    public static List<TypeInfo> extract(FileContext file, ProjectIndex index) {
        ExpressionTypes types = new ExpressionTypes(file, index);
        StringFolder folder = new StringFolder(types);
        List<TypeInfo> out = new ArrayList<>();
        for (TypeDeclaration<?> td : file.namedTypes()) {
            out.add(describe(td, file, types, folder));
        }
        return out;
    }

    private static TypeInfo describe(TypeDeclaration<?> td, FileContext file, ExpressionTypes types,
                                     StringFolder folder) {
        boolean isInterface = td instanceof ClassOrInterfaceDeclaration cid && cid.isInterface();
        Map<String, TypeInfo.FieldInfo> fields = new HashMap<>();
        for (FieldDeclaration fd : td.getFields()) {
            boolean isStatic = fd.isStatic() || isInterface;
            boolean isFinal = fd.isFinal() || isInterface;
            for (VariableDeclarator d : fd.getVariables()) {
                String type = file.resolve(d.getType(), fd).orElse(null);
                SymbolicString constant = isFinal ? d.getInitializer().map(folder::fold).orElse(null) : null;
                fields.put(d.getNameAsString(), new TypeInfo.FieldInfo(d.getNameAsString(), type, isStatic,
                        constant, !fd.isPrivate()));
            }
        }
        Map<String, List<TypeInfo.MethodInfo>> methods = new HashMap<>();
        for (MethodDeclaration m : td.getMethods()) {
            String returnType = file.resolve(m.getType(), m).orElse(null);
            methods.computeIfAbsent(m.getNameAsString(), k -> new ArrayList<>())
                    .add(new TypeInfo.MethodInfo(m.getNameAsString(), m.getParameters().size(), returnType,
                            m.isStatic(), !m.isPrivate()));
        }
        List<String> supertypes = new ArrayList<>(types.scopes().supertypes(td));
        if (td instanceof EnumDeclaration) {
            supertypes.add("java.lang.Enum"); // the model maps an enum-typed key to S, from any file
        }
        return new TypeInfo(file.qualifiedName(td), supertypes, fields, methods,
                mapperTableName(td, folder).orElse(null));
    }

    /** {@code @DynamoDBTable(tableName = "orders")} on a v1 mapper entity. */
    private static Optional<SymbolicString> mapperTableName(TypeDeclaration<?> td, StringFolder folder) {
        for (AnnotationExpr a : td.getAnnotations()) {
            String name = a.getNameAsString();
            if (!name.equals(TABLE_ANNOTATION) && !name.endsWith("." + TABLE_ANNOTATION)) {
                continue;
            }
            return Annotations.member(a, "tableName").map(folder::fold);
        }
        return Optional.empty();
    }
}
