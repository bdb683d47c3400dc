package dev.ferry.launcher.jobs;

import dev.ferry.launcher.FerryException;
import dev.ferry.launcher.FerryException.ExitCode;
import dev.ferry.launcher.cluster.JobManagerClients;
import dev.ferry.launcher.deployment.ClusterMode;
import dev.ferry.launcher.deployment.ClusterName;
import dev.ferry.launcher.deployment.DeployedCluster;
import dev.ferry.launcher.deployment.SessionSpec;
import dev.ferry.launcher.jobs.JobRecord.JobPlacement;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.MemorySize;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.client.api.YarnClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Starts runs of named jobs, wherever their placement says: into a session, or as an application
 * or per-job cluster. The job's record is written as soon as Flink accepted the run, before the
 * wait for RUNNING, so a run that is slow to start is still known to every gateway.
 */
public final class JobStarter {

    private final JobSubmitter sessionSubmitter;
    private final Supplier<JobClusterLauncher> clusterLauncher;
    private final JobRunningWaiter waiter;
    private final YarnClient yarn;
    private final JobLocator locator;
    private final JobRecordStore records;
    private final ArtifactStore artifacts;
    private final String checkpointDir;

    public JobStarter(
            JobSubmitter sessionSubmitter,
            Supplier<JobClusterLauncher> clusterLauncher,
            JobRunningWaiter waiter,
            YarnClient yarn,
            JobLocator locator,
            JobRecordStore records,
            ArtifactStore artifacts,
            String checkpointDir) {
        this.sessionSubmitter = sessionSubmitter;
        this.clusterLauncher = clusterLauncher;
        this.waiter = waiter;
        this.yarn = yarn;
        this.locator = locator;
        this.records = records;
        this.artifacts = artifacts;
        this.checkpointDir = checkpointDir;
    }

    /** The first run of a jar job: checks the jar, stores it, records the job and starts it. */
    public StartedJob startJar(JarJobSpec spec) {
        String mainClass = ProgramInspector.mainClass(spec.jar(), spec.entryClass());
        String name = spec.name().orElse(ProgramInspector.defaultJobName(mainClass));
        JobRecordStore.requireValidName(name);
        requireNotRunning(name);
        JobRecord record = new JobRecord(
                name, JobRecord.JAR, artifacts.upload(spec.jar()), mainClass, spec.arguments(),
                spec.parallelism().orElse(null), spec.placement(), null, null, checkpointDir, null,
                System.currentTimeMillis());
        return run(record, spec.jar(), spec.restorePath(), spec.detached());
    }

    /** Another run of a recorded job, e.g. a resume or the second half of a restart. */
    public StartedJob rerun(JobRecord record, Optional<String> restorePath, boolean detached) {
        requireNotRunning(record.name());
        return run(record, artifacts.fetch(record.artifact()), restorePath, detached);
    }

    private StartedJob run(JobRecord record, Path localJar, Optional<String> restorePath, boolean detached) {
        long started = System.nanoTime();
        JobProgram program = new JobProgram(
                localJar, record.entryClass(), record.arguments(), Optional.ofNullable(record.parallelism()),
                record.name(), JobID.generate(), restorePath, record.placement().flinkSettings());
        JobPlacement placement = record.placement();
        ApplicationReport cluster;
        String clusterName;
        String jobId;
        if (placement.runsInSession()) {
            SubmittedJob submitted = sessionSubmitter.submit(program.asJarRequest(placement.session(), true));
            jobId = submitted.jobId();
            cluster = report(submitted.applicationId());
            clusterName = placement.session();
        } else {
            DeployedCluster deployed = clusterLauncher.get().launch(
                    clusterSpec(record), ClusterMode.fromTag(placement.mode()), program);
            jobId = program.jobId().toHexString();
            cluster = report(deployed.applicationId());
            clusterName = deployed.name();
        }
        records.save(record.withRun(jobId, cluster.getApplicationId().toString(), checkpointDir));
        String state = detached
                ? JobStatus.CREATED.name()
                : waiter.await(cluster, JobID.fromHexString(jobId), started);
        return new StartedJob(
                record.name(), jobId, placement.mode(), clusterName, cluster.getApplicationId().toString(),
                JobManagerClients.webUrl(cluster), state, restorePath.orElse(null),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private void requireNotRunning(String name) {
        records.find(name)
                .flatMap(record -> locator.liveRun(record, locator.liveJobs()))
                .filter(run -> !run.ended())
                .ifPresent(run -> {
                    throw new FerryException(
                            ExitCode.CONFLICT,
                            "Job '" + name + "' is already " + run.details().getStatus() + " as " + run.jobId()
                                    + " in '" + run.clusterName() + "': stop it first, or upgrade it with"
                                    + " 'ferry job restart " + name + "'");
                });
    }

    /** A job's own cluster is named after the job, in the form YARN cluster names take. */
    static ClusterName clusterNameFor(String jobName) {
        String name = jobName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        return new ClusterName(name.length() > 63 ? name.substring(0, 63) : name);
    }

    private static SessionSpec clusterSpec(JobRecord record) {
        JobPlacement placement = record.placement();
        return new SessionSpec(
                clusterNameFor(record.name()),
                Optional.ofNullable(placement.queue()),
                Optional.ofNullable(placement.jobManagerMemory()).map(MemorySize::parse),
                Optional.ofNullable(placement.taskManagerMemory()).map(MemorySize::parse),
                Optional.ofNullable(placement.slots()),
                Optional.empty());
    }

    private ApplicationReport report(String applicationId) {
        try {
            return yarn.getApplicationReport(ApplicationId.fromString(applicationId));
        } catch (Exception e) {
            throw new FerryException(
                    ExitCode.UNAVAILABLE, "Cannot read the state of " + applicationId + ": " + e.getMessage(), e);
        }
    }
}
