package dev.ferry.launcher.jobs;

import dev.ferry.launcher.FerryException;
import dev.ferry.launcher.FerryException.ExitCode;
import dev.ferry.launcher.cluster.ClusterObserver;
import dev.ferry.launcher.cluster.JobManagerClients;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.PackagedProgram;
import org.apache.flink.client.program.PackagedProgramUtils;
import org.apache.flink.client.program.ProgramInvocationException;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Submits a jar job into a running session with Flink's own client, and unless detached waits
 * until every task is RUNNING (or the job has already finished).
 */
public final class JobSubmitter {

    private final Configuration baseConfig;
    private final ClusterObserver observer;
    private final JobManagerClients jobManagers;
    private final JobRunningWaiter waiter;
    private final Duration submitTimeout;

    public JobSubmitter(
            Configuration baseConfig,
            ClusterObserver observer,
            JobManagerClients jobManagers,
            JobRunningWaiter waiter,
            Duration submitTimeout) {
        this.baseConfig = baseConfig;
        this.observer = observer;
        this.jobManagers = jobManagers;
        this.waiter = waiter;
        this.submitTimeout = submitTimeout;
    }

    public SubmittedJob submit(JarJobRequest request) {
        long started = System.nanoTime();
        ProgramInspector.requireJar(request.jar());
        ApplicationReport session = observer.requireLive(request.session());
        Configuration config = new Configuration(baseConfig);
        request.jobName().ifPresent(name -> config.set(PipelineOptions.NAME, name));
        JobGraph graph = buildJobGraph(request, config);
        try (RestClusterClient<ApplicationId> client = jobManagers.open(session)) {
            JobID id = client.submitJob(graph).get(submitTimeout.toMillis(), TimeUnit.MILLISECONDS);
            String state = request.detached() ? JobStatus.CREATED.name() : waiter.await(session, id, started);
            return new SubmittedJob(
                    id.toHexString(),
                    request.jobName().orElse(graph.getName()),
                    request.session(),
                    session.getApplicationId().toString(),
                    state,
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (FerryException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ExitCode.FAILURE, "Interrupted while submitting the job", e);
        } catch (Exception e) {
            throw new FerryException(
                    ExitCode.FAILURE,
                    "Session '" + request.session() + "' did not accept the job: " + FerryException.rootCauseMessage(e),
                    e);
        }
    }

    /** Builds the JobGraph on the gateway, as {@code flink run} does; also used for per-job clusters. */
    static JobGraph buildJobGraph(JarJobRequest request, Configuration config) {
        return buildJobGraph(request, config, null);
    }

    static JobGraph buildJobGraph(JarJobRequest request, Configuration config, JobID fixedId) {
        int parallelism = request.parallelism().orElse(config.get(CoreOptions.DEFAULT_PARALLELISM));
        try {
            PackagedProgram program =
                    PackagedProgram.newBuilder()
                            .setJarFile(request.jar().toFile())
                            .setEntryPointClassName(request.entryClass().orElse(null))
                            .setArguments(request.arguments().toArray(String[]::new))
                            .setConfiguration(config)
                            .setSavepointRestoreSettings(request.restorePath()
                                    .map(path -> SavepointRestoreSettings.forPath(path, false))
                                    .orElse(SavepointRestoreSettings.none()))
                            .build();
            try {
                return PackagedProgramUtils.createJobGraph(program, config, parallelism, fixedId, false);
            } finally {
                program.close();
            }
        } catch (ProgramInvocationException e) {
            throw new FerryException(
                    ExitCode.USAGE,
                    "Cannot build the job from " + request.jar().getFileName() + ": "
                            + FerryException.rootCauseMessage(e) + " (check --class and the job's arguments)",
                    e);
        }
    }
}
