package dev.ferry.launcher.jobs;

import dev.ferry.launcher.cluster.ClusterObserver;
import dev.ferry.launcher.files.ClusterFiles;
import dev.ferry.launcher.rest.CheckpointHistory;
import dev.ferry.launcher.rest.JobArchive;
import dev.ferry.launcher.rest.JobManager;
import dev.ferry.launcher.rest.JobManagers;

import org.apache.flink.api.common.JobID;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The savepoints and checkpoints Flink recorded for one run of a job, whoever triggered them
 * (Ferry, Flink's CLI, its REST API or web UI): from the run's JobManager while its cluster still
 * knows the job (a session keeps ended jobs for an hour), else from the archive the JobManager
 * wrote when the job ended ({@code jobmanager.archive.fs.dir}). A run whose cluster was killed
 * has neither; its retained checkpoints are on the file system ({@link RestorePoints}).
 */
public final class RunHistories {

    private static final Logger LOG = LoggerFactory.getLogger(RunHistories.class);

    private final ClusterObserver observer;
    private final JobManagers jobManagers;
    private final ClusterFiles files;
    private final Optional<String> archiveDir;

    public RunHistories(
            ClusterObserver observer, JobManagers jobManagers, ClusterFiles files, Optional<String> archiveDir) {
        this.observer = observer;
        this.jobManagers = jobManagers;
        this.files = files;
        this.archiveDir = archiveDir;
    }

    /**
     * @param applicationId the cluster the run ran in, if known
     * @param jobId the run's Flink job id
     */
    public CheckpointHistory of(Optional<String> applicationId, String jobId) {
        JobID id = JobID.fromHexString(jobId);
        return applicationId
                .flatMap(this::runningCluster)
                .flatMap(cluster -> fromJobManager(cluster, id))
                .or(() -> fromArchive(id))
                .orElse(CheckpointHistory.EMPTY);
    }

    private Optional<ApplicationReport> runningCluster(String applicationId) {
        return observer.application(ApplicationId.fromString(applicationId))
                .filter(report -> report.getYarnApplicationState() == YarnApplicationState.RUNNING);
    }

    /** Empty when the JobManager does not answer or no longer knows the job. */
    private Optional<CheckpointHistory> fromJobManager(ApplicationReport cluster, JobID job) {
        try (JobManager jobManager = jobManagers.open(cluster)) {
            return Optional.of(
                    jobManager.checkpoints(job).get(jobManagers.callTimeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            LOG.debug("No checkpoint history of {} from {}", job, cluster.getApplicationId(), e);
            return Optional.empty();
        }
    }

    private Optional<CheckpointHistory> fromArchive(JobID job) {
        if (archiveDir.isEmpty()) {
            return Optional.empty();
        }
        String archive = archiveDir.get() + "/" + job;
        return files.read(archive).flatMap(bytes -> {
            try {
                return JobArchive.checkpoints(bytes, job);
            } catch (IOException e) {
                LOG.warn("Ignoring the unreadable job archive {}", archive, e);
                return Optional.empty();
            }
        });
    }
}
