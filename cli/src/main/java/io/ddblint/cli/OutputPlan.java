package io.ddblint.cli;

import io.ddblint.core.AnalysisResult;
import io.ddblint.core.report.Reporter;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each report goes: the n-th {@code --output} receives the n-th {@code --format}; formats without an output
 * go to standard output, which can hold only one of them.
 */
record OutputPlan(List<Target> targets) {

    /** One report: its format, and its file, or null for standard output. */
    record Target(Reporter reporter, Path file) {

        Target {
            Objects.requireNonNull(reporter, "reporter");
        }

        boolean toStandardOutput() {
            return file == null;
        }
    }

    OutputPlan {
        targets = List.copyOf(targets);
    }

    static OutputPlan of(List<Reporter> formats, List<Path> outputs) {
        if (outputs.size() > formats.size()) {
            throw UserError.usage(outputs.size() + " --output files but " + formats.size()
                    + (formats.size() == 1 ? " format" : " formats")
                    + "; each --output belongs to the --format at the same position");
        }
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < formats.size(); i++) {
            targets.add(new Target(formats.get(i), i < outputs.size() ? outputs.get(i) : null));
        }
        List<String> toStdout = targets.stream().filter(Target::toStandardOutput)
                .map(t -> t.reporter().format()).toList();
        if (toStdout.size() > 1) {
            throw UserError.usage("more than one format would go to standard output (" + String.join(", ", toStdout)
                    + "); give all but one an --output file");
        }
        return new OutputPlan(targets);
    }

    /** The format that goes to standard output, if one does. */
    Optional<String> standardOutputFormat() {
        return targets.stream().filter(Target::toStandardOutput).map(t -> t.reporter().format()).findFirst();
    }

    boolean allToFiles() {
        return targets.stream().noneMatch(Target::toStandardOutput);
    }

    List<Path> files() {
        return targets.stream().filter(t -> !t.toStandardOutput()).map(Target::file).toList();
    }

    /**
     * Creates the report directories and checks the report files can be written, so that a bad {@code --output}
     * fails before the analysis rather than after it.
     */
    void prepare() {
        for (Path file : files()) {
            if (Files.isDirectory(file)) {
                throw cannotWrite(file, "it is a directory");
            }
            Path parent = file.toAbsolutePath().getParent();
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw cannotWrite(file, reason(e));
            }
            if (!Files.isWritable(parent) || (Files.exists(file) && !Files.isWritable(file))) {
                throw cannotWrite(file, "permission denied");
            }
        }
    }

    /** Writes every report; standard output goes through {@code stdout} so that callers can capture it. */
    void write(AnalysisResult result, PrintWriter stdout) throws IOException {
        for (Target target : targets) {
            if (target.toStandardOutput()) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                target.reporter().write(result, buffer);
                stdout.print(buffer.toString(StandardCharsets.UTF_8));
                stdout.flush();
            } else {
                writeFile(result, target);
            }
        }
    }

    private static void writeFile(AnalysisResult result, Target target) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target.file()))) {
            target.reporter().write(result, out);
        } catch (IOException e) {
            throw cannotWrite(target.file(), reason(e));
        }
    }

    private static UserError cannotWrite(Path file, String reason) {
        return UserError.input("cannot write report " + file + ": " + reason);
    }

    /** The part of an I/O error a user can act on; the raw messages of file-system exceptions repeat the path. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException fe) {
            return fe.getFile() + " exists and is not a directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
