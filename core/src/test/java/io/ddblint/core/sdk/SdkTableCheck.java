package io.ddblint.core.sdk;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks rows of the SDK table against the real SDK classes by reflection. Each check returns its problems as
 * readable lines rather than failing, so that one test lists every offender at once and another can feed it
 * deliberately wrong rows to prove it would catch them.
 */
final class SdkTableCheck {

    private static final Pattern CONTINUATION = Pattern.compile("(?i).*(lastevaluatedkey|nexttoken).*");
    private static final Pattern UNPROCESSED = Pattern.compile("(?i).*unprocessed.*");
    private static final Pattern MUTATOR = Pattern.compile("^(set|with|add|clear)[A-Z].*");

    private SdkTableCheck() {
    }

    /**
     * What is wrong with one row: the receiver has no public method of that name, or none that is static (or not)
     * as the row's kind says, takes the request type and yields the response type, or the response lacks an
     * accessor the row names.
     */
    static List<String> rowProblems(ApiMethod row) {
        List<String> problems = new ArrayList<>();
        String where = row.receiver() + "." + row.name();
        Optional<Class<?>> receiver = load(row.receiver());
        if (receiver.isEmpty()) {
            return List.of(where + ": no class " + row.receiver());
        }
        boolean isStatic = row.kind() == ApiMethod.Kind.CLIENT_FACTORY || row.kind() == ApiMethod.Kind.CLIENT_BUILDER
                || row.kind() == ApiMethod.Kind.SCHEMA_FACTORY;
        List<Method> named = Arrays.stream(receiver.get().getMethods())
                .filter(m -> m.getName().equals(row.name()) && Modifier.isStatic(m.getModifiers()) == isStatic)
                .toList();
        if (named.isEmpty()) {
            return List.of(where + ": no public " + (isStatic ? "static " : "") + "method of that name");
        }
        List<Method> matching = named;
        if (row.requestType().isPresent()) {
            Optional<Class<?>> request = load(row.requestType().get());
            if (request.isEmpty()) {
                return List.of(where + ": no class " + row.requestType().get());
            }
            matching = named.stream().filter(m -> Arrays.asList(m.getParameterTypes()).contains(request.get()))
                    .toList();
            if (matching.isEmpty()) {
                return List.of(where + ": no overload takes " + row.requestType().get());
            }
        }
        Predicate<Method> yieldsResponse = row.kind() == ApiMethod.Kind.CLIENT_BUILDER
                ? m -> builds(m.getReturnType(), row.responseType())
                : m -> yielded(m).equals(row.responseType());
        if (matching.stream().noneMatch(yieldsResponse)) {
            problems.add(where + ": no overload" + row.requestType().map(r -> " taking the request").orElse("")
                    + " yields " + row.responseType() + " (found "
                    + new TreeSet<>(matching.stream().map(SdkTableCheck::yielded).toList()) + ")");
        }
        List<String> accessors = new ArrayList<>(row.continuationAccessors());
        accessors.addAll(row.unprocessedAccessors());
        Optional<Class<?>> response = responseClass(row);
        for (String accessor : accessors) {
            boolean exists = response.isPresent()
                    && Arrays.stream(response.get().getMethods()).anyMatch(m -> m.getName().equals(accessor));
            if (!exists) {
                problems.add(where + ": the response " + row.responseType() + " has no method " + accessor);
            }
        }
        return problems;
    }

    /**
     * The continuation and unprocessed accessors of an operation's response that the row does not list: every
     * public non-mutator method of the response whose name speaks of a last evaluated key, a next token or
     * unprocessed items.
     */
    static List<String> unlistedAccessors(ApiMethod row) {
        if (row.kind() != ApiMethod.Kind.OPERATION) {
            return List.of();
        }
        Optional<Class<?>> response = responseClass(row);
        if (response.isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        for (Method m : response.get().getMethods()) {
            String name = m.getName();
            if (MUTATOR.matcher(name).matches()) {
                continue;
            }
            if (CONTINUATION.matcher(name).matches() && !row.continuationAccessors().contains(name)
                    || UNPROCESSED.matcher(name).matches() && !row.unprocessedAccessors().contains(name)) {
                problems.add(row.receiver() + "." + row.name() + ": " + row.responseType() + "." + name
                        + " is not listed");
            }
        }
        return problems.stream().distinct().toList();
    }

    /**
     * The public methods of an API type that no row covers (a row of the type or of a supertype, same name) and
     * that are not excluded: data-plane methods the table forgot, or new ones.
     */
    static Set<String> uncovered(Class<?> apiType, List<ApiMethod> rows, Predicate<String> excluded) {
        Set<String> missing = new TreeSet<>();
        for (Method m : apiType.getMethods()) {
            if (overridesObject(m) || excluded.test(m.getName())) {
                continue;
            }
            boolean covered = rows.stream().anyMatch(r -> r.name().equals(m.getName())
                    && load(r.receiver()).filter(c -> c.isAssignableFrom(apiType)).isPresent());
            if (!covered) {
                missing.add(m.getName());
            }
        }
        return missing;
    }

    private static boolean overridesObject(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * What a method yields, as the table writes it: a future's value for async methods, {@link ApiMethod#ITEM} for
     * a type variable, otherwise the erasure's name.
     */
    static String yielded(Method m) {
        Type type = m.getGenericReturnType();
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && Future.class.isAssignableFrom(raw)) {
            type = p.getActualTypeArguments()[0];
        }
        if (type instanceof TypeVariable<?>) {
            return ApiMethod.ITEM;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            return raw.getName();
        }
        return type instanceof Class<?> c ? c.getName() : type.getTypeName();
    }

    /** Whether a builder's {@code build()} returns the client: declared so, or as a type argument of a supertype. */
    private static boolean builds(Class<?> builder, String client) {
        boolean declared = Arrays.stream(builder.getMethods())
                .anyMatch(m -> m.getName().equals("build") && m.getReturnType().getName().equals(client));
        return declared || typeArguments(builder).contains(client);
    }

    private static Set<String> typeArguments(Class<?> type) {
        Set<String> names = new TreeSet<>();
        List<Type> supertypes = new ArrayList<>(Arrays.asList(type.getGenericInterfaces()));
        if (type.getGenericSuperclass() != null) {
            supertypes.add(type.getGenericSuperclass());
        }
        for (Type s : supertypes) {
            if (s instanceof ParameterizedType p) {
                Arrays.stream(p.getActualTypeArguments()).filter(a -> a instanceof Class<?>)
                        .forEach(a -> names.add(((Class<?>) a).getName()));
                names.addAll(typeArguments((Class<?>) p.getRawType()));
            } else if (s instanceof Class<?> c) {
                names.addAll(typeArguments(c));
            }
        }
        return names;
    }

    private static Optional<Class<?>> responseClass(ApiMethod row) {
        String type = row.responseType();
        if (type.equals(ApiMethod.ITEM) || !type.contains(".")) {
            return Optional.empty(); // the mapped class, void, a primitive
        }
        return load(type);
    }

    static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, SdkTableCheck.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
