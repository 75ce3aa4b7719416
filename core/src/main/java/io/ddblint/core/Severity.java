package io.ddblint.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How bad a finding is. Ordered from most to least severe; the build gate compares with {@link #atLeast}. */
public enum Severity {
    /** Fails at runtime or loses data. */
    ERROR,
    /** Cost, throughput or data-model defect. */
    WARNING,
    /** Advice. */
    INFO;

    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Parses a user-supplied severity name, case-insensitively. */
    public static Optional<Severity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst();
    }

    public static String validNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    public String lowerCase() {
        return name().toLowerCase(Locale.ROOT);
    }
}
