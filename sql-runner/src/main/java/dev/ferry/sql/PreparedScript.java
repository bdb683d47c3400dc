package dev.ferry.sql;

import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.util.MutableURLClassLoader;

import java.util.List;
import java.util.Optional;

/**
 * A script whose session statements have run and whose job and queries are validated, ready for
 * {@link SqlScriptRunner#submit}. It holds the TableEnvironment they ran in; submit it once.
 */
public final class PreparedScript {

    private final StreamTableEnvironment tableEnv;
    private final List<Step> steps;
    private final Optional<String> jobName;
    private final Optional<MutableURLClassLoader> jobClassLoader;
    private boolean submitted;

    PreparedScript(
            StreamTableEnvironment tableEnv,
            List<Step> steps,
            Optional<String> jobName,
            Optional<MutableURLClassLoader> jobClassLoader) {
        this.tableEnv = tableEnv;
        this.jobClassLoader = jobClassLoader;
        this.steps = List.copyOf(steps);
        this.jobName = jobName;
    }

    /** Whether the script starts a job (an INSERT or a statement set). */
    public boolean hasJob() {
        return steps.stream().anyMatch(Step.Job.class::isInstance);
    }

    /** The job's name, if the script (or the configuration) sets {@code pipeline.name}. */
    public Optional<String> jobName() {
        return jobName;
    }

    /** Whether the script has SELECT queries to run. */
    public boolean hasQueries() {
        return steps.stream().anyMatch(Step.Query.class::isInstance);
    }

    StreamTableEnvironment tableEnv() {
        return tableEnv;
    }

    /** The classloader the script's jobs are built with, when it can take the script's added jars. */
    Optional<MutableURLClassLoader> jobClassLoader() {
        return jobClassLoader;
    }

    List<Step> steps() {
        return steps;
    }

    /** A TableEnvironment's state moves on with each run: a second submit would repeat the job. */
    void markSubmitted() {
        if (submitted) {
            throw new IllegalStateException("this script was submitted already");
        }
        submitted = true;
    }
}
