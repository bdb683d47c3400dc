package dev.ferry.sql;

import java.util.List;

/**
 * The jars a script's functions and connectors come from besides {@code lib/} (Ferry's {@code
 * --jar}), added to its TableEnvironment before its first statement as if it began with {@code ADD
 * JAR} for each: Flink then loads their classes on the client and ships the jars with the job.
 */
public final class FunctionJars {

    private FunctionJars() {}

    /** A jar Flink could not add: missing, unreadable or not a jar. */
    public static final class JarNotAddedException extends IllegalArgumentException {
        JarNotAddedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A setup that adds {@code jars} (local paths or cluster URIs), in order. */
    public static TableEnvironmentSetup adding(List<String> jars) {
        List<String> copy = List.copyOf(jars);
        return tableEnv -> copy.forEach(jar -> {
            try {
                tableEnv.executeSql("ADD JAR '" + jar.replace("'", "''") + "'");
            } catch (RuntimeException e) {
                throw new JarNotAddedException("Cannot add jar " + jar + ": " + StatementErrors.describe(e), e);
            }
        });
    }
}
