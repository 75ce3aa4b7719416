package io.ddblint.spotbugs;

import io.ddblint.core.Severity;

import java.util.Locale;

/** How ddb-lint's rules are named and ranked in SpotBugs: one place, shared by the generator and the detector. */
final class BugTypes {

    /** The bug code (SpotBugs "abbrev") of every ddb-lint pattern. */
    static final String CODE = "DDB";

    /** The SpotBugs category of every ddb-lint pattern: users filter on it with {@code <Bug category="DYNAMODB"/>}. */
    static final String CATEGORY = "DYNAMODB";

    private BugTypes() {
    }

    /** {@code DDB-P001} becomes {@code DDB_P001}: a bug type must be an XML ID, and '-' reads badly in filters. */
    static String of(String ruleId) {
        return ruleId.replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** SpotBugs' priorities: HIGH = 1, NORMAL = 2, LOW = 3 ({@code edu.umd.cs.findbugs.Priorities}). */
    static int priority(Severity severity) {
        return switch (severity) {
            case ERROR -> 1;
            case WARNING -> 2;
            case INFO -> 3;
        };
    }
}
