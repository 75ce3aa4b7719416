package io.ddblint.maven;

import io.ddblint.core.Severity;
import io.ddblint.core.report.Reporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckOptionsTest {

    private static CheckOptions.Raw raw(String severity, int max, String formats) {
        return new CheckOptions.Raw(severity, max, formats, null, null);
    }

    @Test
    void defaultsAreWarningNoToleranceAndSarif() throws Exception {
        CheckOptions options = CheckOptions.parse(raw("WARNING", 0, "sarif"));

        assertThat(options.failOnSeverity()).isEqualTo(Severity.WARNING);
        assertThat(options.maxAllowedViolations()).isZero();
        assertThat(options.formats()).extracting(Reporter::format).containsExactly("sarif");
        assertThat(options.includes()).isEmpty();
        assertThat(options.excludes()).isEmpty();
    }

    @Test
    void severityIsCaseInsensitive() throws Exception {
        assertThat(CheckOptions.parse(raw(" info ", 0, "sarif")).failOnSeverity()).isEqualTo(Severity.INFO);
    }

    @Test
    void unknownSeverityNamesTheParameterAndTheValidValues() {
        assertThatThrownBy(() -> CheckOptions.parse(raw("FATAL", 0, "sarif")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("failOnSeverity (ddb-lint.failOnSeverity): unknown severity 'FATAL'; "
                        + "valid values: ERROR, WARNING, INFO");
    }

    @Test
    void formatsAreCommaSeparatedCaseInsensitiveAndDeduplicated() throws Exception {
        CheckOptions options = CheckOptions.parse(raw("ERROR", 0, "SARIF, json,checkstyle , text,sarif"));

        assertThat(options.formats()).extracting(Reporter::format)
                .containsExactly("sarif", "json", "checkstyle", "text");
    }

    @Test
    void emptyFormatsWriteNoReport() throws Exception {
        assertThat(CheckOptions.parse(raw("ERROR", 0, " ")).formats()).isEmpty();
    }

    @Test
    void unknownFormatNamesTheParameterAndTheValidValues() {
        assertThatThrownBy(() -> CheckOptions.parse(raw("ERROR", 0, "sarif,pdf")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("formats (ddb-lint.formats): unknown format 'pdf'; "
                        + "valid values: checkstyle, html, json, sarif, text");
    }

    @Test
    void negativeMaxAllowedViolationsIsRejected() {
        assertThatThrownBy(() -> CheckOptions.parse(raw("ERROR", -1, "sarif")))
                .hasMessage("maxAllowedViolations (ddb-lint.maxAllowedViolations): must be 0 or more, not -1");
    }

    @Test
    void includesAndExcludesAreCommaSeparatedGlobs() throws Exception {
        CheckOptions options = CheckOptions.parse(new CheckOptions.Raw("ERROR", 0, "sarif",
                "**/orders/**, **/Repo*.java", "**/generated/**"));

        assertThat(options.includes()).containsExactly("**/orders/**", "**/Repo*.java");
        assertThat(options.excludes()).containsExactly("**/generated/**");
    }

    @Test
    void docBaseUrlIsOptionalAndMustBeAnAbsoluteHttpUrl() throws Exception {
        assertThat(CheckOptions.docBaseUrl(null)).isEmpty();
        assertThat(CheckOptions.docBaseUrl(" ")).isEmpty();
        assertThat(CheckOptions.docBaseUrl(" https://docs.example.com/ddb-lint/ "))
                .contains("https://docs.example.com/ddb-lint/");
        assertThatThrownBy(() -> CheckOptions.docBaseUrl("docs/rules"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("docBaseUrl (ddb-lint.docBaseUrl): must be an absolute http or https URL without query "
                        + "or fragment, not 'docs/rules'");
    }
}
