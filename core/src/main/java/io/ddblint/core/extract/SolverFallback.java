package io.ddblint.core.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JavaParserTypeSolver;

import java.nio.file.Path;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * JavaParser's full symbol solver, asked only about receivers the fast local resolver could not type (generic
 * returns such as {@code List<ItemResponse>.get(i)} or {@code Provider<DynamoDbClient>.getClient()}). It is slow and
 * not thread-safe, so calls are serialized and each file gets a time budget; past it the file's remaining receivers
 * stay unresolved (and counted) rather than stalling the run. Used only with a classpath: without the SDK's jars it
 * cannot type SDK generics anyway.
 */
public final class SolverFallback {

    /** Solver time one file may use; resolution is roughly quadratic in block length on some generated code. */
    private static final long BUDGET_NANOS_PER_FILE = 2_000_000_000L;

    private final JavaSymbolSolver solver;
    private final Map<CompilationUnit, Long> spent = new IdentityHashMap<>();

    private SolverFallback(JavaSymbolSolver solver) {
        this.solver = solver;
    }

    /** A fallback over the classpath and the project's package roots, or null without a classpath. */
    public static SolverFallback create(Classpath classpath, Collection<Path> packageRoots) {
        if (classpath.isEmpty()) {
            return null;
        }
        CombinedTypeSolver types = new CombinedTypeSolver(classpath.typeSolver());
        for (Path root : packageRoots) {
            types.add(new JavaParserTypeSolver(root));
        }
        return new SolverFallback(new JavaSymbolSolver(types));
    }

    /** The erased type of the expression, when the solver can tell within the file's budget. */
    public synchronized Optional<String> typeOf(Expression e) {
        Optional<CompilationUnit> unit = e.findCompilationUnit();
        if (unit.isEmpty() || spent.getOrDefault(unit.get(), 0L) > BUDGET_NANOS_PER_FILE) {
            return Optional.empty();
        }
        if (!unit.get().containsData(Node.SYMBOL_RESOLVER_KEY)) {
            unit.get().setData(Node.SYMBOL_RESOLVER_KEY, solver);
        }
        long start = System.nanoTime();
        try {
            ResolvedType type = e.calculateResolvedType();
            return type.isReferenceType() ? Optional.of(type.asReferenceType().getQualifiedName()) : Optional.empty();
        } catch (RuntimeException | StackOverflowError | LinkageError ex) {
            // Unsolvable symbols are the common case here; any failure means "unknown", never a crash.
            return Optional.empty();
        } finally {
            spent.merge(unit.get(), System.nanoTime() - start, Long::sum);
        }
    }

    /** Forgets a file's budget once its call sites are extracted, so no AST stays reachable from here. */
    public synchronized void release(CompilationUnit unit) {
        spent.remove(unit);
        unit.removeData(Node.SYMBOL_RESOLVER_KEY);
    }
}
