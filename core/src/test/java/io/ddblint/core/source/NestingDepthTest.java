package io.ddblint.core.source;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NestingDepthTest {

    @Test
    void bracketsInCodeCountWhileCommentsLiteralsAndTextBlocksDoNot() {
        assertThat(NestingDepth.of("class A { void m() { f(a[0]); } }").brackets()).isEqualTo(4);
        String q = "\"";
        String text = "class A { // ((((((((\n"
                + "  /* {{{{{{{{ */ String s = " + q + "((((((((\\" + q + "((((" + q + "; char c = '{';\n"
                + "  String t = " + q + q + q + "\n      {{{{{{{{{{{{ \\" + q + q + q + " ((((((\n      " + q + q + q + ";\n"
                + "}\n";
        assertThat(NestingDepth.of(text).brackets()).isEqualTo(1);
    }

    @Test
    void onlyAnonymousClassBodiesCountAsAnonymousNesting() {
        String anonymous = "class A { Object o = new java.util.ArrayList<String>(3) { void m() { "
                + "Runnable r = new Runnable() { public void run() { if (x) { g(new int[] {1}); } } }; } }; }";
        NestingDepth depth = NestingDepth.of(anonymous);
        assertThat(depth.anonymousClasses()).isEqualTo(2);
        // Method bodies, control statements, lambdas, array initializers and local classes are not anonymous.
        assertThat(NestingDepth.of("class A { void m(int x) { if (x > 0) { for (;;) { Runnable r = () -> { "
                + "class L { void n() { int[] a = new int[] {1}; } } }; } } } }").anonymousClasses()).isZero();
        assertThat(NestingDepth.of("class A { Object renewed() { return null; } void m() { renewed() { } } }")
                .anonymousClasses()).isZero();
    }

    @Test
    void unterminatedInputEndsTheScan() {
        assertThat(NestingDepth.of("class A { String s = \"never closed").brackets()).isEqualTo(1);
        assertThat(NestingDepth.of("class A { /* never closed ((((").brackets()).isEqualTo(1);
        assertThat(NestingDepth.of(")))}}}").brackets()).isZero();
    }
}
