package dev.ferry.launcher.jobs;

import dev.ferry.launcher.cluster.ApplicationWaiter;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.jobs.RestorePoints.RestorePoint;
import dev.ferry.launcher.jobs.record.JobRecord;
import dev.ferry.launcher.jobs.record.JobRecords;
import dev.ferry.launcher.rest.Answers;
import dev.ferry.launcher.yarn.YarnCluster;

import org.apache.hadoop.yarn.api.records.ApplicationId;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Brings recorded jobs back: {@code resume} from a savepoint or the latest restore point after a
 * stop, a cancel, a kill or the end of the cluster; {@code restart} as stop-with-savepoint then
 * resume, optionally with a new jar: the upgrade path that keeps the job's state. Each holds the
 * job's name from the check that it is not running until the new run is recorded.
 */
public final class JobResumer {

    private final JobLocator locator;
    private final JobController controller;
    private final JobStarter starter;
    private final RestorePoints restorePoints;
    private final ArtifactStore artifacts;
    private final JobRecords records;
    private final YarnCluster yarn;
    private final Duration timeout;

    public JobResumer(
            JobLocator locator,
            JobController controller,
            JobStarter starter,
            RestorePoints restorePoints,
            ArtifactStore artifacts,
            JobRecords records,
            YarnCluster yarn,
            Duration timeout) {
        this.locator = locator;
        this.controller = controller;
        this.starter = starter;
        this.restorePoints = restorePoints;
        this.artifacts = artifacts;
        this.records = records;
        this.yarn = yarn;
        this.timeout = timeout;
    }

    /** @param fromSavepoint a path, or empty for the newest savepoint or checkpoint, whoever took it */
    public StartedJob resume(String nameOrId, Optional<String> fromSavepoint, boolean detached) {
        fromSavepoint.ifPresent(restorePoints::requireRestorable);
        String name = requireRecord(locator.locate(nameOrId)).name();
        return records.underNameLock(name, () -> {
            LocatedJob job = locator.locate(name);
            JobRecord record = requireRecord(job);
            job.running().ifPresent(run -> {
                throw new FerryException(
                        ExitCode.CONFLICT,
                        "Job '" + job.name() + "' is " + run.details().getStatus() + " as " + run.jobId()
                                + ": stop it first ('ferry job stop " + job.name()
                                + "'), or use 'ferry job restart'");
            });
            String restorePath = fromSavepoint.orElseGet(() -> latest(record).path());
            awaitOldClusterEnded(record);
            return starter.rerun(record, Optional.of(restorePath), detached);
        });
    }

    /**
     * Stops the running job with a savepoint and starts it from there, with {@code newJar} and at
     * {@code newParallelism} if given: the upgrade path, and rescaling by a savepoint round trip.
     */
    public StartedJob restart(
            String nameOrId,
            Optional<Path> newJar,
            Optional<String> newEntryClass,
            Optional<Integer> newParallelism,
            boolean detached) {
        // Check the new artifact before the running job is touched.
        Optional<String> mainClass = newJar.map(jar -> ProgramInspector.mainClass(jar, newEntryClass));
        String name = requireRecord(locator.locate(nameOrId)).name();
        return records.underNameLock(name, () -> {
            LocatedJob job = locator.locate(name);
            requireRecord(job);
            JobController.requireRunning(job, "restart");
            String savepoint = controller.stopLocked(job, false).savepoint();
            JobRecord current = records.find(name).orElseThrow();
            if (newJar.isPresent()) {
                current = current.withArtifact(artifacts.upload(newJar.get()), mainClass.get());
            }
            if (newParallelism.isPresent()) {
                current = current.withParallelism(newParallelism.get());
            }
            if (newJar.isPresent() || newParallelism.isPresent()) {
                records.save(current);
            }
            return starter.rerun(current, Optional.of(savepoint), detached);
        });
    }

    private RestorePoint latest(JobRecord record) {
        return restorePoints
                .of(record)
                .latest()
                .orElseThrow(() -> new FerryException(
                        ExitCode.NOT_FOUND,
                        "Job '" + record.name() + "' has no savepoint and no completed checkpoint (looked in "
                                + record.checkpointDir() + ", its savepoint directory and its runs' history):"
                                + " give one with --from-savepoint PATH"));
    }

    private static JobRecord requireRecord(LocatedJob job) {
        return job.record()
                .orElseThrow(() -> new FerryException(
                        ExitCode.NOT_FOUND,
                        "Ferry has no record of job '" + job.name() + "' (it was not started by Ferry): submit it"
                                + " with 'ferry job submit' or 'ferry app run' to manage its lifecycle"));
    }

    /** A job cluster whose job ended may still be shutting down; its name is taken until it is gone. */
    private void awaitOldClusterEnded(JobRecord record) {
        if (record.placement().runsInSession() || record.applicationId() == null) {
            return;
        }
        ApplicationWaiter.awaitEnded(
                yarn,
                ApplicationId.fromString(record.applicationId()),
                Answers.deadline(timeout),
                "The job's previous cluster is still running");
    }
}
