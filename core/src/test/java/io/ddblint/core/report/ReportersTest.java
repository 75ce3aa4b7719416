package io.ddblint.core.report;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportersTest {

    @Test
    void listsEveryFormatSorted() {
        assertThat(Reporters.formats()).containsExactly("checkstyle", "html", "json", "sarif", "text");
        assertThat(Reporters.all()).extracting(Reporter::format).containsExactlyElementsOf(Reporters.formats());
    }

    @Test
    void findsAFormatWhateverItsCase() {
        assertThat(Reporters.forFormat("sarif")).containsInstanceOf(SarifReporter.class);
        assertThat(Reporters.forFormat(" SARIF ")).containsInstanceOf(SarifReporter.class);
        assertThat(Reporters.forFormat("xml")).isEmpty();
        assertThat(Reporters.forFormat(null)).isEmpty();
    }

    @Test
    void everyFormatHasItsOwnFileName() {
        List<String> names = Reporters.all().stream().map(Reporter::defaultFileName).toList();
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
        assertThat(names).containsExactly("ddb-lint-checkstyle.xml", "ddb-lint.html", "ddb-lint.json",
                "ddb-lint.sarif",
                "ddb-lint.txt");
    }
}
