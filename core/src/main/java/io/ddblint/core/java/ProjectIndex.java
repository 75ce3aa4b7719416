package io.ddblint.core.java;

import io.ddblint.core.facts.Request;
import io.ddblint.core.facts.Value;
import io.ddblint.core.sdk.DynamoDbApi;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The project's types, merged from every parsed file's declaration facts. Built on one thread between passes and
 * read-only while call sites are extracted in parallel.
 */
public final class ProjectIndex {

    private final Map<String, TypeInfo> types = new HashMap<>();
    private final Classpath classpath;

    public ProjectIndex() {
        this(Classpath.EMPTY);
    }

    /** @param classpath where types that are not the project's are looked up (library wrappers, DAX clients) */
    public ProjectIndex(Classpath classpath) {
        this.classpath = classpath;
    }

    public void addAll(Collection<TypeInfo> infos) {
        for (TypeInfo info : infos) {
            types.putIfAbsent(info.name(), info);
        }
    }

    public boolean contains(String fqn) {
        return types.containsKey(fqn);
    }

    public Optional<TypeInfo> type(String fqn) {
        return Optional.ofNullable(types.get(fqn));
    }

    /** Whether we know the type's hierarchy: a project type or one on the classpath. */
    public boolean knows(String fqn) {
        return types.containsKey(fqn) || classpath.exists(fqn);
    }

    private TypeInfo lookup(String fqn) {
        TypeInfo info = types.get(fqn);
        return info != null ? info : classpath.describe(fqn).orElse(null);
    }

    public Collection<TypeInfo> types() {
        return types.values();
    }

    /** The type itself, then its project supertypes breadth-first, each once. */
    public List<TypeInfo> hierarchy(String fqn) {
        List<TypeInfo> out = new java.util.ArrayList<>();
        Deque<String> queue = new ArrayDeque<>(List.of(fqn));
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            String next = queue.poll();
            if (!seen.add(next)) {
                continue;
            }
            TypeInfo info = lookup(next);
            if (info != null) {
                out.add(info);
                queue.addAll(info.supertypes());
            }
        }
        return out;
    }

    /**
     * Simple names of the project types whose supertypes lead back to themselves. Such code does not compile, but
     * an IDE sees it while someone types: every walk here keeps a seen-set, and the solver is kept away from them.
     */
    public Set<String> typesInInheritanceCycles() {
        Set<String> cyclic = new java.util.TreeSet<>();
        for (TypeInfo info : types.values()) {
            Deque<String> queue = new ArrayDeque<>(info.supertypes());
            Set<String> seen = new HashSet<>();
            while (!queue.isEmpty()) {
                String next = queue.poll();
                if (next.equals(info.name())) {
                    cyclic.add(info.name().substring(info.name().lastIndexOf('.') + 1));
                    break;
                }
                TypeInfo superInfo = types.get(next);
                if (seen.add(next) && superInfo != null) {
                    queue.addAll(superInfo.supertypes());
                }
            }
        }
        return cyclic;
    }

    /** All supertypes by name, project or not, including the type itself. */
    public Set<String> allSupertypeNames(String fqn) {
        Set<String> names = new HashSet<>();
        names.add(fqn);
        for (TypeInfo info : hierarchy(fqn)) {
            names.addAll(info.supertypes());
        }
        return names;
    }

    /** The DynamoDB API type a project or SDK type is or extends. */
    public Optional<String> apiTypeOf(String fqn) {
        for (String name : allSupertypeNames(fqn)) {
            Optional<String> api = DynamoDbApi.apiTypeOf(name);
            if (api.isPresent()) {
                return api;
            }
        }
        return Optional.empty();
    }

    public Optional<TypeInfo.FieldInfo> field(String owner, String name) {
        for (TypeInfo info : hierarchy(owner)) {
            TypeInfo.FieldInfo f = info.fields().get(name);
            if (f != null) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * A mapper or enhanced request that names no table works on its mapped class's table ({@code @DynamoDBTable}):
     * the request with that table filled in. The one place this fallback is made, for the scan (which reads the
     * table name's constants) and the link step alike.
     */
    public Request withEntityTable(Request request) {
        if (request.tableName().isSet()) {
            return request;
        }
        return request.entityType().known().flatMap(this::type).map(TypeInfo::mapperTableName)
                .map(table -> request.withTableName(Value.of(table))).orElse(request);
    }

    /** The return type of the method named {@code name} with {@code arity} parameters, if the overloads agree. */
    public Optional<String> returnType(String owner, String name, int arity) {
        for (TypeInfo info : hierarchy(owner)) {
            List<TypeInfo.MethodInfo> overloads = info.methods().getOrDefault(name, List.of());
            Set<String> returns = new HashSet<>();
            for (TypeInfo.MethodInfo m : overloads) {
                if (m.arity() == arity) {
                    returns.add(m.returnType());
                }
            }
            if (!returns.isEmpty()) {
                return returns.size() == 1 ? Optional.ofNullable(returns.iterator().next()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Simple names of project types through which other files can reach a DynamoDB API object: types that extend
     * one, or have visible fields or methods of an API type or of another such type. Files that mention them are
     * parsed too, although they never import a DynamoDB package.
     */
    public Set<String> exposingTypeSimpleNames() {
        Set<String> exposing = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (TypeInfo info : types.values()) {
                if (!exposing.contains(info.name()) && exposes(info, exposing)) {
                    exposing.add(info.name());
                    changed = true;
                }
            }
        }
        Set<String> simple = new HashSet<>();
        for (String fqn : exposing) {
            simple.add(fqn.substring(fqn.lastIndexOf('.') + 1));
        }
        return simple;
    }

    private boolean exposes(TypeInfo info, Set<String> exposing) {
        if (apiTypeOf(info.name()).isPresent()) {
            return true;
        }
        for (TypeInfo.FieldInfo f : info.fields().values()) {
            if (f.visible() && f.type() != null && reaches(f.type(), exposing)) {
                return true;
            }
        }
        for (List<TypeInfo.MethodInfo> overloads : info.methods().values()) {
            for (TypeInfo.MethodInfo m : overloads) {
                if (m.visible() && m.returnType() != null && reaches(m.returnType(), exposing)) {
                    return true;
                }
            }
        }
        return info.supertypes().stream().anyMatch(exposing::contains);
    }

    private boolean reaches(String type, Set<String> exposing) {
        return DynamoDbApi.apiTypeOf(type).isPresent() || exposing.contains(type);
    }
}
