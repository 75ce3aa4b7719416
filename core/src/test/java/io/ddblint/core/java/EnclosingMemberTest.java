package io.ddblint.core.java;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.Finding;
import io.ddblint.core.Severity;
import io.ddblint.core.SourceRange;
import io.ddblint.core.engine.RuleEngine;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.Member.Kind;
import io.ddblint.core.facts.Member;
import io.ddblint.core.model.Model;
import io.ddblint.core.rule.Category;
import io.ddblint.core.rule.Rule;
import io.ddblint.core.rule.RuleContext;
import io.ddblint.core.rule.RuleInfo;
import io.ddblint.core.rule.RuleRegistry;
import io.ddblint.core.testing.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The structured enclosing member of call sites. The class names are those javac gave this very source (checked by
 * compiling it: {@code Outer$1$1.class}, {@code Outer$2Local.class}, {@code Outer$Kind$1.class}, ...).
 */
class EnclosingMemberTest {

    private static final String SOURCE = """
        package a;

        import java.util.List;
        import java.util.Map;
        import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

        class Outer {
            static DynamoDbClient ddb;
            Object field = ddb.scan(b -> m("field"));
            static Object staticField = ddb.scan(b -> m("staticField"));
            static { ddb.scan(b -> m("clinit")); }
            { ddb.scan(b -> m("init")); }

            Outer(List<String> names, int... counts) { ddb.scan(b -> m("ctor")); }

            <T extends Comparable<T>> void generic(T t, Map<String, T>[] maps, Inner inner) { ddb.scan(b -> m("generic")); }

            void lambda() {
                Runnable r = () -> ddb.scan(b -> m("lambda"));
                Runnable first = new Runnable() {
                    public void run() {
                        ddb.scan(b -> m("anon1"));
                        Runnable nested = new Runnable() {
                            public void run() { ddb.scan(b -> m("anon1.1")); }
                        };
                    }
                };
                class Local {
                    void go() { ddb.scan(b -> m("local")); }
                }
                Runnable second = new Runnable() {
                    public void run() { ddb.scan(b -> m("anon2")); }
                };
            }

            void other() {
                class Local {
                    void go() { ddb.scan(b -> m("local2")); }
                }
            }

            class Inner {
                void go() { ddb.scan(b -> m("inner")); }
                Runnable r = new Runnable() { public void run() { ddb.scan(b -> m("inner.anon")); } };
            }

            static class Nested {
                Nested(String s) { ddb.scan(b -> m("nested")); }
            }

            enum Kind {
                A(ddb.scan(b -> m("enumArg"))),
                B(null) {
                    void go() { ddb.scan(b -> m("enumBody")); }
                };
                Kind(Object o) { }
            }

            record Rec(String id, long n) {
                Rec {
                    ddb.scan(b -> m("compact"));
                }
                void go() { ddb.scan(b -> m("record")); }
            }

            interface Api {
                Object CONSTANT = ddb.scan(b -> m("interfaceField"));
            }

            void later() {
                Runnable r = () -> new Runnable() { public void run() { ddb.scan(b -> m("anonInLambda")); } }.run();
                new Runnable() { public void run() { ddb.scan(b -> m("anon3")); } }.run();
            }

            static String m(String s) { return s; }
        }
        """;

    private static final Pattern LABEL = Pattern.compile("m\\(\"([^\"]+)\"\\)");

    @TempDir
    Path dir;

    private Map<String, CallSite> sitesByLabel() throws IOException {
        Path file = dir.resolve("src/main/java/a/Outer.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, SOURCE);
        AnalysisResult r = new Analyzer(RuleRegistry.of(List.of())).analyze(AnalysisRequest.of(dir, List.of(dir), true));
        return r.callSites().stream().collect(Collectors.toMap(EnclosingMemberTest::label, Function.identity()));
    }

    private static String label(CallSite site) {
        Matcher m = LABEL.matcher(site.code());
        assertThat(m.find()).as(site.code()).isTrue();
        return m.group(1);
    }

    private static Member member(String type, Kind kind, String name, String... parameters) {
        return new Member(type, kind, name, List.of(parameters));
    }

    @Test
    void namesClassesAsJavacDoesAndMembersWithTheirResolvedParameterTypes() throws IOException {
        Map<String, CallSite> sites = sitesByLabel();
        assertThat(sites).hasSize(22);
        Map<String, Member> expected = Map.ofEntries(
                Map.entry("field", member("a.Outer", Kind.INSTANCE_FIELD, "field")),
                Map.entry("staticField", member("a.Outer", Kind.STATIC_FIELD, "staticField")),
                Map.entry("clinit", member("a.Outer", Kind.STATIC_INITIALIZER, "<clinit>")),
                Map.entry("init", member("a.Outer", Kind.INSTANCE_INITIALIZER, "<init>")),
                Map.entry("ctor", member("a.Outer", Kind.CONSTRUCTOR, "<init>", "java.util.List", "int[]")),
                Map.entry("generic", member("a.Outer", Kind.METHOD, "generic",
                        "java.lang.Comparable", "java.util.Map[]", "a.Outer.Inner")),
                Map.entry("lambda", member("a.Outer", Kind.METHOD, "lambda")),
                Map.entry("anon1", member("a.Outer$1", Kind.METHOD, "run")),
                Map.entry("anon1.1", member("a.Outer$1$1", Kind.METHOD, "run")),
                Map.entry("local", member("a.Outer$1Local", Kind.METHOD, "go")),
                Map.entry("anon2", member("a.Outer$2", Kind.METHOD, "run")),
                Map.entry("anonInLambda", member("a.Outer$3", Kind.METHOD, "run")),
                Map.entry("anon3", member("a.Outer$4", Kind.METHOD, "run")),
                Map.entry("local2", member("a.Outer$2Local", Kind.METHOD, "go")),
                Map.entry("inner", member("a.Outer$Inner", Kind.METHOD, "go")),
                Map.entry("inner.anon", member("a.Outer$Inner$1", Kind.METHOD, "run")),
                Map.entry("nested", member("a.Outer$Nested", Kind.CONSTRUCTOR, "<init>", "java.lang.String")),
                Map.entry("enumArg", member("a.Outer$Kind", Kind.STATIC_FIELD, "A")),
                Map.entry("enumBody", member("a.Outer$Kind$1", Kind.METHOD, "go")),
                Map.entry("compact", member("a.Outer$Rec", Kind.CONSTRUCTOR, "<init>", "java.lang.String", "long")),
                Map.entry("record", member("a.Outer$Rec", Kind.METHOD, "go")),
                Map.entry("interfaceField", member("a.Outer$Api", Kind.STATIC_FIELD, "CONSTANT")));
        expected.forEach((label, member) ->
                assertThat(sites.get(label).member()).as(label).isEqualTo(member));
    }

    @Test
    void fieldInitializersRunInTheConstructorOrTheClassInitializer() throws IOException {
        Map<String, CallSite> sites = sitesByLabel();
        assertThat(sites.get("field").member().bytecodeMethodName()).isEqualTo("<init>");
        assertThat(sites.get("staticField").member().bytecodeMethodName()).isEqualTo("<clinit>");
        assertThat(sites.get("enumArg").member().bytecodeMethodName()).isEqualTo("<clinit>");
        assertThat(sites.get("ctor").member().bytecodeMethodName()).isEqualTo("<init>");
        assertThat(sites.get("generic").member().bytecodeMethodName()).isEqualTo("generic");
    }

    @Test
    void findingsCarryTheStructuredMemberBesideTheString() throws IOException {
        AnalysisResult r = TestRules.analyze(dir, Map.of("src/main/java/a/Outer.java", SOURCE));
        Finding anonymous = r.findings().stream().filter(f -> f.message().contains("anon1.1")).findFirst()
                .orElseThrow();
        assertThat(anonymous.member()).isEqualTo("a.Outer#run()");
        assertThat(anonymous.enclosing()).isEqualTo(member("a.Outer$1$1", Kind.METHOD, "run"));
    }

    /** Reports one finding that is not at a call site, in an entity's field. */
    @RuleInfo(id = "DDB-A002", name = "FieldReport", summary = "Reports a field", severity = Severity.INFO,
            category = Category.MAINTENANCE)
    public static final class FieldReport implements Rule {
        @Override
        public void visitModel(RuleContext context) {
            context.report("src/main/java/a/Order.java", SourceRange.at(3, 5), "a.Order#id",
                    member("a.Order", Kind.INSTANCE_FIELD, "id"), "String id;", "a field", null);
        }
    }

    @Test
    void rulesCanReportAStructuredMemberAwayFromCallSites() {
        List<Finding> findings = RuleEngine.run(RuleRegistry.of(List.of(new FieldReport())).rules(),
                new Model(new ProjectIndex(), List.of())).findings();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.member()).isEqualTo("a.Order#id");
            assertThat(f.enclosing()).isEqualTo(member("a.Order", Kind.INSTANCE_FIELD, "id"));
        });
    }

    @Test
    void theStringFormsStayAsFingerprintsKnowThem() throws IOException {
        Map<String, CallSite> sites = sitesByLabel();
        assertThat(sites.get("ctor").qualifiedMember()).isEqualTo("a.Outer#<init>(List,int...)");
        assertThat(sites.get("generic").qualifiedMember()).isEqualTo("a.Outer#generic(T,Map[],Inner)");
        assertThat(sites.get("anon1.1").qualifiedMember()).isEqualTo("a.Outer#run()");
        assertThat(sites.get("local").qualifiedMember()).isEqualTo("a.Outer.Local#go()");
        assertThat(sites.get("compact").qualifiedMember()).isEqualTo("a.Outer.Rec#<type>");
        assertThat(sites.get("enumArg").qualifiedMember()).isEqualTo("a.Outer.Kind#<type>");
        assertThat(sites.get("field").qualifiedMember()).isEqualTo("a.Outer#field");
    }
}
