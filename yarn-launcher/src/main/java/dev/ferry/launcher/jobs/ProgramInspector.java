package dev.ferry.launcher.jobs;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import org.apache.flink.client.program.PackagedProgram;
import org.apache.flink.client.program.ProgramInvocationException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens a job jar the way Flink will, before anything is uploaded or deployed: a missing jar or
 * a main class that is not there fails here, with nothing submitted.
 */
public final class ProgramInspector {

    private ProgramInspector() {}

    /** The fully qualified main class the jar runs: {@code entryClass}, or the manifest's. */
    public static String mainClass(Path jar, Optional<String> entryClass) {
        requireJar(jar);
        try {
            PackagedProgram program = PackagedProgram.newBuilder()
                    .setJarFile(jar.toFile())
                    .setEntryPointClassName(entryClass.orElse(null))
                    .build();
            try {
                return program.getMainClassName();
            } finally {
                program.close();
            }
        } catch (ProgramInvocationException e) {
            throw new FerryException(ExitCode.USAGE, "Cannot run " + jar.getFileName() + ": " + reason(e), e);
        }
    }

    /** What is wrong with the jar or its main class, in the words a user searches for. */
    private static String reason(ProgramInvocationException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ClassNotFoundException missing) {
                return "class not found: " + missing.getMessage() + " is not in the jar or on Flink's class path"
                        + " (check --class, or the jar manifest's Main-Class)";
            }
            if (cause instanceof java.util.zip.ZipException) {
                return "not a jar (zip) file: give the path of a job jar";
            }
        }
        return FerryException.rootCauseMessage(e) + " (check --class, or the jar manifest's Main-Class)";
    }

    public static void requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new FerryException(ExitCode.USAGE, "Jar file " + jar + " does not exist: give the path of a job jar");
        }
    }

    /** The job name Ferry uses when none is given: the main class's simple name. */
    public static String defaultJobName(String mainClass) {
        return mainClass.substring(mainClass.lastIndexOf('.') + 1);
    }
}
