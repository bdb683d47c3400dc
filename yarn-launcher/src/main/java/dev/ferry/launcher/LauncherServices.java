package dev.ferry.launcher;

import dev.ferry.ha.HaException;
import dev.ferry.ha.HaOptions;
import dev.ferry.ha.registry.JobRegistry;
import dev.ferry.ha.zookeeper.HaPaths;
import dev.ferry.ha.zookeeper.ZooKeeperConnector;
import dev.ferry.ha.zookeeper.ZooKeeperSettings;
import dev.ferry.launcher.FerryException.ExitCode;
import dev.ferry.launcher.bench.BenchSessions;
import dev.ferry.launcher.bench.DeployBench;
import dev.ferry.launcher.bench.FailoverBench;
import dev.ferry.launcher.bench.FerryShell;
import dev.ferry.launcher.bench.JobManagerKiller;
import dev.ferry.launcher.bench.NexmarkSessions;
import dev.ferry.launcher.bench.StockFlinkConfiguration;
import dev.ferry.launcher.bench.SubmitBench;
import dev.ferry.launcher.catalog.CatalogService;
import dev.ferry.launcher.catalog.SqlHiveCatalog;
import dev.ferry.launcher.cluster.ClusterLister;
import dev.ferry.launcher.cluster.ClusterObserver;
import dev.ferry.launcher.cluster.EndedClusterCleanup;
import dev.ferry.launcher.cluster.JobClusterCleanup;
import dev.ferry.launcher.cluster.JobManagerClients;
import dev.ferry.launcher.cluster.SessionKiller;
import dev.ferry.launcher.cluster.SessionStopper;
import dev.ferry.launcher.configuration.EffectiveConfiguration;
import dev.ferry.launcher.configuration.FerryHome;
import dev.ferry.launcher.configuration.FerryOptions;
import dev.ferry.launcher.coordination.ClusterCoordination;
import dev.ferry.launcher.coordination.ZooKeeperCoordination;
import dev.ferry.launcher.deployment.ClusterConfigurationFactory;
import dev.ferry.launcher.deployment.ClusterDeployer;
import dev.ferry.launcher.deployment.ClusterStarter;
import dev.ferry.launcher.deployment.DelegationTokens;
import dev.ferry.launcher.ha.HaDataRemover;
import dev.ferry.launcher.ha.HaDeployment;
import dev.ferry.launcher.ha.HaGarbageCollector;
import dev.ferry.launcher.ha.HaStatusReader;
import dev.ferry.launcher.ha.HdfsHaStorage;
import dev.ferry.launcher.jobs.ArtifactStore;
import dev.ferry.launcher.jobs.FileSystemJobRecords;
import dev.ferry.launcher.jobs.JobClusterLauncher;
import dev.ferry.launcher.jobs.JobController;
import dev.ferry.launcher.jobs.JobLister;
import dev.ferry.launcher.jobs.JobLocator;
import dev.ferry.launcher.jobs.JobRecords;
import dev.ferry.launcher.jobs.JobResumer;
import dev.ferry.launcher.jobs.JobRunningWaiter;
import dev.ferry.launcher.jobs.JobStarter;
import dev.ferry.launcher.jobs.JobSubmitter;
import dev.ferry.launcher.jobs.RestorePoints;
import dev.ferry.launcher.jobs.SqlScripts;
import dev.ferry.launcher.jobs.ZooKeeperJobRecords;
import dev.ferry.launcher.staging.DistStager;
import dev.ferry.launcher.staging.LocalDistScanner;
import dev.ferry.launcher.yarn.QueueInspector;
import dev.ferry.launcher.yarn.YarnConnection;
import dev.ferry.nexmark.bench.NexmarkBench;

import org.apache.curator.framework.CuratorFramework;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.hadoop.fs.FileSystem;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
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
    private final JobManagerClients jobManagers;
    private YarnConnection yarn;
    private CuratorFramework zooKeeper;

    /**
     * @param hadoopConfDir resolved only when a service first needs YARN, so that input can be
     *     validated, and refused, before anything is contacted
     */
    public LauncherServices(FerryHome home, Path confDir, EffectiveConfiguration config, Supplier<Path> hadoopConfDir) {
        this.home = home;
        this.confDir = confDir;
        this.config = config;
        this.hadoopConfDir = hadoopConfDir;
        this.jobManagers = new JobManagerClients(config.toFlinkConfiguration(), config.get(FerryOptions.REST_TIMEOUT));
    }

    /** Connects to the ResourceManager on first use; fails fast if it does not answer. */
    private YarnConnection yarn() {
        if (yarn == null) {
            yarn = YarnConnection.open(hadoopConfDir.get(), config.get(FerryOptions.YARN_CONNECT_TIMEOUT));
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
                yarn().client(),
                haStorage(),
                haDeployment().flinkRoot(),
                config.get(FerryOptions.HA_STORAGE_DIR));
    }

    public HaGarbageCollector haGarbageCollector() {
        return new HaGarbageCollector(
                zooKeeper(), yarn().client(), haStorage(), haDeployment().flinkRoot(), coordination());
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
                zooKeeper(), yarn().client(), haStorage(), haDeployment().flinkRoot(), sessionExpiry);
    }

    public ClusterObserver clusters() {
        return new ClusterObserver(yarn().client(), jobManagers);
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
        return new QueueInspector(yarn().client());
    }

    public ClusterStarter clusterStarter() {
        return new ClusterStarter(
                queues(), sessionConfigurations(), distStager(), clusterDeployer(), coordination(), delegationTokens());
    }

    private DelegationTokens delegationTokens() {
        return DelegationTokens.of(yarn().configuration());
    }

    private ClusterDeployer clusterDeployer() {
        return new ClusterDeployer(yarn(), clusters(), jobManagers, config.get(FerryOptions.DEPLOY_TIMEOUT));
    }

    private StockFlinkConfiguration stockFlink() {
        return new StockFlinkConfiguration(config, sessionConfigurations());
    }

    private BenchSessions benchSessions() {
        return new BenchSessions(
                clusterStarter(),
                clusterDeployer(),
                sessionConfigurations(),
                stockFlink(),
                queues(),
                clusters(),
                sessionKiller(),
                distStager(),
                delegationTokens());
    }

    public DeployBench deployBench() {
        return new DeployBench(benchSessions());
    }

    /** Needs ZooKeeper HA; the counting jobs write under /ferry/bench/failover on the default file system. */
    public FailoverBench failoverBench() {
        URI output = FileSystem.getDefaultUri(yarn().configuration()).resolve("/ferry/bench/failover");
        return new FailoverBench(
                benchSessions(),
                this::jobStarter,
                new JobManagerKiller(yarn().client()),
                yarn().client(),
                home.examplesDir(),
                output,
                haDeployment().enabled(),
                config.get(FerryOptions.JOB_RUNNING_TIMEOUT).plusSeconds(60));
    }

    /** Local MiniClusters in this JVM; Ferry's side takes its options from this installation's config.yaml. */
    public NexmarkBench nexmarkBench(Consumer<String> progress) {
        return new NexmarkBench(progress);
    }

    /**
     * A Ferry and a stock session for 'ferry bench nexmark --yarn', each with {@code parallelism}
     * warm TaskManagers; q13's side input goes to /ferry/bench/nexmark on the default file system.
     */
    public NexmarkSessions nexmarkSessions(Optional<String> queue, int parallelism) {
        URI sideInput = FileSystem.getDefaultUri(yarn().configuration()).resolve("/ferry/bench/nexmark/side_input.csv");
        return NexmarkSessions.start(benchSessions(), queue, parallelism, yarn().configuration(), sideInput);
    }

    /** The Flink configuration of this installation: conf/config.yaml, ferry.yaml and -D. */
    public Configuration flinkConfiguration() {
        return config.toFlinkConfiguration();
    }

    /** {@code shell} runs bin/ferry against the same cluster for the whole-process variant. */
    public SubmitBench submitBench(FerryShell shell) {
        JobSubmitter stockSubmitter = new JobSubmitter(
                stockFlink().client(),
                jobManagers,
                config.get(FerryOptions.REST_TIMEOUT).multipliedBy(6));
        return new SubmitBench(
                benchSessions(),
                this::jobStarter,
                stockSubmitter,
                jobManagers,
                shell,
                home.examplesDir(),
                config.get(FerryOptions.JOB_RUNNING_TIMEOUT));
    }

    public SessionStopper sessionStopper() {
        return new SessionStopper(
                yarn().client(),
                clusters(),
                jobManagers,
                config.get(FerryOptions.STOP_TIMEOUT),
                endedClusterCleanup(),
                coordination());
    }

    public SessionKiller sessionKiller() {
        return new SessionKiller(
                yarn().client(),
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
        return new JobRunningWaiter(yarn().client(), clusters(), config.get(FerryOptions.JOB_RUNNING_TIMEOUT));
    }

    /** In the registry in ZooKeeper when HA is on, so records sit beside the clusters; on the cluster FS otherwise. */
    private JobRecords jobRecords() {
        if (haDeployment().enabled()) {
            HaPaths paths = HaPaths.of(ZooKeeperSettings.fromConfiguration(config.toFlinkConfiguration()));
            return new ZooKeeperJobRecords(
                    new JobRegistry(zooKeeper(), paths),
                    "ZooKeeper " + config.get(HaOptions.ZOOKEEPER_QUORUM) + paths.jobs());
        }
        return new FileSystemJobRecords(yarn().configuration(), config.get(FerryOptions.JOBS_DIR));
    }

    private ArtifactStore artifacts() {
        Path cache = Path.of(System.getProperty("user.home"), ".ferry", "cache", "artifacts");
        return new ArtifactStore(yarn().configuration(), config.get(FerryOptions.ARTIFACTS_DIR), cache);
    }

    private JobLocator jobLocator() {
        return new JobLocator(clusters(), jobRecords());
    }

    private RestorePoints restorePoints() {
        return new RestorePoints(yarn().configuration());
    }

    private JobClusterLauncher jobClusterLauncher() {
        return new JobClusterLauncher(clusterStarter());
    }

    /** Where this gateway's configuration puts checkpoints; a job record keeps it for --from-latest. */
    private String checkpointDir() {
        return config.toFlinkConfiguration().get(CheckpointingOptions.CHECKPOINTS_DIRECTORY);
    }

    public JobStarter jobStarter() {
        return new JobStarter(
                jobSubmitter(),
                new SqlScripts(
                        config.toFlinkConfiguration(),
                        home.libDir(),
                        () -> SqlHiveCatalog.from(config.toFlinkConfiguration(), confDir)),
                clusters(),
                this::jobClusterLauncher,
                jobRunningWaiter(),
                yarn().client(),
                jobLocator(),
                jobRecords(),
                artifacts(),
                checkpointDir());
    }

    public JobController jobController() {
        return new JobController(
                jobLocator(),
                jobRecords(),
                jobManagers,
                new JobClusterCleanup(yarn().client(), coordination(), endedClusterCleanup()),
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
                yarn().client(),
                config.get(FerryOptions.STOP_TIMEOUT));
    }

    public JobLister jobLister() {
        return new JobLister(jobLocator(), restorePoints());
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
