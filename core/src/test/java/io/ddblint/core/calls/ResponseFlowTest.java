package io.ddblint.core.calls;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.facts.CallSite;
import io.ddblint.core.facts.Response;
import io.ddblint.core.facts.Response.End;
import io.ddblint.core.facts.Response.Path;
import io.ddblint.core.facts.Response.Use;
import io.ddblint.core.facts.Value;
import io.ddblint.core.rule.RuleRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What the method does with a call's result: one method per shape, each with one DynamoDB call. */
class ResponseFlowTest {

    @TempDir
    static java.nio.file.Path dir;

    private static Map<String, Response> byMember;

    private static final String SOURCE = """
            package a;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBQueryExpression;
            import java.util.*;
            import java.util.function.Supplier;
            import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.dynamodb.model.*;
            class Repo {
                DynamoDbClient ddb; DynamoDbAsyncClient async; DynamoDBMapper mapper; Object last;
                void discarded(BatchWriteItemRequest r) { ddb.batchWriteItem(r); }
                Object returned(BatchWriteItemRequest r) { return ddb.batchWriteItem(r); }
                void passed(BatchWriteItemRequest r) { handle(ddb.batchWriteItem(r)); }
                void stored(BatchWriteItemRequest r) { this.last = ddb.batchWriteItem(r); }
                void storedByName(BatchWriteItemRequest r) { last = ddb.batchWriteItem(r); }
                void local(BatchWriteItemRequest r) {
                    BatchWriteItemResponse resp = ddb.batchWriteItem(r);
                    if (resp.hasUnprocessedItems()) { handle(resp.unprocessedItems().size()); }
                }
                void retryLoop(BatchWriteItemRequest r) {
                    BatchWriteItemResponse resp;
                    do { resp = ddb.batchWriteItem(r); } while (resp.hasUnprocessedItems());
                }
                void reassigned(BatchWriteItemRequest r) {
                    BatchWriteItemResponse resp = ddb.batchWriteItem(r);
                    resp = null;
                    handle(resp);
                }
                void aliased(BatchWriteItemRequest r) {
                    BatchWriteItemResponse resp = ddb.batchWriteItem(r);
                    BatchWriteItemResponse other = resp;
                    other.unprocessedItems();
                }
                void inLambda(BatchWriteItemRequest r, List<String> xs) {
                    BatchWriteItemResponse resp = ddb.batchWriteItem(r);
                    xs.forEach(x -> resp.unprocessedItems());
                }
                Object lambdaResult(BatchWriteItemRequest r) { return retry(() -> ddb.batchWriteItem(r)); }
                String chained(GetItemRequest r) { return ddb.getItem(r).item().get("k").s(); }
                String derived(GetItemRequest r) {
                    Map<String, AttributeValue> item = ddb.getItem(r).item();
                    if (item.isEmpty()) { return null; }
                    return item.get("k").s();
                }
                Object optional(GetItemRequest r) { return Optional.ofNullable(ddb.getItem(r).item()); }
                void joined(BatchWriteItemRequest r) { async.batchWriteItem(r).join(); }
                void notAwaited(BatchWriteItemRequest r) { async.batchWriteItem(r); }
                void callback(BatchWriteItemRequest r) {
                    async.batchWriteItem(r).thenAccept(resp -> handle(resp.unprocessedItems()));
                }
                List<Map<String, AttributeValue>> firstPage(QueryRequest r) { return ddb.query(r).items(); }
                void pages(QueryRequest r) {
                    QueryResponse resp = ddb.query(r);
                    handle(resp.items());
                    handle(resp.lastEvaluatedKey());
                }
                int lazySize(DynamoDBQueryExpression<Repo> q) { return mapper.query(Repo.class, q).size(); }
                List<Repo> lazyCopy(DynamoDBQueryExpression<Repo> q) {
                    List<Repo> all = mapper.query(Repo.class, q);
                    return new ArrayList<>(all);
                }
                void lazyIterated(DynamoDBQueryExpression<Repo> q) {
                    for (Repo x : mapper.query(Repo.class, q, new DynamoDBMapperConfig(
                            DynamoDBMapperConfig.PaginationLoadingStrategy.ITERATION_ONLY))) { handle(x); }
                }
                void ternary(boolean b, QueryRequest r1, QueryRequest r2) {
                    QueryResponse resp = b ? ddb.query(r1) : ddb.query(r2);
                    handle(resp.count());
                }
                int summed(QueryRequest r) {
                    int total = 0;
                    QueryResponse resp = ddb.query(r);
                    total += resp.count();
                    return total;
                }
                static void handle(Object o) { }
                static <T> T retry(Supplier<T> s) { return s.get(); }
            }
            """;

    @BeforeAll
    static void analyze() throws IOException {
        java.nio.file.Path file = dir.resolve("src/main/java/a/Repo.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, SOURCE);
        AnalysisResult result = new Analyzer(RuleRegistry.of(List.of()))
                .analyze(AnalysisRequest.of(dir, List.of(dir), true));
        // ternary() has two calls with the same response; every other member has one
        byMember = result.callSites().stream().collect(Collectors.toMap(
                s -> s.enclosingMember().replaceAll("\\(.*", ""), CallSite::response, (x, y) -> x));
    }

    private static Response of(String member) {
        assertThat(byMember).containsKey(member);
        return byMember.get(member);
    }

    private static Set<List<String>> calls(String member) {
        return of(member).paths().stream().map(Path::calls).collect(Collectors.toSet());
    }

    @Test
    void resultsThatLeaveTheMethodEscape() {
        assertThat(of("discarded").use()).isEqualTo(Use.DISCARDED);
        assertThat(of("returned").use()).isEqualTo(Use.RETURNED);
        assertThat(of("passed").use()).isEqualTo(Use.PASSED);
        assertThat(of("stored").use()).isEqualTo(Use.STORED);
        assertThat(of("storedByName").use()).isEqualTo(Use.STORED);
        assertThat(of("lambdaResult").use()).isEqualTo(Use.RETURNED);
        for (String escaping : List.of("returned", "passed", "stored", "storedByName", "lambdaResult")) {
            assertThat(of(escaping).escapes()).as(escaping).isTrue();
        }
        assertThat(of("discarded").escapes()).isFalse();
    }

    @Test
    void aLocalAssignedOnceIsFollowedThroughEveryRead() {
        assertThat(of("local").use()).isEqualTo(Use.LOCAL);
        assertThat(calls("local")).containsExactlyInAnyOrder(List.of("hasUnprocessedItems"),
                List.of("unprocessedItems", "size"));
        assertThat(of("retryLoop").use()).isEqualTo(Use.LOCAL);
        assertThat(calls("retryLoop")).containsExactly(List.of("hasUnprocessedItems"));
    }

    @Test
    void aLocalReassignedAliasedOrReadInALambdaIsNotFollowed() {
        assertThat(of("reassigned").use()).isEqualTo(Use.UNKNOWN);
        assertThat(of("aliased").use()).isEqualTo(Use.UNKNOWN);
        assertThat(of("inLambda").use()).isEqualTo(Use.UNKNOWN);
    }

    @Test
    void chainsAndDerivedLocalsMakeOnePathPerRead() {
        assertThat(of("chained").use()).isEqualTo(Use.CHAINED);
        assertThat(calls("chained")).containsExactly(List.of("item", "get", "s"));
        assertThat(calls("derived")).containsExactlyInAnyOrder(List.of("item", "isEmpty"),
                List.of("item", "get", "s"));
        assertThat(of("optional").paths()).containsExactly(new Path(List.of("item"), End.NULL_CHECKED));
    }

    @Test
    void futuresAreFollowedWhereTheMethodWaits() {
        assertThat(of("joined").use()).isEqualTo(Use.DISCARDED);
        assertThat(of("notAwaited").use()).isEqualTo(Use.NOT_AWAITED);
        assertThat(of("callback").use()).isEqualTo(Use.LOCAL);
        assertThat(calls("callback")).containsExactly(List.of("unprocessedItems"));
    }

    @Test
    void continuationReadsAreSeenAnywhereInTheMember() {
        assertThat(of("firstPage").pages()).isFalse();
        assertThat(of("firstPage").paths()).containsExactly(new Path(List.of("items"), End.RETURNED));
        assertThat(of("pages").readsContinuation()).isTrue();
        assertThat(calls("ternary")).containsExactly(List.of("count"));
        assertThat(of("summed").paths()).containsExactly(new Path(List.of("count"), End.USED));
    }

    @Test
    void mapperListsAndTheirLoadingStrategy() {
        assertThat(calls("lazySize")).containsExactly(List.of("size"));
        assertThat(of("lazySize").loadingStrategy()).isEqualTo(Value.unknown(Value.Reason.OTHER,
                "the mapper's default config")); // the file names ITERATION_ONLY elsewhere
        assertThat(of("lazyCopy").paths()).containsExactly(new Path(List.of(), End.COPIED));
        assertThat(of("lazyIterated").paths()).containsExactly(new Path(List.of(), End.ITERATED));
        assertThat(of("lazyIterated").loadingStrategy()).isEqualTo(Value.known("ITERATION_ONLY"));
    }

    @Test
    void unknownIsTheDefault() {
        assertThat(Response.UNKNOWN.followed()).isFalse();
        assertThat(Response.UNKNOWN.escapes()).isFalse();
    }
}
