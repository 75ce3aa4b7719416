package io.ddblint.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigFilesTest {

    @TempDir
    Path root;

    @Test
    void withoutConfigLocationTheModuleFileWinsOverTheRootFile() throws Exception {
        Path module = Files.createDirectories(root.resolve("app"));
        assertThat(ConfigFiles.configuration(null, module, root)).isEmpty();

        Path atRoot = Files.writeString(root.resolve("ddb-lint.yml"), "");
        assertThat(ConfigFiles.configuration(" ", module, root)).contains(atRoot);

        Path inModule = Files.writeString(module.resolve("ddb-lint.yml"), "");
        assertThat(ConfigFiles.configuration(null, module, root)).contains(inModule);
        assertThat(ConfigFiles.configuration(null, module, null)).contains(inModule);
    }

    @Test
    void aRelativeConfigLocationIsLookedUpInTheModuleThenTheRoot() throws Exception {
        Path module = Files.createDirectories(root.resolve("app"));
        Path shared = Files.writeString(Files.createDirectories(root.resolve("config")).resolve("lint.yml"), "");
        assertThat(ConfigFiles.configuration("config/lint.yml", module, root)).contains(shared);

        Path own = Files.writeString(Files.createDirectories(module.resolve("config")).resolve("lint.yml"), "");
        assertThat(ConfigFiles.configuration("config/lint.yml", module, root)).contains(own);
        assertThat(ConfigFiles.configuration(shared.toString(), module, root)).contains(shared);
    }

    @Test
    void aMissingConfigLocationNamesTheParameterAndWhereItLooked() throws Exception {
        Path module = Files.createDirectories(root.resolve("app"));
        assertThatThrownBy(() -> ConfigFiles.configuration("lint.yml", module, root))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("configLocation (ddb-lint.configLocation): file does not exist: lint.yml (looked in "
                        + module.toAbsolutePath().normalize() + " and " + root.toAbsolutePath().normalize() + ")");
        Path absent = root.resolve("absent.yml").toAbsolutePath();
        assertThatThrownBy(() -> ConfigFiles.configuration(absent.toString(), module, root))
                .hasMessage("configLocation (ddb-lint.configLocation): file does not exist: " + absent);
    }

    @Test
    void theBaselineIsResolvedAgainstTheModule() {
        Path module = root.resolve("app");
        assertThat(ConfigFiles.baseline(null, module)).isEmpty();
        assertThat(ConfigFiles.baseline("", module)).isEmpty();
        assertThat(ConfigFiles.baseline("lint/accepted.json", module))
                .contains(module.toAbsolutePath().resolve("lint/accepted.json"));
        assertThat(ConfigFiles.baselineToWrite(null, module))
                .isEqualTo(module.toAbsolutePath().resolve("ddb-lint-baseline.json"));
        assertThat(ConfigFiles.baselineToWrite("b.json", module)).isEqualTo(module.toAbsolutePath().resolve("b.json"));
    }

    @Test
    void aMissingOrMalformedBaselineNamesTheParameter() throws Exception {
        Path missing = root.resolve("missing.json");
        assertThatThrownBy(() -> AbstractDdbLintMojo.readBaseline(missing))
                .hasMessage("ddb-lint: baseline (ddb-lint.baseline): file does not exist: " + missing
                        + " (create it with mvn ddb-lint:baseline)");
        Path malformed = Files.writeString(root.resolve("malformed.json"), "{\"tool\": \"eslint\", \"findings\": []}");
        assertThatThrownBy(() -> AbstractDdbLintMojo.readBaseline(malformed))
                .hasMessageStartingWith("ddb-lint: baseline (ddb-lint.baseline): " + malformed
                        + ": not a ddb-lint baseline");
    }
}
