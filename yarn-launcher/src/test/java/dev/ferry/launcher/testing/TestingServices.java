package dev.ferry.launcher.testing;

import dev.ferry.launcher.catalog.SqlHiveCatalog;
import dev.ferry.launcher.cluster.ClusterObserver;
import dev.ferry.launcher.cluster.JobClusterCleanup;
import dev.ferry.launcher.cluster.SessionKiller;
import dev.ferry.launcher.cluster.SessionStopper;
import dev.ferry.launcher.configuration.ConfigurationLoader;
import dev.ferry.launcher.configuration.EffectiveConfiguration;
import dev.ferry.launcher.configuration.FerryHome;
import dev.ferry.launcher.deployment.ClusterConfigurationFactory;
import dev.ferry.launcher.deployment.ClusterDeployer;
import dev.ferry.launcher.deployment.ClusterStarter;
import dev.ferry.launcher.deployment.DelegationTokens;
import dev.ferry.launcher.deployment.DeployCall;
import dev.ferry.launcher.deployment.YarnSubmission;
import dev.ferry.launcher.ha.ClusterCoordination;
import dev.ferry.launcher.ha.EndedClusterCleanup;
import dev.ferry.launcher.ha.HaDeployment;
import dev.ferry.launcher.health.JobHealthReader;
import dev.ferry.launcher.health.JobInspector;
import dev.ferry.launcher.jobs.ArtifactStore;
import dev.ferry.launcher.jobs.JarJobSpec;
import dev.ferry.launcher.jobs.JobClusterLauncher;
import dev.ferry.launcher.jobs.JobController;
import dev.ferry.launcher.jobs.JobLister;
import dev.ferry.launcher.jobs.JobLocator;
import dev.ferry.launcher.jobs.JobResumer;
import dev.ferry.launcher.jobs.JobRunningWaiter;
import dev.ferry.launcher.jobs.JobScaler;
import dev.ferry.launcher.jobs.JobStarter;
import dev.ferry.launcher.jobs.JobStarter.SnapshotDirectories;
import dev.ferry.launcher.jobs.JobSubmitter;
import dev.ferry.launcher.jobs.RestorePoints;
import dev.ferry.launcher.jobs.RunHistories;
import dev.ferry.launcher.jobs.SqlScripts;
import dev.ferry.launcher.jobs.record.FileSystemJobRecords;
import dev.ferry.launcher.jobs.record.JobPlacement;
import dev.ferry.launcher.jobs.record.JobRecords;
import dev.ferry.launcher.samples.SampleMaker;
import dev.ferry.launcher.samples.SampleStore;
import dev.ferry.launcher.staging.DistStager;
import dev.ferry.launcher.staging.LocalDistScanner;
import dev.ferry.launcher.yarn.QueueInspector;

import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.PipelineOptionsInternal;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.yarn.configuration.YarnConfigOptions;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

    private final Path workDir;
    private YarnSubmission submission = TestingServices::refuseDeploys;

    public TestingServices(Path workDir) {
        this.workDir = workDir;
        this.localCache = workDir.resolve("artifact-cache");
        this.records = new FileSystemJobRecords(files, "/ferry/jobs", Duration.ofMillis(300), clock);
    }

    private static ApplicationId refuseDeploys(Configuration config, DeployCall call) {
        throw new IllegalStateException("this test deploys no clusters: give one with deploys(...)");
    }

    /** How YARN takes the clusters this test deploys (Flink's descriptor in production). */
    public TestingServices deploys(YarnSubmission submission) {
        this.submission = submission;
        return this;
    }

    /**
     * Deploys as application mode does: YARN runs a cluster that runs the job the deploy names
     * (fixed job id, name, restore path) and ends with it.
     */
    public TestingServices deploysApplications() {
        return deploys((config, call) -> {
            String name = config.get(YarnConfigOptions.APPLICATION_NAME);
            String deployId = config.get(YarnConfigOptions.APPLICATION_TAGS).replaceAll(".*ferry-deploy:", "");
            ApplicationReport cluster = yarn.runCluster(name, "application", deployId);
            jobManagers
                    .cluster(cluster)
                    .runApplication(
                            JobID.fromHexString(config.get(PipelineOptionsInternal.PIPELINE_FIXED_JOB_ID)),
                            config.get(PipelineOptions.NAME),
                            SavepointRestoreSettings.fromConfiguration(config).getRestorePath(),
                            config.get(PipelineOptions.PARALLELISM_OVERRIDES));
            return cluster.getApplicationId();
        });
    }

    /** Starts job clusters: sized and checked as the real launcher does, deployed through {@link #deploys}. */
    public JobClusterLauncher jobClusterLauncher() {
        try {
            Path home = Files.createDirectories(workDir.resolve("home"));
            Files.createDirectories(home.resolve("lib"));
            Files.createDirectories(home.resolve("conf"));
            if (!Files.exists(home.resolve("lib/flink-dist-1.20.1-ferry.jar"))) {
                Files.writeString(home.resolve("lib/flink-dist-1.20.1-ferry.jar"), "");
                Files.writeString(
                        home.resolve("conf/config.yaml"),
                        "jobmanager.memory.process.size: 1024m\ntaskmanager.memory.process.size: 1024m\n");
            }
            EffectiveConfiguration config = new ConfigurationLoader(home.resolve("conf")).load(Map.of());
            ClusterConfigurationFactory configurations = new ClusterConfigurationFactory(
                    config, new FerryHome(home), home.resolve("conf"), "test", new HaDeployment(config));
            DistStager stager = new DistStager(
                    new org.apache.hadoop.conf.Configuration(),
                    home,
                    workDir.resolve("staging").toString(),
                    "test",
                    new LocalDistScanner(home, workDir.resolve("dist-checksums.properties")));
            ClusterDeployer deployer =
                    new ClusterDeployer(submission, yarn, observer(), jobManagers, Duration.ofSeconds(10));
            return new JobClusterLauncher(new ClusterStarter(
                    new QueueInspector(yarn),
                    configurations,
                    stager,
                    deployer,
                    ClusterCoordination.YARN_ONLY,
                    DelegationTokens.of(new org.apache.hadoop.conf.Configuration()),
                    true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                new SqlScripts(new Configuration(), localCache, SqlHiveCatalog::none, () -> {}),
                observer(),
                this::jobClusterLauncher,
                new JobRunningWaiter(yarn, observer(), RUNNING_TIMEOUT),
                locator(),
                records,
                artifacts(),
                restorePoints(),
                new SnapshotDirectories(TestingFlinkCluster.CHECKPOINT_DIR, TestingFlinkCluster.SAVEPOINT_DIR),
                sampleStore());
    }

    public SampleStore sampleStore() {
        return new SampleStore(files, "/ferry/samples");
    }

    public SampleMaker sampleMaker() {
        return new SampleMaker(
                sampleStore(),
                new SqlScripts(new Configuration(), localCache, SqlHiveCatalog::none, () -> {})::sampleWriter,
                observer(),
                files);
    }

    /**
     * Starts {@link TinyJob} under {@code name} in the running session {@code session}, as {@code
     * ferry job submit} does; returns its job id.
     */
    public JobID submitTinyJob(String name, String session) {
        return JobID.fromHexString(jobStarter()
                .startJar(new JarJobSpec(
                        Optional.of(name),
                        TinyJobJar.in(workDir),
                        Optional.empty(),
                        List.of(),
                        Optional.empty(),
                        JobPlacement.inSession(session),
                        Optional.empty(),
                        false))
                .jobId());
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
        return new JobLister(locator(), restorePoints(), histories(), jobManagers, TIMEOUT);
    }

    public JobScaler scaler() {
        return new JobScaler(
                controller(),
                jobStarter(),
                records,
                jobManagers,
                new JobRunningWaiter(yarn, observer(), RUNNING_TIMEOUT),
                TIMEOUT);
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
