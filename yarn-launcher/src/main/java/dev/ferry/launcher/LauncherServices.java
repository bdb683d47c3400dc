package dev.ferry.launcher;

import dev.ferry.ha.HaException;
import dev.ferry.ha.HaOptions;
import dev.ferry.ha.zookeeper.HaPaths;
import dev.ferry.ha.zookeeper.ZooKeeperConnector;
import dev.ferry.ha.zookeeper.ZooKeeperSettings;
import dev.ferry.launcher.catalog.CatalogService;
import dev.ferry.launcher.catalog.SqlHiveCatalog;
import dev.ferry.launcher.cluster.ClusterLister;
import dev.ferry.launcher.cluster.ClusterObserver;
import dev.ferry.launcher.cluster.ClusterStatusReader;
import dev.ferry.launcher.cluster.JobClusterCleanup;
import dev.ferry.launcher.cluster.SessionKiller;
import dev.ferry.launcher.cluster.SessionStopper;
import dev.ferry.launcher.configuration.EffectiveConfiguration;
import dev.ferry.launcher.configuration.FerryHome;
import dev.ferry.launcher.configuration.FerryOptions;
import dev.ferry.launcher.configuration.FerryVersion;
import dev.ferry.launcher.deployment.ClusterConfigurationFactory;
import dev.ferry.launcher.deployment.ClusterDeployer;
import dev.ferry.launcher.deployment.ClusterStarter;
import dev.ferry.launcher.deployment.DelegationTokens;
import dev.ferry.launcher.deployment.DescriptorSubmission;
import dev.ferry.launcher.diagnosis.DiagnosisThresholds;
import dev.ferry.launcher.diagnosis.JobDiagnostics;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.files.ClientFileSystems;
import dev.ferry.launcher.files.ClusterFiles;
import dev.ferry.launcher.files.HadoopClusterFiles;
import dev.ferry.launcher.ha.ClusterCoordination;
import dev.ferry.launcher.ha.EndedClusterCleanup;
import dev.ferry.launcher.ha.HaDataRemover;
import dev.ferry.launcher.ha.HaDeployment;
import dev.ferry.launcher.ha.HaGarbageCollector;
import dev.ferry.launcher.ha.HaStatusReader;
import dev.ferry.launcher.ha.HdfsHaStorage;
import dev.ferry.launcher.ha.ZooKeeperCoordination;
import dev.ferry.launcher.health.JobHealthReader;
import dev.ferry.launcher.health.JobInspector;
import dev.ferry.launcher.jobs.ArtifactStore;
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
import dev.ferry.launcher.jobs.SharedJars;
import dev.ferry.launcher.jobs.SqlScripts;
import dev.ferry.launcher.jobs.record.FileSystemJobRecords;
import dev.ferry.launcher.jobs.record.JobRecords;
import dev.ferry.launcher.jobs.record.ZooKeeperJobRecords;
import dev.ferry.launcher.logs.AggregatedLogs;
import dev.ferry.launcher.logs.JobManagerLogs;
import dev.ferry.launcher.logs.LogReader;
import dev.ferry.launcher.logs.NodeManagerLogs;
import dev.ferry.launcher.rest.RestJobManagers;
import dev.ferry.launcher.samples.SampleMaker;
import dev.ferry.launcher.samples.SampleStore;
import dev.ferry.launcher.staging.DistStager;
import dev.ferry.launcher.staging.LocalDistScanner;
import dev.ferry.launcher.yarn.QueueInspector;
import dev.ferry.launcher.yarn.YarnClientCluster;
import dev.ferry.launcher.yarn.YarnCluster;
import dev.ferry.launcher.yarn.YarnConnection;

import org.apache.curator.framework.CuratorFramework;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.configuration.JobManagerOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Wires the launcher's services for one command against one YARN cluster. The CLI asks it for
 * the service it needs; nothing else in the CLI touches YARN or a JobManager.
 */
public final class LauncherServices implements AutoCloseable {

    private final FerryHome home;
    private final Path confDir;
    private final EffectiveConfiguration config;
    private final Supplier<Path> hadoopConfDir;
    private final RestJobManagers jobManagers;
    private Path resolvedHadoopConfDir;
    private YarnConnection yarn;
    private CuratorFramework zooKeeper;
    private ClusterFiles clusterFiles;

    /**
     * @param hadoopConfDir resolved only when a service first needs YARN, so that input can be
     *     validated, and refused, before anything is contacted
     */
    public LauncherServices(FerryHome home, Path confDir, EffectiveConfiguration config, Supplier<Path> hadoopConfDir) {
        this.home = home;
        this.confDir = confDir;
        this.config = config;
        this.hadoopConfDir = hadoopConfDir;
        this.jobManagers = new RestJobManagers(config.toFlinkConfiguration(), config.get(FerryOptions.REST_TIMEOUT));
    }

    /** Connects to the ResourceManager on first use; fails fast if it does not answer. */
    public YarnConnection yarn() {
        if (yarn == null) {
            yarn = YarnConnection.open(hadoopConfDir(), config.get(FerryOptions.YARN_CONNECT_TIMEOUT));
        }
        return yarn;
    }

    /** Connects to the HA quorum on first use; fails within its connection timeout. */
    private CuratorFramework zooKeeper() {
        if (zooKeeper == null) {
            if (!haDeployment().enabled()) {
                throw new FerryException(
                        ExitCode.USAGE,
                        "ZooKeeper HA is off: set " + HaOptions.ZOOKEEPER_QUORUM.key() + " in conf/ferry.yaml (or -D)");
            }
            try {
                zooKeeper =
                        ZooKeeperConnector.connect(ZooKeeperSettings.fromConfiguration(config.toFlinkConfiguration()));
            } catch (HaException e) {
                throw new FerryException(ExitCode.UNAVAILABLE, e.getMessage(), e);
            }
        }
        return zooKeeper;
    }

    public HaDeployment haDeployment() {
        return new HaDeployment(config);
    }

    private HdfsHaStorage haStorage() {
        return new HdfsHaStorage(yarn().configuration(), config.get(FerryOptions.HA_STORAGE_DIR));
    }

    public HaStatusReader haStatus() {
        return new HaStatusReader(
                zooKeeper(),
                yarnCluster(),
                haStorage(),
                haDeployment().flinkRoot(),
                config.get(FerryOptions.HA_STORAGE_DIR));
    }

    public HaGarbageCollector haGarbageCollector() {
        return new HaGarbageCollector(
                zooKeeper(), yarnCluster(), haStorage(), haDeployment().flinkRoot(), coordination());
    }

    /** Locks, registry and leader lookup in ZooKeeper when HA is on; YARN alone otherwise. */
    public ClusterCoordination coordination() {
        if (!haDeployment().enabled()) {
            return ClusterCoordination.YARN_ONLY;
        }
        ZooKeeperSettings settings = ZooKeeperSettings.fromConfiguration(config.toFlinkConfiguration());
        return new ZooKeeperCoordination(
                zooKeeper(),
                HaPaths.of(settings),
                config.get(HaOptions.LOCK_TIMEOUT),
                haDeployment().flinkRoot());
    }

    /** With HA on, a stopped or killed cluster's HA data is removed once its JobManager is gone. */
    private EndedClusterCleanup endedClusterCleanup() {
        if (!haDeployment().enabled()) {
            return EndedClusterCleanup.NOTHING_TO_CLEAN;
        }
        Duration sessionExpiry = config.toFlinkConfiguration()
                .get(HighAvailabilityOptions.ZOOKEEPER_SESSION_TIMEOUT)
                .plusSeconds(5);
        return new HaDataRemover(
                zooKeeper(), yarnCluster(), haStorage(), haDeployment().flinkRoot(), sessionExpiry);
    }

    /** Flink's REST clients for the JobManagers YARN names. */
    public RestJobManagers jobManagers() {
        return jobManagers;
    }

    public ClusterObserver clusters() {
        return new ClusterObserver(yarnCluster(), jobManagers);
    }

    public ClusterStatusReader clusterStatus() {
        return new ClusterStatusReader(clusters(), coordination());
    }

    /** YARN's clusters joined with the registry (when HA is on). */
    public ClusterLister clusterLister() {
        return new ClusterLister(clusters(), coordination());
    }

    /** Needs no cluster: builds and checks a session's configuration. */
    public ClusterConfigurationFactory sessionConfigurations() {
        return new ClusterConfigurationFactory(config, home, confDir, FerryVersion.current(), haDeployment());
    }

    public QueueInspector queues() {
        return new QueueInspector(yarnCluster());
    }

    public ClusterStarter clusterStarter() {
        return new ClusterStarter(
                queues(),
                sessionConfigurations(),
                distStager(),
                clusterDeployer(),
                coordination(),
                delegationTokens(),
                config.get(FerryOptions.STAGING_AUTO));
    }

    public DelegationTokens delegationTokens() {
        return DelegationTokens.of(yarn().configuration());
    }

    public ClusterDeployer clusterDeployer() {
        return new ClusterDeployer(
                new DescriptorSubmission(this::yarn),
                yarnCluster(),
                clusters(),
                jobManagers,
                config.get(FerryOptions.DEPLOY_TIMEOUT));
    }

    public SessionStopper sessionStopper() {
        return new SessionStopper(
                yarnCluster(),
                clusters(),
                jobManagers,
                config.get(FerryOptions.STOP_TIMEOUT),
                endedClusterCleanup(),
                coordination());
    }

    public SessionKiller sessionKiller() {
        return new SessionKiller(
                yarnCluster(),
                clusters(),
                config.get(FerryOptions.STOP_TIMEOUT),
                endedClusterCleanup(),
                coordination());
    }

    public DistStager distStager() {
        Path cache = Path.of(System.getProperty("user.home"), ".ferry", "cache", "dist-checksums.properties");
        return new DistStager(
                yarn().configuration(),
                home.root(),
                config.get(FerryOptions.STAGING_DIR),
                FerryVersion.current(),
                new LocalDistScanner(home.root(), cache));
    }

    /** Needs no cluster: reads the Hive Metastore of conf/hive-site.xml (or ferry.hive-catalog.conf-dir). */
    public CatalogService catalog() {
        return CatalogService.from(config.toFlinkConfiguration(), confDir);
    }

    private JobSubmitter jobSubmitter() {
        return new JobSubmitter(
                config.toFlinkConfiguration(),
                jobManagers,
                config.get(FerryOptions.REST_TIMEOUT).multipliedBy(6));
    }

    private JobRunningWaiter jobRunningWaiter() {
        return new JobRunningWaiter(yarnCluster(), clusters(), config.get(FerryOptions.JOB_RUNNING_TIMEOUT));
    }

    /** In the registry in ZooKeeper when HA is on, so records sit beside the clusters; on the cluster FS otherwise. */
    private JobRecords jobRecords() {
        if (haDeployment().enabled()) {
            HaPaths paths = HaPaths.of(ZooKeeperSettings.fromConfiguration(config.toFlinkConfiguration()));
            return new ZooKeeperJobRecords(
                    this::zooKeeper, paths, config.get(HaOptions.LOCK_TIMEOUT), config.get(HaOptions.ZOOKEEPER_QUORUM));
        }
        return new FileSystemJobRecords(
                clusterFiles(), config.get(FerryOptions.JOBS_DIR), config.get(HaOptions.LOCK_TIMEOUT));
    }

    /** YARN's ResourceManager, connected when first asked. */
    private YarnCluster yarnCluster() {
        return new YarnClientCluster(() -> yarn().client());
    }

    /**
     * The cluster file system, reached when first used; through the client configuration alone, so
     * that a command that only reads the file system (a savepoint check) does not need YARN.
     */
    private ClusterFiles clusterFiles() {
        if (clusterFiles == null) {
            clusterFiles = new HadoopClusterFiles(this::hadoopConfiguration);
        }
        return clusterFiles;
    }

    private org.apache.hadoop.conf.Configuration hadoopConfiguration() {
        return yarn != null
                ? yarn.configuration()
                : YarnConnection.loadConfiguration(hadoopConfDir(), config.get(FerryOptions.YARN_CONNECT_TIMEOUT));
    }

    /**
     * The Hadoop configuration of the cluster this command talks to, resolved once. Flink's file
     * systems in this JVM are set up for that cluster then, so that code run here (a job's main
     * method, the SQL planner) reads a path such as {@code hdfs:///out} as the cluster does.
     */
    private Path hadoopConfDir() {
        if (resolvedHadoopConfDir == null) {
            resolvedHadoopConfDir = hadoopConfDir.get();
            ClientFileSystems.useClusterConfiguration(resolvedHadoopConfDir);
        }
        return resolvedHadoopConfDir;
    }

    /**
     * A script is planned (its jars read, its tables' paths opened) before YARN is first asked
     * anything in application mode: Flink's file systems must know the cluster by then. Without a
     * Hadoop configuration the command fails when it reaches the cluster, after the script's own
     * errors were reported.
     */
    private void useClusterFileSystemsIfKnown() {
        try {
            hadoopConfDir();
        } catch (FerryException e) {
            // No Hadoop configuration: paths without authority stay unresolved until then.
        }
    }

    public SharedJars sharedJars() {
        return new SharedJars(clusterFiles(), config.get(FerryOptions.SHARED_JARS_DIR));
    }

    private ArtifactStore artifacts() {
        Path cache = Path.of(System.getProperty("user.home"), ".ferry", "cache", "artifacts");
        return new ArtifactStore(clusterFiles(), config.get(FerryOptions.ARTIFACTS_DIR), cache);
    }

    private JobLocator jobLocator() {
        return new JobLocator(clusters(), jobRecords());
    }

    private RunHistories runHistories() {
        return new RunHistories(
                clusters(),
                jobManagers,
                clusterFiles(),
                Optional.ofNullable(config.toFlinkConfiguration().get(JobManagerOptions.ARCHIVE_DIR)));
    }

    private RestorePoints restorePoints() {
        return new RestorePoints(clusterFiles(), runHistories());
    }

    private JobClusterLauncher jobClusterLauncher() {
        return new JobClusterLauncher(clusterStarter());
    }

    /** Where this gateway's configuration puts checkpoints and savepoints; a job record keeps them for --from-latest. */
    private SnapshotDirectories snapshotDirectories() {
        Configuration flink = config.toFlinkConfiguration();
        return new SnapshotDirectories(
                flink.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY),
                flink.get(CheckpointingOptions.SAVEPOINT_DIRECTORY));
    }

    public SampleStore sampleStore() {
        return new SampleStore(clusterFiles(), config.get(FerryOptions.SAMPLES_DIR));
    }

    public SampleMaker sampleMaker() {
        return new SampleMaker(sampleStore(), sqlScripts()::sampleWriter, clusters(), clusterFiles());
    }

    private SqlScripts sqlScripts() {
        return new SqlScripts(
                config.toFlinkConfiguration(),
                home.libDir(),
                () -> SqlHiveCatalog.from(config.toFlinkConfiguration(), confDir),
                this::useClusterFileSystemsIfKnown);
    }

    public JobStarter jobStarter() {
        return new JobStarter(
                jobSubmitter(),
                sqlScripts(),
                clusters(),
                this::jobClusterLauncher,
                jobRunningWaiter(),
                jobLocator(),
                jobRecords(),
                artifacts(),
                restorePoints(),
                snapshotDirectories(),
                sampleStore());
    }

    public JobController jobController() {
        return new JobController(
                jobLocator(),
                jobRecords(),
                jobManagers,
                new JobClusterCleanup(yarnCluster(), coordination(), endedClusterCleanup()),
                config.get(FerryOptions.STOP_TIMEOUT));
    }

    public JobResumer jobResumer() {
        return new JobResumer(
                jobLocator(),
                jobController(),
                jobStarter(),
                restorePoints(),
                artifacts(),
                jobRecords(),
                yarnCluster(),
                config.get(FerryOptions.STOP_TIMEOUT));
    }

    public JobScaler jobScaler() {
        return new JobScaler(
                jobController(),
                jobStarter(),
                jobRecords(),
                jobManagers,
                jobRunningWaiter(),
                config.get(FerryOptions.REST_TIMEOUT));
    }

    /** A job's health now, from its JobManager, for 'ferry metrics' and 'ferry diagnose'. */
    public JobInspector jobInspector() {
        return new JobInspector(
                jobLocator(), jobManagers, yarnCluster(), new JobHealthReader(config.get(FerryOptions.REST_TIMEOUT)));
    }

    /** 'ferry logs': the NodeManagers while a cluster runs, YARN's aggregated logs once it ended. */
    public LogReader logReader() {
        return new LogReader(
                clusters(),
                jobLocator(),
                List.of(
                        new NodeManagerLogs(yarnCluster(), config.get(FerryOptions.REST_TIMEOUT)),
                        new JobManagerLogs(yarnCluster(), config.get(FerryOptions.REST_TIMEOUT))),
                new AggregatedLogs(this::hadoopConfiguration),
                java.time.Clock.systemDefaultZone());
    }

    public JobDiagnostics jobDiagnostics() {
        return new JobDiagnostics(jobInspector(), DiagnosisThresholds.from(config));
    }

    public JobLister jobLister() {
        return new JobLister(
                jobLocator(), restorePoints(), runHistories(), jobManagers, config.get(FerryOptions.REST_TIMEOUT));
    }

    @Override
    public void close() {
        if (zooKeeper != null) {
            zooKeeper.close();
        }
        if (yarn != null) {
            yarn.close();
        }
    }
}
