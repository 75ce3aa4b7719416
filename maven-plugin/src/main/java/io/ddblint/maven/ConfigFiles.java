package io.ddblint.maven;

import io.ddblint.core.config.ConfigurationLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the {@code configLocation} and {@code baseline} parameters point. Kept out of the mojos so that the lookup
 * order is testable without a Maven runtime.
 */
final class ConfigFiles {

    static final String DEFAULT_BASELINE = "ddb-lint-baseline.json";

    private ConfigFiles() {
    }

    /**
     * The configuration file, as the CLI finds it: {@code configLocation} when set (a relative path is looked up in
     * the module's base directory, then in the top-level project's directory), else {@code ddb-lint.yml} in the
     * module's base directory, else in the top-level project's directory (where a multi-module project keeps it);
     * empty when there is none.
     *
     * @param executionRoot the directory Maven was started in; null when unknown
     * @throws InvalidParameterException when {@code configLocation} is set and names no file
     */
    static Optional<Path> configuration(String configLocation, Path basedir, Path executionRoot)
            throws InvalidParameterException {
        Path module = basedir.toAbsolutePath().normalize();
        Path root = executionRoot == null ? null : executionRoot.toAbsolutePath().normalize();
        if (isSet(configLocation)) {
            Path given = Path.of(configLocation.strip());
            if (given.isAbsolute()) {
                if (Files.isRegularFile(given)) {
                    return Optional.of(given.normalize());
                }
            } else {
                Optional<Path> found = firstFile(module.resolve(given), root == null ? null : root.resolve(given));
                if (found.isPresent()) {
                    return found;
                }
            }
            throw new InvalidParameterException("configLocation (ddb-lint.configLocation): file does not exist: "
                    + configLocation.strip() + (given.isAbsolute() ? "" : " (looked in " + module
                    + (root == null || root.equals(module) ? "" : " and " + root) + ")"));
        }
        return firstFile(module.resolve(ConfigurationLoader.FILE_NAME),
                root == null ? null : root.resolve(ConfigurationLoader.FILE_NAME));
    }

    /** The baseline file: {@code baseline} resolved against the module's base directory; empty when not set. */
    static Optional<Path> baseline(String baseline, Path basedir) {
        if (!isSet(baseline)) {
            return Optional.empty();
        }
        return Optional.of(basedir.toAbsolutePath().resolve(baseline.strip()).normalize());
    }

    /** Where the {@code baseline} goal writes: the parameter, else {@code ddb-lint-baseline.json} in the module. */
    static Path baselineToWrite(String baseline, Path basedir) {
        return baseline(baseline, basedir)
                .orElse(basedir.toAbsolutePath().resolve(DEFAULT_BASELINE).normalize());
    }

    private static Optional<Path> firstFile(Path first, Path second) {
        if (Files.isRegularFile(first)) {
            return Optional.of(first.normalize());
        }
        if (second != null && Files.isRegularFile(second)) {
            return Optional.of(second.normalize());
        }
        return Optional.empty();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
