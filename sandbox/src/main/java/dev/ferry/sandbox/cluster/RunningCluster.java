package dev.ferry.sandbox.cluster;

import dev.ferry.sandbox.zookeeper.ZooKeeperService;

import org.apache.commons.io.FileUtils;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A started {@link EmbeddedCluster}: its addresses, its client configuration, and {@link #close()}. */
public final class RunningCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningCluster.class);
    private static final long NODE_MANAGER_WAIT_MS = TimeUnit.SECONDS.toMillis(60);

    private final EmbeddedCluster spec;
    private ZooKeeperService zooKeeper;
    private MiniDFSCluster dfs;
    private MiniYARNCluster yarn;
    private ClientConfiguration clientConfiguration;
    private Path temporaryHdfsDir;
    private Path temporaryZooKeeperDir;
    private Path zooKeeperDataDir;

    private RunningCluster(EmbeddedCluster spec) {
        this.spec = spec;
    }

    static RunningCluster start(EmbeddedCluster spec) throws Exception {
        RunningCluster cluster = new RunningCluster(spec);
        try {
            cluster.startServices();
            return cluster;
        } catch (Exception | Error e) {
            // A half-started MiniYARNCluster leaves non-daemon threads behind: stop what runs.
            cluster.close();
            throw e;
        }
    }

    private void startServices() throws Exception {
        long started = System.nanoTime();
        if (spec.zooKeeper()) {
            zooKeeperDataDir = zooKeeperDir();
            zooKeeper = ZooKeeperService.start(zooKeeperDataDir, spec.zooKeeperPort());
        }
        if (spec.hdfs()) {
            dfs = MiniHdfs.start(hdfsDir(), spec.hdfsPorts().orElse(null));
            LOG.info("HDFS up at {}", hdfsUri());
        }
        yarn = startYarn();
        clientConfiguration =
                new ClientConfiguration(coreSite(), hdfsSite(), YarnSettings.clientKeys(yarnConfig(), spec));
        LOG.info(
                "Embedded cluster up in {} ms: RM {}, RM web {}",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                resourceManagerAddress(),
                resourceManagerWebAddress());
    }

    private MiniYARNCluster startYarn() throws Exception {
        YarnConfiguration conf = new YarnConfiguration();
        YarnSettings.apply(conf, spec);
        spec.yarnPorts().ifPresent(ports -> YarnSettings.applyFixedPorts(conf, "localhost", ports));
        if (dfs != null) {
            conf.set("fs.defaultFS", hdfsUri().toString());
        }
        MiniYARNCluster cluster = new MiniYARNCluster(spec.name(), spec.nodeManagers(), 1, 1);
        yarn = cluster;
        cluster.init(conf);
        cluster.start();
        if (!cluster.waitForNodeManagersToConnect(NODE_MANAGER_WAIT_MS)) {
            throw new IllegalStateException("NodeManagers did not register with the ResourceManager within "
                    + TimeUnit.MILLISECONDS.toSeconds(NODE_MANAGER_WAIT_MS) + " s");
        }
        ResourceManagerWebUi.routeSharedGuicePipelineTo(cluster.getResourceManager());
        return cluster;
    }

    private Path hdfsDir() throws IOException {
        if (spec.hdfsBaseDir().isPresent()) {
            return spec.hdfsBaseDir().get();
        }
        temporaryHdfsDir = Files.createTempDirectory("ferry-hdfs-");
        return temporaryHdfsDir;
    }

    private Path zooKeeperDir() throws IOException {
        if (spec.zooKeeperDataDir().isPresent()) {
            return spec.zooKeeperDataDir().get();
        }
        temporaryZooKeeperDir = Files.createTempDirectory("ferry-zookeeper-");
        return temporaryZooKeeperDir;
    }

    private Map<String, String> coreSite() {
        Map<String, String> keys = new LinkedHashMap<>();
        if (dfs != null) {
            keys.put("fs.defaultFS", hdfsUri().toString());
        }
        return keys;
    }

    private Map<String, String> hdfsSite() {
        Map<String, String> keys = new LinkedHashMap<>();
        if (dfs != null) {
            // One DataNode: the default of 3 replicas would leave every block under-replicated.
            keys.put("dfs.replication", "1");
        }
        return keys;
    }

    private YarnConfiguration yarnConfig() {
        return new YarnConfiguration(yarn.getConfig());
    }

    /** A fresh client configuration (core, hdfs and yarn keys) for in-process clients. */
    public YarnConfiguration hadoopConfiguration() {
        return clientConfiguration.toYarnConfiguration();
    }

    /** The client keys, e.g. to write a Hadoop conf dir. */
    public ClientConfiguration clientConfiguration() {
        return clientConfiguration;
    }

    /** Writes core-site.xml, hdfs-site.xml and yarn-site.xml (client keys only) into {@code dir}. */
    public Path writeClientConfDir(Path dir) throws IOException {
        return clientConfiguration.writeTo(dir);
    }

    /** {@code hdfs://localhost:<port>}; fails when the cluster has no HDFS. */
    public URI hdfsUri() {
        requireRunning(dfs, "HDFS");
        return URI.create("hdfs://localhost:" + dfs.getNameNodePort());
    }

    /** {@code localhost:<port>}; fails when the cluster has no ZooKeeper. */
    public String zooKeeperConnectString() {
        requireRunning(zooKeeper, "ZooKeeper");
        return zooKeeper.connectString();
    }

    /**
     * Stops the ZooKeeper server and, after {@code downtime}, starts it again on the same port with
     * the same data, as an operator's restart does: clients see a disconnect, and their sessions
     * survive if they reconnect within their session timeout. For fault tests.
     */
    public void restartZooKeeper(Duration downtime) throws IOException, InterruptedException {
        requireRunning(zooKeeper, "ZooKeeper");
        int port = zooKeeper.port();
        zooKeeper.close();
        zooKeeper = null;
        Thread.sleep(downtime.toMillis());
        zooKeeper = ZooKeeperService.start(zooKeeperDataDir, port);
        LOG.info("ZooKeeper restarted on port {}", port);
    }

    /** host:port of the ResourceManager's client RPC. */
    public String resourceManagerAddress() {
        return yarn.getConfig().get(YarnConfiguration.RM_ADDRESS);
    }

    /** host:port of the ResourceManager's web UI and REST API. */
    public String resourceManagerWebAddress() {
        return yarn.getConfig().get(YarnConfiguration.RM_WEBAPP_ADDRESS);
    }

    public MiniYARNCluster yarnCluster() {
        return yarn;
    }

    /** The MiniDFSCluster; null when the cluster has no HDFS. */
    public MiniDFSCluster dfsCluster() {
        return dfs;
    }

    /** Stops YARN, HDFS and ZooKeeper; each stop runs even when an earlier one fails. */
    @Override
    public void close() {
        long started = System.nanoTime();
        try {
            if (yarn != null) {
                yarn.stop();
            }
        } finally {
            try {
                if (dfs != null) {
                    MiniHdfs.stop(dfs);
                }
            } finally {
                if (zooKeeper != null) {
                    zooKeeper.close();
                }
                deleteTemporaryDirs();
            }
        }
        LOG.info("Embedded cluster stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private void deleteTemporaryDirs() {
        for (Path dir : new Path[] {temporaryHdfsDir, temporaryZooKeeperDir}) {
            if (dir != null) {
                FileUtils.deleteQuietly(dir.toFile());
            }
        }
    }

    private static void requireRunning(Object service, String name) {
        if (service == null) {
            throw new IllegalStateException(name + " is not part of this cluster (enable it on the builder)");
        }
    }
}
