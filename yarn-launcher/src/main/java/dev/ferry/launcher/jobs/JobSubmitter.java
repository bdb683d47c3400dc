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
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Submits a jar job into a running session with Flink's own client, and unless detached waits
 * until every task is RUNNING (or the job has already finished).
 */
public final class JobSubmitter {

    private static final long POLL_MILLIS = 100;

    private final Configuration baseConfig;
    private final ClusterObserver observer;
    private final JobManagerClients jobManagers;
    private final Duration runningTimeout;

    public JobSubmitter(
            Configuration baseConfig, ClusterObserver observer, JobManagerClients jobManagers, Duration runningTimeout) {
        this.baseConfig = baseConfig;
        this.observer = observer;
        this.jobManagers = jobManagers;
        this.runningTimeout = runningTimeout;
    }

    public SubmittedJob submit(JarJobRequest request) {
        long started = System.nanoTime();
        if (!Files.isRegularFile(request.jar())) {
            throw new FerryException(
                    ExitCode.USAGE, "Jar file " + request.jar() + " does not exist: give the path of a job jar");
        }
        ApplicationReport session = observer.requireLive(request.session());
        Configuration config = new Configuration(baseConfig);
        request.jobName().ifPresent(name -> config.set(PipelineOptions.NAME, name));
        JobGraph graph = buildJobGraph(request, config);
        try (RestClusterClient<ApplicationId> client = jobManagers.open(session)) {
            JobID id = client.submitJob(graph).get(runningTimeout.toMillis(), TimeUnit.MILLISECONDS);
            String state = request.detached() ? JobStatus.CREATED.name() : awaitRunning(session, id, started);
            return new SubmittedJob(
                    id.toHexString(),
                    graph.getName(),
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

    private static JobGraph buildJobGraph(JarJobRequest request, Configuration config) {
        int parallelism = request.parallelism().orElse(config.get(CoreOptions.DEFAULT_PARALLELISM));
        try {
            PackagedProgram program =
                    PackagedProgram.newBuilder()
                            .setJarFile(request.jar().toFile())
                            .setEntryPointClassName(request.entryClass().orElse(null))
                            .setArguments(request.arguments().toArray(String[]::new))
                            .setConfiguration(config)
                            .build();
            try {
                return PackagedProgramUtils.createJobGraph(program, config, parallelism, false);
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

    private String awaitRunning(ApplicationReport session, JobID id, long startedNanos) throws InterruptedException {
        long deadline = startedNanos + runningTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JobDetails> job = observer.jobs(session)
                    .flatMap(jobs -> jobs.stream().filter(j -> j.getJobId().equals(id)).findFirst());
            if (job.isPresent()) {
                JobStatus status = job.get().getStatus();
                if (status == JobStatus.FINISHED || allTasksRunning(job.get())) {
                    return status.name();
                }
                if (status.isGloballyTerminalState()) {
                    throw new FerryException(
                            ExitCode.FAILURE,
                            "Job " + id + " ended " + status + " right after submission: see its exceptions at "
                                    + JobManagerClients.webUrl(session) + "/#/job/running/" + id);
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new FerryException(
                ExitCode.TIMEOUT,
                "Job " + id + " was accepted but its tasks were not all RUNNING within " + runningTimeout.toSeconds()
                        + "s: the session may lack free slots; check " + JobManagerClients.webUrl(session));
    }

    private static boolean allTasksRunning(JobDetails job) {
        return job.getStatus() == JobStatus.RUNNING
                && job.getNumTasks() > 0
                && job.getTasksPerState()[ExecutionState.RUNNING.ordinal()] == job.getNumTasks();
    }
}
