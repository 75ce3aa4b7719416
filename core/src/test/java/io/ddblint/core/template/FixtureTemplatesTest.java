package io.ddblint.core.template;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.AnalysisResult;
import io.ddblint.core.Analyzer;
import io.ddblint.core.SourceRoot;
import io.ddblint.core.model.IndexDefinition;
import io.ddblint.core.model.KeyAttribute;
import io.ddblint.core.model.KeySchema;
import io.ddblint.core.model.TableDefinition;
import io.ddblint.core.testing.Expectation;
import io.ddblint.core.testing.Expectations;
import io.ddblint.core.testing.Fixtures;
import io.ddblint.core.testing.TestRules;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The templates of test-fixtures, read as the analyzer reads them for the fixture project: exactly these tables, these
 * skipped ones, no problem from the files that are no templates, and the YAML markers agree with the findings.
 */
class FixtureTemplatesTest {

    private static final String DIR = "src/main/resources/templates/";

    private static AnalysisRequest request() {
        List<SourceRoot> roots = Fixtures.sourceDirectories().stream().map(SourceRoot::auto).toList();
        return new AnalysisRequest(Fixtures.root(), roots, List.of(), true, List.of(), List.of(), 0);
    }

    @Test
    void theFixtureTemplatesDefineExactlyTheseTables() {
        TemplateTables.Result r = TemplateTables.read(request());

        assertThat(r.problems()).isEmpty();
        assertThat(r.definitions()).extracting(d -> d.source().location().path(), d -> d.source().location().range()
                .line(), d -> d.source().member(), TableDefinition::name).containsExactly(
                tuple(DIR + "json/stack.json", 5, "UsersGlobalTable", "tpl-users"),
                tuple(DIR + "m005/a-stack.yaml", 4, "ConflictingTable", "tpl-conflicting"),
                tuple(DIR + "m005/a-stack.yaml", 10, "AgreeingTable", "tpl-agreeing"),
                tuple(DIR + "m005/b-stack.json", 3, "ConflictingTable", "tpl-conflicting"),
                tuple(DIR + "m005/b-stack.json", 11, "AgreeingTable", "tpl-agreeing"),
                tuple(DIR + "sam-app/template.yaml", 25, "OrdersTable", "tpl-orders"),
                tuple(DIR + "sam-app/template.yaml", 82, "SessionsTable", "tpl-sessions"),
                tuple(DIR + "simple/simple-table.yaml", 5, "CountersTable", "tpl-counters"),
                tuple(DIR + "simple/simple-table.yaml", 9, "NumbersTable", "tpl-numbers"));

        TableDefinition orders = r.definitions().get(5);
        assertThat(orders.keys()).isEqualTo(new KeySchema(new KeyAttribute("PK", "S"), new KeyAttribute("SK", "S")));
        assertThat(orders.indexes()).containsExactly(
                new IndexDefinition("GSI1", IndexDefinition.Kind.GLOBAL,
                        new KeySchema(new KeyAttribute("GSI1PK", "S"), new KeyAttribute("GSI1SK", "S"))),
                new IndexDefinition("byCreatedAt", IndexDefinition.Kind.LOCAL,
                        new KeySchema(new KeyAttribute("PK", "S"), new KeyAttribute("createdAt", "N"))));
        TableDefinition users = r.definitions().get(0);
        assertThat(users.keys()).isEqualTo(new KeySchema(new KeyAttribute("userId", "S"), null));
        assertThat(users.indexes()).containsExactly(new IndexDefinition("byEmail", IndexDefinition.Kind.GLOBAL,
                new KeySchema(new KeyAttribute("email", "S"), null)));
        assertThat(r.definitions().get(6).keys()).isEqualTo(new KeySchema(new KeyAttribute("sessionId", "S"), null));
        assertThat(r.definitions().get(7).keys()).isEqualTo(new KeySchema(new KeyAttribute("id", "S"), null));
        assertThat(r.definitions().get(8).keys()).isEqualTo(new KeySchema(new KeyAttribute("n", "N"), null));

        assertThat(r.skipped()).extracting(SkippedTable::path, SkippedTable::line, SkippedTable::logicalId)
                .containsExactly(
                        tuple(DIR + "json/stack.json", 29, "AuditTable"),
                        tuple(DIR + "sam-app/template.yaml", 74, "StageTable"),
                        tuple(DIR + "simple/simple-table.yaml", 14, "GeneratedNameTable"));
        // Files that passed the prefilter: the five templates and the three that only mention a table type.
        assertThat(r.templates()).isEqualTo(8);
    }

    @Test
    void templateMarkersAndFindingsAgreeBothWays() {
        List<Expectation> markers = new ArrayList<>();
        for (Path dir : Fixtures.markerDirectories()) {
            markers.addAll(Expectations.read(Fixtures.root(), dir));
        }
        List<Expectation> inTemplates = markers.stream().filter(e -> e.path().startsWith(DIR)).toList();
        assertThat(inTemplates).containsExactly(
                new Expectation(DIR + "m005/a-stack.yaml", 4, "DDB-M005", "tpl-conflicting"),
                new Expectation(DIR + "sam-app/template.yaml", 91, "DDB-X001", "suppresses nothing"));

        // Core's test rules: the dead suppression (DDB-X001) is checked here; DDB-M005 by the rules module's run.
        AnalysisResult result = new Analyzer(TestRules.registry()).analyze(request());
        AnalysisResult templatesOnly = new AnalysisResult(result.projectRoot(), result.findings().stream()
                .filter(f -> f.path().startsWith(DIR)).toList(), result.suppressed(), result.problems(),
                result.rules(), result.callSites(), result.stats());
        assertThat(Expectations.mismatches(templatesOnly, inTemplates.stream()
                .filter(e -> !e.ruleId().equals("DDB-M005")).toList(), Set.of("DDB-P001", "DDB-X001"))).isEmpty();
    }
}
