package dev.ferry.tests;

import dev.ferry.launcher.cli.FerryCliRun;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One suite's view of the {@link SharedCluster}, and the built distribution to run {@code ferry}
 * commands against it, in-process or as processes. Register it in a suite with
 * {@code @RegisterExtension static final YarnTestCluster cluster = YarnTestCluster.suite("name")}.
 *
 * <p>Each suite has a namespace of its own, so that suites cannot see each other's state: a Ferry
 * conf dir (the distribution's conf with a ferry.yaml of the suite's), and below {@code /<suite>}
 * on HDFS and in ZooKeeper its job records, artifacts, checkpoints, savepoints, completed-job
 * archive, HA storage, Ferry's registry and locks, and Flink's HA znodes. ZooKeeper HA is on only
 * for suites that ask for it ({@link #withHa()}). Suites run one after the other; when a suite ends,
 * whatever it left running on YARN is killed, so that the next one starts on an idle cluster.
 */
final class YarnTestCluster implements BeforeAllCallback, AfterAllCallback {

    private static final EnumSet<YarnApplicationState> LIVE = EnumSet.of(
            YarnApplicationState.NEW,
            YarnApplicationState.NEW_SAVING,
            YarnApplicationState.SUBMITTED,
            YarnApplicationState.ACCEPTED,
            YarnApplicationState.RUNNING);

    private final String suite;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private boolean ha;

    private SharedCluster shared;
    private Path home;
    private Path work;
    private Path confDir;
    private long startedMillis;

    private YarnTestCluster(String suite) {
        if (!suite.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("A suite name is lower case letters, digits and '-': " + suite);
        }
        this.suite = suite;
    }

    /** The namespace {@code suite} on the shared cluster, HA off. */
    static YarnTestCluster suite(String suite) {
        return new YarnTestCluster(suite);
    }

    /** ZooKeeper HA on: the registry, locks and job records in the shared ZooKeeper, below the suite's root. */
    YarnTestCluster withHa() {
        this.ha = true;
        return this;
    }

    /** A line of the suite's ferry.yaml; replaces the namespace's default for the same key. */
    YarnTestCluster set(String key, String value) {
        settings.put(key, value);
        if (confDir != null) {
            writeFerryYaml();
        }
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        shared = SharedCluster.of(context);
        home = ferryHome();
        work = Files.createDirectories(Path.of("target", suite).toAbsolutePath());
        confDir = copyConf(home.resolve("conf"), work.resolve("ferry-conf"));
        writeFerryYaml();
        startedMillis = System.currentTimeMillis();
    }

    /** The safety net: every YARN application the suite started and left running is killed. */
    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (shared == null) {
            return;
        }
        for (ApplicationReport app : shared.yarn().getApplications(LIVE)) {
            if (app.getStartTime() >= startedMillis - 1000) {
                System.out.printf("%s left %s (%s) running: killed%n", suite, app.getApplicationId(), app.getName());
                shared.yarn().killApplication(app.getApplicationId());
            }
        }
    }

    private void writeFerryYaml() {
        Map<String, String> yaml = new LinkedHashMap<>();
        yaml.put("ferry.deploy.timeout", "120s");
        yaml.put("ferry.job.running-timeout", "120s");
        yaml.put("ferry.session.min-taskmanagers", "0");
        yaml.put("ferry.staging.dir", SharedCluster.STAGING_DIR);
        yaml.put("ferry.jobs.dir", path("/ferry/jobs"));
        yaml.put("ferry.jobs.artifacts-dir", path("/ferry/artifacts"));
        yaml.put("execution.checkpointing.dir", hdfs("/ferry/checkpoints"));
        yaml.put("execution.checkpointing.savepoint-dir", hdfs("/ferry/savepoints"));
        yaml.put("jobmanager.archive.fs.dir", hdfs("/ferry/completed-jobs"));
        yaml.put("ferry.ha.zookeeper.root", ferryZnode(""));
        yaml.put("high-availability.zookeeper.path.root", flinkZnode(""));
        yaml.put("ferry.ha.storage-dir", hdfs("/ferry/ha"));
        if (ha) {
            yaml.put("ferry.ha.zookeeper.quorum", shared.zooKeeperQuorum());
        }
        yaml.putAll(settings);
        StringBuilder text = new StringBuilder("# The namespace of suite " + suite + " on the shared test cluster\n");
        yaml.forEach((key, value) -> text.append(key).append(": ").append(value).append('\n'));
        try {
            Files.writeString(confDir.resolve("ferry.yaml"), text.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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

    static Path copyConf(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }

    /** The suite's name, which names its namespace. */
    String name() {
        return suite;
    }

    /** The suite's work directory below target/. */
    Path work() {
        return work;
    }

    /** Runs {@code ferry ARGS} in this JVM against this cluster, in the suite's namespace. */
    FerryCliRun ferry(String... args) {
        return ferryWithConf(confDir, args);
    }

    /** The suite's Ferry configuration directory, e.g. to copy and change. */
    Path confDir() {
        return confDir;
    }

    /** The Hadoop client configuration of the cluster. */
    Path hadoopConfDir() {
        return shared.hadoopConfDir();
    }

    /** Runs {@code ferry ARGS} in this JVM against this cluster with another Ferry conf dir. */
    FerryCliRun ferryWithConf(Path ferryConfDir, String... args) {
        // Global options go first: anything after a "--" belongs to the job.
        List<String> all =
                new ArrayList<>(List.of("--hadoop-conf-dir=" + hadoopConfDir(), "--conf-dir=" + ferryConfDir));
        all.addAll(Arrays.asList(args));
        return FerryCliRun.run(Map.of(), all.toArray(String[]::new));
    }

    /** Starts {@code bin/ferry ARGS} as its own process, the way an operator runs it. */
    Process ferryProcess(String... args) throws IOException {
        return ferryProcess(Map.of(), args);
    }

    /** {@link #ferryProcess(String...)} with {@code environment} added to the process's own. */
    Process ferryProcess(Map<String, String> environment, String... args) throws IOException {
        return ferryProcess(processLog(), environment, args);
    }

    /** {@link #ferryProcess(String...)} printing into {@code log}: for processes that run at once. */
    Process ferryProcess(Path log, String... args) throws IOException {
        return ferryProcess(log, Map.of(), args);
    }

    private Process ferryProcess(Path log, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/ferry").toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().remove("HADOOP_CLASSPATH");
        builder.environment().put("HADOOP_CONF_DIR", hadoopConfDir().toString());
        builder.environment().put("FERRY_CONF_DIR", confDir.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    /** What the last {@link #ferryProcess} printed on stdout and stderr. */
    String ferryProcessOutput() throws IOException {
        return Files.readString(processLog(), StandardCharsets.UTF_8);
    }

    private Path processLog() {
        return work.resolve("ferry-process.log");
    }

    /** {@code PATH} in the suite's part of HDFS, as a path without scheme: {@code /<suite>PATH}. */
    String path(String path) {
        return "/" + suite + path;
    }

    /** {@code PATH} in the suite's part of HDFS, as a full URI: {@code hdfs://host:port/<suite>PATH}. */
    String hdfs(String path) {
        return shared.hdfsUri() + path(path);
    }

    /** {@code PATH} in the suite's part of HDFS without an authority: {@code hdfs:///<suite>PATH}. */
    String hdfsWithoutAuthority(String path) {
        return "hdfs://" + path(path);
    }

    FileSystem fileSystem() throws IOException {
        return shared.fileSystem();
    }

    /** The znode {@code PATH} below the suite's {@code ferry.ha.zookeeper.root}. */
    String ferryZnode(String path) {
        return "/" + suite + "/ferry" + path;
    }

    /** The znode {@code PATH} below the suite's {@code high-availability.zookeeper.path.root}. */
    String flinkZnode(String path) {
        return "/" + suite + "/flink" + path;
    }

    String zooKeeperQuorum() {
        return shared.zooKeeperQuorum();
    }

    /** A new client of the ZooKeeper, connected; the caller closes it. */
    CuratorFramework zooKeeperClient() throws InterruptedException {
        CuratorFramework client = CuratorFrameworkFactory.newClient(zooKeeperQuorum(), new RetryOneTime(100));
        client.start();
        if (!client.blockUntilConnected(10, TimeUnit.SECONDS)) {
            client.close();
            throw new IllegalStateException("ZooKeeper at " + zooKeeperQuorum() + " did not answer within 10 s");
        }
        return client;
    }

    /**
     * Restarts the ZooKeeper server on the same port and data after {@code downtime}. Harmless for
     * later suites: no client outlives a suite, and the server is back when this returns.
     */
    void restartZooKeeper(Duration downtime) throws IOException, InterruptedException {
        shared.running().restartZooKeeper(downtime);
        // A server that did not come back fails here, not in the suites after this one.
        zooKeeperClient().close();
    }

    YarnClient yarn() {
        return shared.yarn();
    }

    /** The YARN applications now between NEW and RUNNING. */
    List<ApplicationReport> liveApplications() throws Exception {
        return yarn().getApplications(LIVE);
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
                    cmdline = Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8);
                } catch (IOException gone) {
                    continue;
                }
                String[] argv = cmdline.split("\0");
                boolean jvm = argv.length > 0 && argv[0].endsWith("java");
                if (jvm
                        && cmdline.contains(applicationId)
                        && cmdline.toLowerCase(Locale.ROOT).contains("clusterentrypoint")) {
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
}
