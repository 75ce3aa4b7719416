package io.ddblint.core.calls;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.LoopKind;
import io.ddblint.core.facts.MethodRole;
import io.ddblint.core.rule.RuleRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The placement facts (loop, exit after the call, member role) and the static item counts of call sites. */
class PlacementAndItemCountTest {

    @TempDir
    Path dir;

    private List<CallSite> sites(String source) throws IOException {
        Path file = dir.resolve("src/main/java/a/Repo.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        AnalysisResult r = new Analyzer(RuleRegistry.of(List.of())).analyze(AnalysisRequest.of(dir, List.of(dir),
                true));
        return r.callSites();
    }

    private static CallSite in(List<CallSite> sites, String member) {
        return sites.stream().filter(s -> s.enclosingMember().startsWith(member + "(")).findFirst().orElseThrow(
                () -> new AssertionError("no call site in " + member + ": " + sites));
    }

    @Test
    void loopsTheirExitsAndWhatIsNoLoop() throws IOException {
        List<CallSite> sites = sites("""
                package a;
                import java.util.*;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
                class Repo {
                    DynamoDbClient ddb;
                    void forEach(List<String> ids) { for (String id : ids) { ddb.getItem(b -> b.tableName(id)); } }
                    void breaks(List<String> ids) { for (String id : ids) { ddb.getItem(b -> b.tableName(id)); break; } }
                    void switchBreak(List<String> ids) {
                        for (String id : ids) { switch (id) { case "a": ddb.getItem(b -> b.tableName(id)); break; default: } }
                    }
                    void lambdaReturn(List<String> ids) {
                        for (String id : ids) { run(() -> { ddb.getItem(b -> b.tableName(id)); return; }); }
                    }
                    void retry() { while (true) { ddb.getItem(b -> b.tableName("t")); } }
                    void stream(List<String> ids) { ids.stream().map(id -> ddb.getItem(b -> b.tableName(id))).count(); }
                    Optional<GetItemResponse> optional(Optional<String> id) { return id.map(i -> ddb.getItem(b -> b.tableName(i))); }
                    static void run(Runnable r) { r.run(); }
                }
                """);
        assertThat(in(sites, "forEach").placement().loop().kind()).isEqualTo(LoopKind.FOR_EACH);
        assertThat(in(sites, "forEach").placement().loop().construct()).isEqualTo("for (String id : ids)");
        assertThat(in(sites, "forEach").placement().loop().exitsAfterCall()).isFalse();
        assertThat(in(sites, "breaks").placement().loop().exitsAfterCall()).isTrue();
        assertThat(in(sites, "switchBreak").placement().loop().exitsAfterCall()).isFalse();
        assertThat(in(sites, "lambdaReturn").placement().loop().exitsAfterCall()).isFalse();
        assertThat(in(sites, "lambdaReturn").placement().loop().perElement()).isTrue();
        assertThat(in(sites, "retry").placement().loop().kind()).isEqualTo(LoopKind.WHILE);
        assertThat(in(sites, "retry").placement().loop().perElement()).isFalse();
        assertThat(in(sites, "stream").placement().loop().kind()).isEqualTo(LoopKind.STREAM_LAMBDA);
        assertThat(in(sites, "optional").placement().loop().kind()).isEqualTo(LoopKind.NONE);
    }

    @Test
    void memberRoles() throws IOException {
        List<CallSite> sites = sites("""
                package a;
                import com.amazonaws.services.lambda.runtime.*;
                import org.springframework.web.bind.annotation.*;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                class Repo implements RequestHandler<String, String> {
                    DynamoDbClient ddb;
                    Repo() { ddb.describeTable(b -> b.tableName("ctor")); }
                    public String handleRequest(String in, Context c) { helper(); return in; }
                    private void helper() { ddb.describeTable(b -> b.tableName("helper")); }
                    private void notCalled() { ddb.describeTable(b -> b.tableName("other")); }
                    @GetMapping("/x") String web() { ddb.describeTable(b -> b.tableName("web")); return ""; }
                    public static void main(String[] args) { new Repo().ddb.describeTable(b -> b.tableName("m")); }
                }
                """);
        assertThat(in(sites, "<init>").placement().role()).isEqualTo(MethodRole.CONSTRUCTOR);
        assertThat(in(sites, "helper").placement().role()).isEqualTo(MethodRole.LAMBDA_HANDLER_HELPER);
        assertThat(in(sites, "notCalled").placement().role()).isEqualTo(MethodRole.OTHER);
        assertThat(in(sites, "web").placement().role()).isEqualTo(MethodRole.WEB_HANDLER);
        assertThat(in(sites, "main").placement().role()).isEqualTo(MethodRole.MAIN);
    }

    @Test
    void itemCountsOnlyWhenStaticallyKnown() throws IOException {
        List<CallSite> sites = sites("""
                package a;
                import java.util.*;
                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
                import software.amazon.awssdk.services.dynamodb.model.*;
                class Repo {
                    DynamoDbClient ddb;
                    void listOf(WriteRequest w) { ddb.batchWriteItem(b -> b.requestItems(Map.of("t", List.of(w, w, w)))); }
                    void filled(TransactWriteItem t) {
                        List<TransactWriteItem> all = new ArrayList<>();
                        all.add(t);
                        all.add(t);
                        ddb.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(all).build());
                    }
                    void varargs(TransactWriteItem t) { ddb.transactWriteItems(b -> b.transactItems(t, t, t, t)); }
                    void loop(TransactWriteItem t, int n) {
                        List<TransactWriteItem> all = new ArrayList<>();
                        for (int i = 0; i < n; i++) { all.add(t); }
                        ddb.transactWriteItems(b -> b.transactItems(all));
                    }
                    void removed(TransactWriteItem t) {
                        List<TransactWriteItem> all = new ArrayList<>();
                        all.add(t);
                        all.clear();
                        ddb.transactWriteItems(b -> b.transactItems(all));
                    }
                    void parameter(List<TransactWriteItem> all) { ddb.transactWriteItems(b -> b.transactItems(all)); }
                    void get(String t) { ddb.getItem(b -> b.tableName(t)); }
                }
                """);
        assertThat(in(sites, "listOf").request().knownItemCount()).contains(3);
        assertThat(in(sites, "filled").request().knownItemCount()).contains(2);
        assertThat(in(sites, "varargs").request().knownItemCount()).contains(4);
        assertThat(in(sites, "loop").request().knownItemCount()).isEqualTo(Optional.empty());
        assertThat(in(sites, "removed").request().knownItemCount()).isEqualTo(Optional.empty());
        assertThat(in(sites, "parameter").request().knownItemCount()).isEqualTo(Optional.empty());
        assertThat(in(sites, "get").request().itemCount().isSet()).isFalse();
    }
}
