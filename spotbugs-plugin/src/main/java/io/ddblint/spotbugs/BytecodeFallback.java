package io.ddblint.spotbugs;

import io.ddblint.core.facts.Operation;
import io.ddblint.core.sdk.DynamoDbApi;
import org.apache.bcel.Const;
import org.apache.bcel.Repository;
import org.apache.bcel.classfile.Attribute;
import org.apache.bcel.classfile.BootstrapMethod;
import org.apache.bcel.classfile.BootstrapMethods;
import org.apache.bcel.classfile.ConstantCP;
import org.apache.bcel.classfile.ConstantInvokeDynamic;
import org.apache.bcel.classfile.ConstantMethodHandle;
import org.apache.bcel.classfile.ConstantNameAndType;
import org.apache.bcel.classfile.ConstantPool;
import org.apache.bcel.classfile.JavaClass;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.ConstantPoolGen;
import org.apache.bcel.generic.INVOKEDYNAMIC;
import org.apache.bcel.generic.InstructionHandle;
import org.apache.bcel.generic.InstructionList;
import org.apache.bcel.generic.InvokeInstruction;
import org.apache.bcel.generic.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What bytecode alone decides when a class's source is not found: calls of the Scan operations of the DynamoDB API
 * types (DDB-P001). The owner of an interface or virtual call is the receiver's static type, which javac resolved
 * already, so no type resolution is needed; the SDK knowledge is core's table, as in the source analysis.
 */
// LIMITATION: without source there are no suppression comments or @SuppressWarnings (source retention), no
// configuration of the request (P006 and the model rules need it), and test code is only recognised by its
// directory (Maven's and Gradle's test class output directories).
final class BytecodeFallback {

    /** A Scan call found in bytecode. */
    record ScanCall(Method method, int pc, String owner, String name) {
    }

    private BytecodeFallback() {
    }

    static List<ScanCall> scanCalls(JavaClass cls) {
        ConstantPoolGen pool = new ConstantPoolGen(cls.getConstantPool());
        List<ScanCall> calls = new ArrayList<>();
        boolean implementsApi = apiTypeOf(cls.getClassName()).isPresent();
        for (Method method : cls.getMethods()) {
            if (method.getCode() == null) {
                continue;
            }
            int before = calls.size();
            InstructionList code = new InstructionList(method.getCode().getCode());
            for (InstructionHandle handle : code.getInstructionHandles()) {
                if (handle.getInstruction() instanceof INVOKEDYNAMIC indy) {
                    methodReferenceTarget(cls, indy)
                            .filter(t -> isScan(t.owner(), t.name(), Type.getArgumentTypes(t.signature())))
                            .ifPresent(t -> calls.add(new ScanCall(method, handle.getPosition(), t.owner(), t.name())));
                } else if (handle.getInstruction() instanceof InvokeInstruction invoke
                        && (invoke.getOpcode() == Const.INVOKEINTERFACE || invoke.getOpcode() == Const.INVOKEVIRTUAL)
                        && isScan(invoke.getClassName(pool), invoke.getMethodName(pool),
                                invoke.getArgumentTypes(pool))) {
                    calls.add(new ScanCall(method, handle.getPosition(), invoke.getClassName(pool),
                            invoke.getMethodName(pool)));
                }
            }
            if (implementsApi) {
                // A wrapper's scan(r) { return delegate.scan(r); } decides no Scan, as in the source analysis
                // (CallSite.forwarding): its callers' scans are the ones reported.
                calls.subList(before, calls.size()).removeIf(c -> c.name().equals(method.getName()));
            }
        }
        return calls;
    }

    /** The method a method reference calls. */
    private record Target(String owner, String name, String signature) {
    }

    /**
     * The method a method reference ({@code client::scan}) calls: javac compiles it to an invokedynamic whose
     * bootstrap arguments hold a handle to that method, and no invoke instruction of its own.
     */
    private static Optional<Target> methodReferenceTarget(JavaClass cls, INVOKEDYNAMIC indy) {
        ConstantPool pool = cls.getConstantPool();
        if (!(pool.getConstant(indy.getIndex()) instanceof ConstantInvokeDynamic dynamic)) {
            return Optional.empty();
        }
        for (Attribute attribute : cls.getAttributes()) {
            if (attribute instanceof BootstrapMethods bootstraps
                    && dynamic.getBootstrapMethodAttrIndex() < bootstraps.getBootstrapMethods().length) {
                BootstrapMethod bootstrap = bootstraps.getBootstrapMethods()[dynamic.getBootstrapMethodAttrIndex()];
                for (int argument : bootstrap.getBootstrapArguments()) {
                    if (pool.getConstant(argument) instanceof ConstantMethodHandle handle
                            && (handle.getReferenceKind() == Const.REF_invokeInterface
                            || handle.getReferenceKind() == Const.REF_invokeVirtual)
                            && pool.getConstant(handle.getReferenceIndex()) instanceof ConstantCP ref
                            && pool.getConstant(ref.getNameAndTypeIndex()) instanceof ConstantNameAndType nat) {
                        return Optional.of(new Target(ref.getClass(pool), nat.getName(pool), nat.getSignature(pool)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether calling {@code name} on {@code owner} performs a Scan: by the method's row in core's SDK table, or, for
     * a method whose operation depends on its request (mapper {@code count}), by the declared request type.
     */
    static boolean isScan(String owner, String name, Type[] arguments) {
        Optional<String> apiType = apiTypeOf(owner);
        if (apiType.isEmpty()) {
            return false;
        }
        Optional<DynamoDbApi.Op> op = DynamoDbApi.operation(DynamoDbApi.flavorOf(apiType.get()), name);
        if (op.isEmpty()) {
            for (Type argument : arguments) {
                op = op.or(() -> DynamoDbApi.operationByRequest(apiType.get(), name, argument.toString()));
            }
        }
        return op.map(o -> o.operation() == Operation.SCAN).orElse(false);
    }

    /**
     * The DynamoDB API type a class is or implements: a project's own client wrapper is called through its own type,
     * so javac names the wrapper, not the API type, as the owner of the call. Classes SpotBugs cannot load count as
     * no API type (precision over recall, as in the source analysis).
     */
    static Optional<String> apiTypeOf(String className) {
        Optional<String> direct = DynamoDbApi.apiTypeOf(className);
        if (direct.isPresent() || DynamoDbApi.isSdkPackage(packageOf(className))) {
            return direct;
        }
        try {
            JavaClass cls = Repository.lookupClass(className);
            for (JavaClass type : concat(cls.getAllInterfaces(), cls.getSuperClasses())) {
                Optional<String> api = DynamoDbApi.apiTypeOf(type.getClassName());
                if (api.isPresent()) {
                    return api;
                }
            }
        } catch (ClassNotFoundException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static List<JavaClass> concat(JavaClass[] a, JavaClass[] b) {
        List<JavaClass> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all;
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
