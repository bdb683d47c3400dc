package dev.ferry.sandbox.state;

import java.nio.file.Path;
import java.util.Objects;

/** The layout of a sandbox directory: what the daemon writes where, and what survives a restart. */
public final class SandboxPaths {

    private final Path dir;

    public SandboxPaths(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** Ports chosen on the first start. */
    public Path stateFile() {
        return dir.resolve("sandbox.properties");
    }

    /** Written by the daemon: its state and the address of each service. */
    public Path statusFile() {
        return dir.resolve("status.properties");
    }

    public Path pidFile() {
        return dir.resolve("sandbox.pid");
    }

    /** Hadoop client configuration (core/hdfs/yarn-site.xml) and hive-site.xml for clients. */
    public Path confDir() {
        return dir.resolve("conf");
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    /** MiniDFSCluster base dir: name and data directories, kept across restarts. */
    public Path hdfsDir() {
        return dataDir().resolve("hdfs");
    }

    public Path zooKeeperDir() {
        return dataDir().resolve("zookeeper");
    }

    public Path metastoreDir() {
        return dataDir().resolve("metastore");
    }

    /** metastore-site.xml of the metastore server (not for clients: they use conf/hive-site.xml). */
    public Path metastoreConfDir() {
        return dir.resolve("metastore-conf");
    }

    /** Prometheus's and Alertmanager's configuration, written on every start. */
    public Path monitoringDir() {
        return dir.resolve("monitoring");
    }

    /** Prometheus's rules: every {@code *.yml} here ('ferry sandbox start' renders Ferry's alerting rules into it). */
    public Path alertRulesDir() {
        return monitoringDir().resolve("rules");
    }

    /** Prometheus's time series and Alertmanager's silences, kept across restarts. */
    public Path monitoringDataDir() {
        return dataDir().resolve("monitoring");
    }

    /** Working directory of the daemon; MiniYARNCluster puts its local and log dirs below it. */
    public Path yarnWorkDir() {
        return dir.resolve("yarn");
    }

    public Path logDir() {
        return dir.resolve("log");
    }

    public Path daemonLog() {
        return logDir().resolve("sandbox.log");
    }

    public Path metastoreLog() {
        return logDir().resolve("metastore.log");
    }

    public Path tmpDir() {
        return dir.resolve("tmp");
    }
}
