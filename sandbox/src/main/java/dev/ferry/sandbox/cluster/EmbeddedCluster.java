package dev.ferry.sandbox.cluster;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-machine YARN cluster (MiniYARNCluster, CapacityScheduler), with optional HDFS
 * (MiniDFSCluster, one DataNode) and ZooKeeper, all inside this JVM.
 *
 * <p>Integration tests start one per suite: {@code EmbeddedCluster.builder().queue("default", 50)
 * .queue("analytics", 50).withHdfs().withZooKeeper().build().start()}. The sandbox daemon uses the
 * same class with fixed ports and data directories that survive restarts.
 */
public final class EmbeddedCluster {

    private final String name;
    private final int nodeManagers;
    private final int nodeManagerMemoryMb;
    private final int nodeManagerVcores;
    private final List<QueueSpec> queues;
    private final boolean zooKeeper;
    private final boolean hdfs;
    private final List<String> applicationClasspath;
    private final Path javaHome;
    private final Path hdfsBaseDir;
    private final Path zooKeeperDataDir;
    private final int zooKeeperPort;
    private final YarnPorts yarnPorts;
    private final HdfsPorts hdfsPorts;

    private EmbeddedCluster(Builder builder) {
        this.name = builder.name;
        this.nodeManagers = builder.nodeManagers;
        this.nodeManagerMemoryMb = builder.nodeManagerMemoryMb;
        this.nodeManagerVcores = builder.nodeManagerVcores;
        this.queues =
                builder.queues.isEmpty() ? List.of(new QueueSpec("default", 100, 100)) : List.copyOf(builder.queues);
        this.zooKeeper = builder.zooKeeper;
        this.hdfs = builder.hdfs;
        this.applicationClasspath = builder.applicationClasspath == null
                ? currentJvmClassPath()
                : List.copyOf(builder.applicationClasspath);
        this.javaHome = builder.javaHome;
        this.hdfsBaseDir = builder.hdfsBaseDir;
        this.zooKeeperDataDir = builder.zooKeeperDataDir;
        this.zooKeeperPort = builder.zooKeeperPort;
        this.yarnPorts = builder.yarnPorts;
        this.hdfsPorts = builder.hdfsPorts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts ZooKeeper, HDFS and YARN (in that order); stops whatever did start if one fails. */
    public RunningCluster start() throws Exception {
        return RunningCluster.start(this);
    }

    public String name() {
        return name;
    }

    public int nodeManagers() {
        return nodeManagers;
    }

    public int nodeManagerMemoryMb() {
        return nodeManagerMemoryMb;
    }

    public int nodeManagerVcores() {
        return nodeManagerVcores;
    }

    public List<QueueSpec> queues() {
        return queues;
    }

    public boolean zooKeeper() {
        return zooKeeper;
    }

    public boolean hdfs() {
        return hdfs;
    }

    public List<String> applicationClasspath() {
        return applicationClasspath;
    }

    public Path javaHome() {
        return javaHome;
    }

    public Optional<Path> hdfsBaseDir() {
        return Optional.ofNullable(hdfsBaseDir);
    }

    public Optional<Path> zooKeeperDataDir() {
        return Optional.ofNullable(zooKeeperDataDir);
    }

    public int zooKeeperPort() {
        return zooKeeperPort;
    }

    public Optional<YarnPorts> yarnPorts() {
        return Optional.ofNullable(yarnPorts);
    }

    public Optional<HdfsPorts> hdfsPorts() {
        return Optional.ofNullable(hdfsPorts);
    }

    private static List<String> currentJvmClassPath() {
        return Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    }

    public static final class Builder {
        private String name = "ferry";
        private int nodeManagers = 1;
        private int nodeManagerMemoryMb = 6144;
        private int nodeManagerVcores = 8;
        private final List<QueueSpec> queues = new ArrayList<>();
        private boolean zooKeeper;
        private boolean hdfs;
        private List<String> applicationClasspath;
        private Path javaHome = Path.of(System.getProperty("java.home"));
        private Path hdfsBaseDir;
        private Path zooKeeperDataDir;
        private int zooKeeperPort;
        private YarnPorts yarnPorts;
        private HdfsPorts hdfsPorts;

        private Builder() {}

        /** Names MiniYARNCluster's work dir: {@code <working dir>/target/<name>}. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name);
            return this;
        }

        public Builder nodeManagers(int count) {
            this.nodeManagers = positive(count, "nodeManagers");
            return this;
        }

        public Builder nodeManagerMemoryMb(int memoryMb) {
            this.nodeManagerMemoryMb = positive(memoryMb, "nodeManagerMemoryMb");
            return this;
        }

        public Builder nodeManagerVcores(int vcores) {
            this.nodeManagerVcores = positive(vcores, "nodeManagerVcores");
            return this;
        }

        /** Adds leaf queue {@code root.<name>} that may grow to the whole cluster. */
        public Builder queue(String name, double capacityPercent) {
            return queue(name, capacityPercent, 100);
        }

        public Builder queue(String name, double capacityPercent, double maxCapacityPercent) {
            queues.add(new QueueSpec(name, capacityPercent, maxCapacityPercent));
            return this;
        }

        public Builder withZooKeeper() {
            this.zooKeeper = true;
            return this;
        }

        public Builder withHdfs() {
            this.hdfs = true;
            return this;
        }

        /**
         * {@code yarn.application.classpath}: how containers find Hadoop 3.3.6. Defaults to this
         * JVM's whole {@code java.class.path}; tests pass its Hadoop entries, the daemon
         * {@code <home>/opt/hadoop/*}.
         */
        public Builder applicationClasspath(List<String> entries) {
            this.applicationClasspath = List.copyOf(entries);
            return this;
        }

        /** JAVA_HOME of containers; defaults to this JVM's {@code java.home}. */
        public Builder javaHome(Path javaHome) {
            this.javaHome = Objects.requireNonNull(javaHome);
            return this;
        }

        /** Keeps HDFS name/data dirs here; formatted only when it holds no file system yet. */
        public Builder hdfsBaseDir(Path dir) {
            this.hdfsBaseDir = dir;
            return this;
        }

        public Builder zooKeeperDataDir(Path dir) {
            this.zooKeeperDataDir = dir;
            return this;
        }

        public Builder zooKeeperPort(int port) {
            this.zooKeeperPort = port;
            return this;
        }

        public Builder yarnPorts(YarnPorts ports) {
            this.yarnPorts = ports;
            return this;
        }

        public Builder hdfsPorts(HdfsPorts ports) {
            this.hdfsPorts = ports;
            return this;
        }

        public EmbeddedCluster build() {
            double total =
                    queues.stream().mapToDouble(QueueSpec::capacityPercent).sum();
            if (!queues.isEmpty() && Math.abs(total - 100) > 0.001) {
                throw new IllegalArgumentException("Queue capacities must add up to 100, got " + total);
            }
            return new EmbeddedCluster(this);
        }

        private static int positive(int value, String what) {
            if (value <= 0) {
                throw new IllegalArgumentException(what + " must be positive, got " + value);
            }
            return value;
        }
    }
}
