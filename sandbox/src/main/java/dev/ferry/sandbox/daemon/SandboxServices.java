package dev.ferry.sandbox.daemon;

import dev.ferry.sandbox.cluster.ClientConfiguration;
import dev.ferry.sandbox.cluster.EmbeddedCluster;
import dev.ferry.sandbox.cluster.HdfsPorts;
import dev.ferry.sandbox.cluster.RunningCluster;
import dev.ferry.sandbox.cluster.YarnPorts;
import dev.ferry.sandbox.home.FerryHomeLayout;
import dev.ferry.sandbox.metastore.MetastoreProcess;
import dev.ferry.sandbox.metastore.MetastoreSettings;
import dev.ferry.sandbox.metastore.MetastoreSite;
import dev.ferry.sandbox.monitoring.MonitoringBinaries;
import dev.ferry.sandbox.monitoring.MonitoringSettings;
import dev.ferry.sandbox.monitoring.MonitoringStack;
import dev.ferry.sandbox.state.SandboxPaths;
import dev.ferry.sandbox.state.SandboxPorts;

import org.apache.hadoop.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Everything the daemon runs: the embedded cluster, the metastore process, and Prometheus,
 * Alertmanager and a Pushgateway where they are installed.
 */
final class SandboxServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServices.class);
    private static final Duration METASTORE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration MONITORING_TIMEOUT = Duration.ofMinutes(1);
    /** As ferry.metrics.push-interval's default: Prometheus reads each push once. */
    private static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(15);
    /** Shorter than a real cluster's 30 s: on the sandbox one tries an alert out and waits for it. */
    private static final Duration ALERT_GROUP_WAIT = Duration.ofSeconds(10);

    private final RunningCluster cluster;
    private final MetastoreProcess metastore;
    private final Optional<MonitoringStack> monitoring;
    private final Map<String, String> addresses;

    private SandboxServices(
            RunningCluster cluster,
            MetastoreProcess metastore,
            Optional<MonitoringStack> monitoring,
            Map<String, String> addresses) {
        this.cluster = cluster;
        this.metastore = metastore;
        this.monitoring = monitoring;
        this.addresses = addresses;
    }

    /**
     * Starts all services on the sandbox's fixed ports and writes the client conf dir.
     *
     * @param stopRequested checked between steps, so that a SIGTERM during a start ends it early
     */
    static SandboxServices start(
            DaemonArguments args, SandboxPaths paths, SandboxPorts ports, BooleanSupplier stopRequested)
            throws Exception {
        FerryHomeLayout home = new FerryHomeLayout(args.ferryHome());
        RunningCluster cluster = startCluster(args, paths, ports, home);
        MetastoreProcess metastore = null;
        try {
            checkNotStopped(stopRequested);
            MetastoreSettings metastoreSettings = new MetastoreSettings(
                    args.metastoreDbType(),
                    paths.metastoreDir(),
                    paths.metastoreConfDir(),
                    ports.metastore(),
                    cluster.hdfsUri(),
                    args.metastoreJdbcUrl().isBlank()
                            ? args.metastoreDbType().jdbcUrl(paths.metastoreDir())
                            : args.metastoreJdbcUrl());
            createWarehouse(cluster, metastoreSettings);
            cluster.writeClientConfDir(paths.confDir());
            ClientConfiguration.writeSite(
                    paths.confDir().resolve("hive-site.xml"), MetastoreSite.clientKeys(metastoreSettings));
            metastore = MetastoreProcess.start(
                    home, metastoreSettings, paths.tmpDir(), paths.metastoreLog(), METASTORE_TIMEOUT);
            checkNotStopped(stopRequested);
            Optional<MonitoringStack> monitoring = startMonitoring(paths, ports);
            Map<String, String> addresses = addresses(cluster, metastoreSettings);
            monitoring.ifPresent(stack -> addresses.putAll(stack.addresses()));
            return new SandboxServices(cluster, metastore, monitoring, addresses);
        } catch (Exception | Error e) {
            if (metastore != null) {
                metastore.close();
            }
            cluster.close();
            throw e;
        }
    }

    /** The monitoring stack where it is installed; without it the sandbox runs all the same. */
    private static Optional<MonitoringStack> startMonitoring(SandboxPaths paths, SandboxPorts ports)
            throws IOException, InterruptedException {
        Optional<MonitoringBinaries> binaries = MonitoringBinaries.find();
        if (binaries.isEmpty()) {
            LOG.info("No Prometheus, Alertmanager and Pushgateway on the PATH: running without them; "
                    + MonitoringBinaries.INSTALL_HINT);
            return Optional.empty();
        }
        MonitoringSettings settings = new MonitoringSettings(
                paths.monitoringDir(),
                paths.alertRulesDir(),
                paths.monitoringDataDir(),
                paths.logDir(),
                ports.prometheus(),
                ports.alertmanager(),
                ports.pushgateway(),
                "",
                SCRAPE_INTERVAL,
                ALERT_GROUP_WAIT);
        return Optional.of(MonitoringStack.start(binaries.get(), settings, MONITORING_TIMEOUT));
    }

    private static void checkNotStopped(BooleanSupplier stopRequested) {
        if (stopRequested.getAsBoolean()) {
            throw new CancellationException("Stopped while starting");
        }
    }

    private static RunningCluster startCluster(
            DaemonArguments args, SandboxPaths paths, SandboxPorts ports, FerryHomeLayout home) throws Exception {
        return EmbeddedCluster.builder()
                .name("sandbox")
                .nodeManagerMemoryMb(args.nodeManagerMemoryMb())
                .nodeManagerVcores(args.nodeManagerVcores())
                // Two queues so that queue selection can be tried out.
                .queue("default", 50)
                .queue("analytics", 50)
                // Containers read the client configuration (RM scheduler address, fs.defaultFS) from
                // their class path, as they would from HADOOP_CONF_DIR on a real cluster.
                .applicationClasspath(
                        Stream.concat(Stream.of(paths.confDir().toString()), home.containerHadoopClassPath().stream())
                                .toList())
                .withHdfs()
                .hdfsBaseDir(paths.hdfsDir())
                .hdfsPorts(new HdfsPorts(ports.nameNodeRpc(), ports.nameNodeHttp()))
                .withZooKeeper()
                .zooKeeperDataDir(paths.zooKeeperDir())
                .zooKeeperPort(ports.zooKeeper())
                .yarnPorts(new YarnPorts(
                        ports.resourceManager(),
                        ports.resourceManagerScheduler(),
                        ports.resourceManagerTracker(),
                        ports.resourceManagerAdmin(),
                        ports.resourceManagerWeb()))
                .build()
                .start();
    }

    private static void createWarehouse(RunningCluster cluster, MetastoreSettings settings) throws Exception {
        try (FileSystem fs = FileSystem.get(cluster.hdfsUri(), cluster.hadoopConfiguration())) {
            fs.mkdirs(new org.apache.hadoop.fs.Path(settings.warehouseDir()));
        }
    }

    private static Map<String, String> addresses(RunningCluster cluster, MetastoreSettings metastore) {
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("zookeeper", cluster.zooKeeperConnectString());
        addresses.put("hdfs", cluster.hdfsUri().toString());
        addresses.put("yarn-resourcemanager", cluster.resourceManagerAddress());
        addresses.put("yarn-web", "http://" + cluster.resourceManagerWebAddress());
        addresses.put("hive-metastore", metastore.thriftUri());
        return addresses;
    }

    Map<String, String> addresses() {
        return addresses;
    }

    long metastorePid() {
        return metastore.pid();
    }

    List<Long> monitoringPids() {
        return monitoring.map(MonitoringStack::pids).orElse(List.of());
    }

    @Override
    public void close() {
        try {
            monitoring.ifPresent(MonitoringStack::close);
            metastore.close();
        } finally {
            cluster.close();
        }
    }
}
