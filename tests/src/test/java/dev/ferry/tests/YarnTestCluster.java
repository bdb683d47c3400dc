package dev.ferry.tests;

import dev.ferry.launcher.cli.FerryCliRun;
import dev.ferry.sandbox.cluster.EmbeddedCluster;
import dev.ferry.sandbox.cluster.RunningCluster;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.client.api.YarnClient;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One real YARN + HDFS cluster per test suite (like Flink's YarnTestBase), and the built
 * distribution to run {@code ferry} commands against it in-process.
 */
final class YarnTestCluster implements AutoCloseable {

    private static final Path PROCESS_LOG = Path.of("target", "ferry-process.log");

    private final RunningCluster cluster;
    private final Path home;
    private final Path hadoopConfDir;
    private final Path confDir;
    private final YarnClient yarn;

    private YarnTestCluster(RunningCluster cluster, Path home, Path hadoopConfDir, Path confDir) {
        this.cluster = cluster;
        this.home = home;
        this.hadoopConfDir = hadoopConfDir;
        this.confDir = confDir;
        this.yarn = YarnClient.createYarnClient();
        yarn.init(cluster.hadoopConfiguration());
        yarn.start();
    }

    /**
     * Starts YARN (queues as given) and HDFS, and a Ferry configuration directory for them whose
     * ferry.yaml is made from the running cluster (e.g. to name its ZooKeeper).
     */
    static YarnTestCluster start(
            String suite, EmbeddedCluster.Builder builder, Function<RunningCluster, String> ferryYaml)
            throws Exception {
        Path home = ferryHome();
        Path work = Files.createDirectories(Path.of("target", suite).toAbsolutePath());
        Path hadoopConfDir = work.resolve("hadoop-conf");
        RunningCluster cluster = builder.name(suite)
                .withHdfs()
                .applicationClasspath(containerClasspath(hadoopConfDir))
                .build()
                .start();
        try {
            Path hadoopConf = cluster.writeClientConfDir(hadoopConfDir);
            Path confDir = copyConf(home.resolve("conf"), work.resolve("ferry-conf"));
            Files.writeString(confDir.resolve("ferry.yaml"), ferryYaml.apply(cluster));
            return new YarnTestCluster(cluster, home, hadoopConf, confDir);
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * YARN, HDFS and a ZooKeeper server with Ferry's HA on: the registry and locks in that
     * ZooKeeper, Flink's HA storage on this HDFS. {@code ferryYaml} adds lines to ferry.yaml.
     */
    static YarnTestCluster startWithHa(String suite, EmbeddedCluster.Builder builder, String... ferryYaml)
            throws Exception {
        return start(suite, builder.withZooKeeper(), running -> {
            List<String> lines = new ArrayList<>(List.of(
                    "ferry.ha.zookeeper.quorum: " + running.zooKeeperConnectString(),
                    "ferry.ha.storage-dir: " + running.hdfsUri().toString().replaceAll("/$", "") + "/ferry/ha"));
            lines.addAll(Arrays.asList(ferryYaml));
            lines.add("");
            return String.join("\n", lines);
        });
    }

    /** A new client of this cluster's ZooKeeper, connected; the caller closes it. */
    CuratorFramework zooKeeperClient() throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.newClient(zooKeeperQuorum(), new RetryOneTime(100));
        client.start();
        if (!client.blockUntilConnected(10, TimeUnit.SECONDS)) {
            client.close();
            throw new IllegalStateException("ZooKeeper at " + zooKeeperQuorum() + " did not answer within 10 s");
        }
        return client;
    }

    static Path ferryHome() {
        Path home = Path.of(System.getProperty("ferry.home", "../dist/target/ferry-0.1.0-SNAPSHOT"))
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(home.resolve("lib"))) {
            throw new IllegalStateException("No built distribution at " + home + ": run 'mvn package' first");
        }
        System.setProperty("ferry.home", home.toString());
        return home;
    }

    /**
     * What YARN containers get as class path: the client configuration (where the JobManager
     * finds the ResourceManager), then Hadoop and its dependencies from this JVM, but not Flink
     * or Ferry, which the containers get from the shipped or staged distribution.
     */
    private static List<String> containerClasspath(Path hadoopConfDir) {
        List<String> entries = new ArrayList<>(List.of(hadoopConfDir.toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            boolean flinkOrFerry = name.startsWith("flink-")
                    || name.startsWith("ferry-")
                    || name.startsWith("scala-")
                    || name.endsWith("classes")
                    || name.startsWith("log4j-");
            if (!flinkOrFerry) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static Path copyConf(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }

    /** Runs {@code ferry ARGS} in this JVM against this cluster. */
    FerryCliRun ferry(String... args) {
        return ferryWithConf(confDir, args);
    }

    /** Ferry's configuration directory for this cluster, e.g. to copy and change. */
    Path confDir() {
        return confDir;
    }

    /** Runs {@code ferry ARGS} in this JVM against this cluster with another Ferry conf dir. */
    FerryCliRun ferryWithConf(Path ferryConfDir, String... args) {
        // Global options go first: anything after a "--" belongs to the job.
        List<String> all = new ArrayList<>(List.of("--hadoop-conf-dir=" + hadoopConfDir, "--conf-dir=" + ferryConfDir));
        all.addAll(Arrays.asList(args));
        return FerryCliRun.run(Map.of(), all.toArray(String[]::new));
    }

    /** Starts {@code bin/ferry ARGS} as its own process, the way an operator runs it. */
    Process ferryProcess(String... args) throws IOException {
        return ferryProcess(Map.of(), args);
    }

    /** {@link #ferryProcess(String...)} with {@code environment} added to the process's own. */
    Process ferryProcess(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/ferry").toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(PROCESS_LOG.toFile());
        builder.environment().putAll(environment);
        builder.environment().remove("HADOOP_CLASSPATH");
        builder.environment().put("HADOOP_CONF_DIR", hadoopConfDir.toString());
        builder.environment().put("FERRY_CONF_DIR", confDir.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    /** What the last {@link #ferryProcess} printed on stdout and stderr. */
    String ferryProcessOutput() throws IOException {
        return Files.readString(PROCESS_LOG);
    }

    String hdfs(String path) {
        return cluster.hdfsUri().toString().replaceAll("/$", "") + path;
    }

    FileSystem fileSystem() throws IOException {
        return FileSystem.get(cluster.hadoopConfiguration());
    }

    String zooKeeperQuorum() {
        return cluster.zooKeeperConnectString();
    }

    /** Restarts the ZooKeeper server on the same port and data after {@code downtime}. */
    void restartZooKeeper(Duration downtime) throws IOException, InterruptedException {
        cluster.restartZooKeeper(downtime);
    }

    YarnClient yarn() {
        return yarn;
    }

    /**
     * SIGKILL to the JVM of the application's current JobManager container: the way a JobManager
     * really dies (no shutdown hook, no graceful leadership release). The YARN containers are
     * processes of this machine, found by the application id in their command line.
     */
    void killApplicationMaster(String applicationId) throws IOException, InterruptedException {
        long pid = applicationMasterPid(applicationId);
        Process kill =
                new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -9 " + pid + " failed");
        }
    }

    private static long applicationMasterPid(String applicationId) throws IOException {
        List<Long> found = new ArrayList<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                String cmdline;
                try {
                    cmdline = Files.readString(proc.resolve("cmdline"), java.nio.charset.StandardCharsets.UTF_8);
                } catch (IOException gone) {
                    continue;
                }
                String[] argv = cmdline.split("\0");
                boolean jvm = argv.length > 0 && argv[0].endsWith("java");
                if (jvm
                        && cmdline.contains(applicationId)
                        && cmdline.toLowerCase(java.util.Locale.ROOT).contains("clusterentrypoint")) {
                    found.add(Long.parseLong(proc.getFileName().toString()));
                }
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException("Expected one JobManager JVM of " + applicationId + ", found " + found);
        }
        return found.get(0);
    }

    Path home() {
        return home;
    }

    @Override
    public void close() {
        yarn.stop();
        cluster.close();
    }
}
