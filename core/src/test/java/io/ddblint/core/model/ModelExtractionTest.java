package io.ddblint.core.model;

import io.ddblint.core.AnalysisRequest;
import io.ddblint.core.SourceRoot;
import io.ddblint.core.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

class ModelExtractionTest {

    static Model fixtures(List<java.nio.file.Path> classpath) {
        List<SourceRoot> roots = Fixtures.sourceDirectories().stream().map(SourceRoot::auto).toList();
        return ModelSourcesTest.model(new AnalysisRequest(Fixtures.root(), roots, classpath, true, List.of(),
                List.of(), 0));
    }

    @Test
    void dump() {
        Model m = fixtures(List.of());
        for (Table t : m.tables()) {
            System.out.println("TABLE " + t);
        }
    }
}
