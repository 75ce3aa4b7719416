package io.ddblint.core.facts;

import io.ddblint.core.SourceRange;

import java.util.Comparator;

/**
 * One call into a DynamoDB API, matched on the resolved type of its receiver: where it is, which API call it is,
 * its request, and the code around it. The accessors below the components reach into the parts, so rules read
 * {@code site.operation()} rather than {@code site.api().operation()}.
 *
 * @param code     the call's source text, whitespace-normalized and shortened, for messages and fingerprints
 * @param response what the method does with the call's result
 */
public record CallSite(Location location, Api api, Request request, Context context, String code,
                       Response response) {

    /** A call site whose response was not followed ({@link Response#UNKNOWN}). */
    public CallSite(Location location, Api api, Request request, Context context, String code) {
        this(location, api, request, context, code, Response.UNKNOWN);
    }

    /**
     * Which API call it is.
     *
     * @param receiverType the resolved receiver type (fully qualified, erasure)
     * @param method       the called method's name
     * @param paginated    true when the call pages through all results itself (v2 paginators, enhanced
     *                     {@code PageIterable}, mapper lazy lists, document API collections)
     */
    public record Api(ApiFlavor flavor, String receiverType, String method, Operation operation, boolean paginated) {
    }

    /**
     * The code around the call.
     *
     * @param kind            production or test code
     * @param enclosingType   fully qualified name of the class around the call
     * @param enclosingMember the member around the call, e.g. {@code findAll(String,int)} or {@code <init>}
     * @param member          the same member structured as compiled code names it, for bytecode front ends; the two
     *                        strings above stay as they were because fingerprints and baselines are built from them
     * @param loop            the innermost loop-like construct around the call, inside its member
     * @param forwarding      whether the call forwards the very API method its class implements: a wrapper, adapter
     *                        or decorator of a client ({@code scan(r) { return delegate.scan(r); }}) decides no
     *                        operation itself; whoever calls the wrapper does, and that call is the call site
     * @param placement       the loop around the call (with whether the body leaves it right after the call) and
     *                        the role of the enclosing member (Lambda handler, web handler, constructor...)
     */
    public record Context(SourceKind kind, String enclosingType, String enclosingMember, Member member,
                          LoopKind loop, boolean forwarding, Placement placement) {

        /** Without placement facts: for code that builds contexts by hand. */
        public Context(SourceKind kind, String enclosingType, String enclosingMember, Member member, LoopKind loop,
                       boolean forwarding) {
            this(kind, enclosingType, enclosingMember, member, loop, forwarding, Placement.NONE);
        }
    }

    public static final Comparator<CallSite> ORDER =
            Comparator.comparing(CallSite::path).thenComparing(CallSite::range).thenComparing(CallSite::method);

    /** The same call site with another request: how the link step hands out folded values. */
    public CallSite withRequest(Request linked) {
        return new CallSite(location, api, linked, context, code, response);
    }

    public String path() {
        return location.path();
    }

    public SourceRange range() {
        return location.range();
    }

    public ApiFlavor flavor() {
        return api.flavor();
    }

    public String receiverType() {
        return api.receiverType();
    }

    public String method() {
        return api.method();
    }

    public Operation operation() {
        return api.operation();
    }

    public boolean paginated() {
        return api.paginated();
    }

    public SourceKind kind() {
        return context.kind();
    }

    public String enclosingType() {
        return context.enclosingType();
    }

    public String enclosingMember() {
        return context.enclosingMember();
    }

    public Member member() {
        return context.member();
    }

    public LoopKind loop() {
        return context.loop();
    }

    public boolean forwarding() {
        return context.forwarding();
    }

    public Placement placement() {
        return context.placement();
    }

    public boolean isProduction() {
        return context.kind() == SourceKind.MAIN;
    }

    /**
     * The call as a message quotes it: the whole call when short, else the receiver shortened and the arguments
     * elided ({@code orders.scan(...)}).
     */
    public String quote() {
        if (code.length() <= 72) {
            return code;
        }
        int at = code.lastIndexOf("." + method() + "(");
        if (at < 0) {
            return code.substring(0, 69) + "...";
        }
        String receiver = code.substring(0, at);
        if (receiver.length() > 40) {
            receiver = "..." + receiver.substring(receiver.length() - 37);
        }
        return receiver + "." + method() + "(...)";
    }

    /** {@code com.acme.Repo#find(String)}: the member as findings name it. */
    public String qualifiedMember() {
        return context.enclosingType() + "#" + context.enclosingMember();
    }
}
