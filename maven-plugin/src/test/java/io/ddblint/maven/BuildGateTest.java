package io.ddblint.maven;

import io.ddblint.core.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ddblint.maven.Results.finding;
import static org.assertj.core.api.Assertions.assertThat;

class BuildGateTest {

    private static CheckOptions options(Severity threshold, int maxAllowed) {
        return new CheckOptions(threshold, maxAllowed, List.of(), List.of(), List.of());
    }

    private final io.ddblint.core.AnalysisResult result = Results.of(
            finding("DDB-P001", "ScanInProductionCode", Severity.WARNING, "A.java", 1, 1, "scan"),
            finding("DDB-P006", "LimitWithFilterExpression", Severity.INFO, "A.java", 2, 1, "limit"));

    @Test
    void failsWhenAFindingReachesTheThreshold() {
        assertThat(BuildGate.check(result, options(Severity.WARNING, 0), true, "target/ddb-lint")).contains(
                "ddb-lint found 1 finding at WARNING severity or above (failOnSeverity); see the log above and "
                        + "target/ddb-lint");
    }

    @Test
    void passesWhenNoFindingReachesTheThreshold() {
        assertThat(BuildGate.check(result, options(Severity.ERROR, 0), true, null)).isEmpty();
    }

    @Test
    void countsEveryFindingAtOrAboveTheThresholdAgainstTheAllowance() {
        assertThat(BuildGate.check(result, options(Severity.INFO, 2), true, null)).isEmpty();
        assertThat(BuildGate.check(result, options(Severity.INFO, 1), true, null)).contains(
                "ddb-lint found 2 findings at INFO severity or above (failOnSeverity), more than the 1 allowed "
                        + "(maxAllowedViolations); see the log above");
    }

    @Test
    void neverFailsWithFailOnViolationOff() {
        assertThat(BuildGate.check(result, options(Severity.INFO, 0), false, null)).isEmpty();
    }
}
