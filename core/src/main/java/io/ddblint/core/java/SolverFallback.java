package io.ddblint.core.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JavaParserTypeSolver;

import java.nio.file.Path;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

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

    /**
     * How long a file waits for another file's solver call. A call that never returns (the solver on code it was not
     * made for) must not stall every other file behind the lock: they go on without the solver.
     */
    private static final long LOCK_WAIT_MILLIS = 1_000;

    private final JavaSymbolSolver solver;
    private final Set<String> avoided;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<CompilationUnit, Long> spent = new IdentityHashMap<>();
    private final Map<CompilationUnit, Boolean> mentionsAvoided = new IdentityHashMap<>();

    private SolverFallback(JavaSymbolSolver solver, Set<String> avoided) {
        this.solver = solver;
        this.avoided = avoided;
    }

    /**
     * A fallback over the classpath and the project's package roots, or null without a classpath.
     *
     * @param avoided simple names of project types the solver must not meet: types in an inheritance cycle
     *                ({@code A extends B}, {@code B extends A}: uncompilable code as an IDE sees it while someone
     *                types), on which JavaParser's solver walks supertypes for a minute or forever
     */
    public static SolverFallback create(Classpath classpath, Collection<Path> packageRoots, Set<String> avoided) {
        if (classpath.isEmpty()) {
            return null;
        }
        CombinedTypeSolver types = new CombinedTypeSolver(classpath.typeSolver());
        for (Path root : packageRoots) {
            types.add(new JavaParserTypeSolver(root));
        }
        return new SolverFallback(new JavaSymbolSolver(types), Set.copyOf(avoided));
    }

    /** The erased type of the expression, when the solver can tell within the file's budget. */
    public Optional<String> typeOf(Expression e) {
        Optional<CompilationUnit> unit = e.findCompilationUnit();
        if (unit.isEmpty() || !acquire()) {
            return Optional.empty();
        }
        try {
            if (spent.getOrDefault(unit.get(), 0L) > BUDGET_NANOS_PER_FILE
                    || mentionsAvoided.computeIfAbsent(unit.get(), this::mentionsAvoided)) {
                return Optional.empty();
            }
            if (!unit.get().containsData(Node.SYMBOL_RESOLVER_KEY)) {
                unit.get().setData(Node.SYMBOL_RESOLVER_KEY, solver);
            }
            long start = System.nanoTime();
            try {
                ResolvedType type = e.calculateResolvedType();
                return type.isReferenceType() ? Optional.of(type.asReferenceType().getQualifiedName())
                        : Optional.empty();
            } catch (RuntimeException | StackOverflowError | LinkageError ex) {
                // Unsolvable symbols are the common case here; any failure means "unknown", never a crash.
                return Optional.empty();
            } finally {
                spent.merge(unit.get(), System.nanoTime() - start, Long::sum);
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean acquire() {
        try {
            return lock.tryLock(LOCK_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean mentionsAvoided(CompilationUnit unit) {
        return !avoided.isEmpty() && unit.findFirst(SimpleName.class, n -> avoided.contains(n.getIdentifier()))
                .isPresent();
    }

    /** Forgets a file's budget once its call sites are extracted, so no AST stays reachable from here. */
    public void release(CompilationUnit unit) {
        lock.lock();
        try {
            spent.remove(unit);
            mentionsAvoided.remove(unit);
            unit.removeData(Node.SYMBOL_RESOLVER_KEY);
        } finally {
            lock.unlock();
        }
    }
}
