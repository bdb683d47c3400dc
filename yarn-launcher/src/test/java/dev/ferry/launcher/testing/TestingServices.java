package dev.ferry.launcher.testing;

import dev.ferry.launcher.catalog.SqlHiveCatalog;
import dev.ferry.launcher.cluster.ClusterObserver;
import dev.ferry.launcher.cluster.JobClusterCleanup;
import dev.ferry.launcher.cluster.SessionKiller;
import dev.ferry.launcher.cluster.SessionStopper;
import dev.ferry.launcher.ha.ClusterCoordination;
import dev.ferry.launcher.ha.EndedClusterCleanup;
import dev.ferry.launcher.health.JobHealthReader;
import dev.ferry.launcher.health.JobInspector;
import dev.ferry.launcher.jobs.ArtifactStore;
import dev.ferry.launcher.jobs.JobController;
import dev.ferry.launcher.jobs.JobLister;
import dev.ferry.launcher.jobs.JobLocator;
import dev.ferry.launcher.jobs.JobResumer;
import dev.ferry.launcher.jobs.JobRunningWaiter;
import dev.ferry.launcher.jobs.JobStarter;
import dev.ferry.launcher.jobs.JobStarter.SnapshotDirectories;
import dev.ferry.launcher.jobs.JobSubmitter;
import dev.ferry.launcher.jobs.RestorePoints;
import dev.ferry.launcher.jobs.RunHistories;
import dev.ferry.launcher.jobs.SqlScripts;
import dev.ferry.launcher.jobs.record.FileSystemJobRecords;
import dev.ferry.launcher.jobs.record.JobRecords;

import org.apache.flink.configuration.Configuration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The launcher's lifecycle services wired to in-memory fakes of YARN, the JobManagers' REST API
 * and the cluster file system, as {@code LauncherServices} wires them to the real ones. Job
 * records are Ferry's file-system records on the fake file system. Tests arrange the fakes, call a
 * service, and check what the fakes and the records say afterwards.
 */
public final class TestingServices {

    /** How long a call that does not answer is waited for: short, since tests make calls hang on purpose. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);
    /** From submit to RUNNING, which includes building the JobGraph, seconds on a cold JVM. */
    public static final Duration RUNNING_TIMEOUT = Duration.ofSeconds(60);

    public final TestClock clock = new TestClock();
    public final InMemoryClusterFiles files = new InMemoryClusterFiles(clock);
    public final TestingYarnCluster yarn = new TestingYarnCluster(clock);
    public final TestingJobManagers jobManagers = new TestingJobManagers(yarn, files, clock);
    public final JobRecords records;
    private final Path localCache;

    public TestingServices(Path workDir) {
        this.localCache = workDir.resolve("artifact-cache");
        this.records = new FileSystemJobRecords(files, "/ferry/jobs", Duration.ofMillis(300), clock);
    }

    public ClusterObserver observer() {
        return new ClusterObserver(yarn, jobManagers);
    }

    public JobLocator locator() {
        return new JobLocator(observer(), records);
    }

    public RunHistories histories() {
        return new RunHistories(observer(), jobManagers, files, Optional.of(TestingFlinkCluster.ARCHIVE_DIR));
    }

    public RestorePoints restorePoints() {
        return new RestorePoints(files, histories());
    }

    public ArtifactStore artifacts() {
        return new ArtifactStore(files, "/ferry/artifacts", localCache);
    }

    public JobStarter jobStarter() {
        return new JobStarter(
                new JobSubmitter(new Configuration(), jobManagers, TIMEOUT),
                new SqlScripts(new Configuration(), localCache, SqlHiveCatalog::none),
                observer(),
                () -> {
                    throw new IllegalStateException("this test runs no job clusters");
                },
                new JobRunningWaiter(yarn, observer(), RUNNING_TIMEOUT),
                locator(),
                records,
                artifacts(),
                restorePoints(),
                new SnapshotDirectories(TestingFlinkCluster.CHECKPOINT_DIR, TestingFlinkCluster.SAVEPOINT_DIR));
    }

    public JobController controller() {
        return new JobController(
                locator(),
                records,
                jobManagers,
                new JobClusterCleanup(yarn, ClusterCoordination.YARN_ONLY, EndedClusterCleanup.NOTHING_TO_CLEAN),
                TIMEOUT);
    }

    public JobResumer resumer() {
        return new JobResumer(
                locator(), controller(), jobStarter(), restorePoints(), artifacts(), records, yarn, TIMEOUT);
    }

    public JobLister lister() {
        return new JobLister(locator(), restorePoints(), histories());
    }

    public JobInspector jobInspector() {
        return new JobInspector(locator(), jobManagers, yarn, new JobHealthReader(TIMEOUT));
    }

    public SessionStopper sessionStopper() {
        return new SessionStopper(
                yarn,
                observer(),
                jobManagers,
                TIMEOUT,
                EndedClusterCleanup.NOTHING_TO_CLEAN,
                ClusterCoordination.YARN_ONLY);
    }

    public SessionKiller sessionKiller() {
        return new SessionKiller(
                yarn, observer(), TIMEOUT, EndedClusterCleanup.NOTHING_TO_CLEAN, ClusterCoordination.YARN_ONLY);
    }
}
