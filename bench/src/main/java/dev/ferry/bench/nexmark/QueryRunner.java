package dev.ferry.bench.nexmark;

import dev.ferry.bench.report.LoadAverage;
import dev.ferry.nexmark.queries.NexmarkDdl;
import dev.ferry.nexmark.queries.NexmarkQuery;
import dev.ferry.sql.SqlScript;
import dev.ferry.sql.SqlStatement;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs one Nexmark query once on the variant's cluster and times the job. */
final class QueryRunner {

    private final long events;
    private final int parallelism;
    private final NexmarkClusters clusters;

    QueryRunner(long events, int parallelism, NexmarkClusters clusters) {
        this.events = events;
        this.parallelism = parallelism;
        this.clusters = clusters;
    }

    /**
     * A failed run is a result, reported with its reason; an interrupt (Ctrl-C) is not a failed
     * run but the end of the bench, so it is thrown.
     */
    RunResult run(NexmarkQuery query, Variant variant, int index) throws InterruptedException {
        long start = System.nanoTime();
        try {
            long jobMillis = Math.max(1, execute(query, variant));
            long clientMillis = (System.nanoTime() - start) / 1_000_000;
            double perCore = events * 1000.0 / jobMillis / parallelism;
            return result(query, variant, index, jobMillis, clientMillis, perCore, Optional.empty());
        } catch (Exception e) {
            if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                Thread.currentThread().interrupt();
                throw new InterruptedException(query.name() + " " + variant.id() + " interrupted");
            }
            return failed(query, variant, index, rootMessage(e));
        }
    }

    /** A run that did not measure anything, and why. */
    RunResult failed(NexmarkQuery query, Variant variant, int index, String why) {
        return result(query, variant, index, 0, 0, 0, Optional.of(why));
    }

    private RunResult result(
            NexmarkQuery query,
            Variant variant,
            int index,
            long jobMillis,
            long clientMillis,
            double eventsPerSecondPerCore,
            Optional<String> failure) {
        return new RunResult(
                query.name(),
                variant.id(),
                index,
                events,
                parallelism,
                jobMillis,
                clientMillis,
                eventsPerSecondPerCore,
                LoadAverage.now().one(),
                Instant.now(),
                failure);
    }

    private long execute(NexmarkQuery query, Variant variant) throws Exception {
        StreamTableEnvironment tableEnv = tableEnvironment(variant);
        NexmarkDdl.statements(events, 0).forEach(tableEnv::executeSql);
        List<SqlStatement> statements =
                SqlScript.parse(query.script(clusters.sideInput())).statements();
        TableResult last = null;
        for (SqlStatement statement : statements) {
            last = tableEnv.executeSql(statement.sql());
        }
        JobClient job =
                last.getJobClient().orElseThrow(() -> new IllegalStateException(query.name() + " ends in no INSERT"));
        JobExecutionResult result = job.getJobExecutionResult().get();
        return result.getNetRuntime(TimeUnit.MILLISECONDS);
    }

    private StreamTableEnvironment tableEnvironment(Variant variant) throws Exception {
        Configuration config = new Configuration(clusters.clientConfiguration(variant));
        config.addAll(variant.configuration());
        config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        config.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(config);
        EnvironmentSettings settings = EnvironmentSettings.newInstance()
                .inStreamingMode()
                .withConfiguration(config)
                .build();
        return StreamTableEnvironment.create(env, settings);
    }

    /** The first line of the outermost and of the innermost exception: what and why. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = firstLine(e);
        return root == e ? outer : outer + " / caused by " + firstLine(root);
    }

    private static String firstLine(Throwable e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
