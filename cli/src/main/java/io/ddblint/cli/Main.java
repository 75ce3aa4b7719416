package io.ddblint.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of {@code java -jar ddb-lint.jar}; everything else lives in {@link DdbLintCommand}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Reporters write UTF-8 (Reporter#write); json or sarif piped into a file must stay UTF-8 whatever the locale.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        System.exit(new DdbLintCommand(out, new PrintWriter(System.err, true)).run(args));
    }
}
