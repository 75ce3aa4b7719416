package io.ddblint.maven;

import io.ddblint.core.Severity;
import io.ddblint.core.SuppressedFinding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ddblint.maven.Results.finding;
import static org.assertj.core.api.Assertions.assertThat;

class BaselineMojoTest {

    @Test
    void theNewBaselineHoldsNewFindingsAndThoseTheOldOneAcceptedButNotThoseSuppressedInSource() {
        var added = finding("DDB-P001", "ScanInProductionCode", Severity.WARNING, "A.java", 3, 5, "scan");
        var kept = finding("DDB-P006", "LimitWithFilterExpression", Severity.INFO, "A.java", 9, 5, "limit");
        var ignored = finding("DDB-P001", "ScanInProductionCode", Severity.WARNING, "B.java", 4, 5, "scan");
        var result = Results.withSuppressed(List.of(added), List.of(
                new SuppressedFinding(kept, SuppressedFinding.Kind.EXTERNAL, "accepted in the baseline"),
                new SuppressedFinding(ignored, SuppressedFinding.Kind.IN_SOURCE, "nightly")));

        assertThat(BaselineMojo.accepted(result)).containsExactly(added, kept);
    }
}
