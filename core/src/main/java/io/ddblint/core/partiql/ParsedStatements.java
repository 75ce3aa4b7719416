package io.ddblint.core.partiql;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The PartiQL statements of one run, each parsed once however many rules and call sites ask for it. */
public final class ParsedStatements {

    private final Map<String, Statement> parsed = new ConcurrentHashMap<>();

    public Statement get(String text) {
        return parsed.computeIfAbsent(text, PartiQlParser::parse);
    }
}
