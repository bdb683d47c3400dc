package dev.ferry.tests;

import dev.ferry.launcher.cli.FerryCliRun;
import dev.ferry.sandbox.cluster.EmbeddedCluster;
import dev.ferry.sandbox.cluster.RunningCluster;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one YARN + HDFS + ZooKeeper of a test JVM: started by the first suite that asks for it and
 * stopped when the JUnit run ends (it lives in the root {@link ExtensionContext.Store}). Starting
 * and stopping a MiniYARNCluster costs 35-45 s, so suites share this one and each works in a
 * namespace of its own ({@link YarnTestCluster}).
 *
 * <p>Sized for the most demanding suite: an 8 GiB NodeManager; the queues {@code default} (45 %)
 * and {@code analytics} (45 %), each of which one user may grow to the whole cluster, and
 * {@code tiny} (10 %, at most 10 %), which can never fit a JobManager. YARN allows 10 attempts per
 * application, above the 4 that Ferry's HA clusters ask for. The distribution's libraries are
 * staged once, in {@link #STAGING_DIR}, so that deploys do not upload them again and again.
 */
final class SharedCluster implements ExtensionContext.Store.CloseableResource {

    /** Where the libraries of the distribution under test are staged for every suite. */
    static final String STAGING_DIR = "/shared/ferry/dist";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedCluster.class);

    private final RunningCluster cluster;
    private final Path hadoopConfDir;
    private final YarnClient yarn;

    private SharedCluster(RunningCluster cluster, Path hadoopConfDir) {
        this.cluster = cluster;
        this.hadoopConfDir = hadoopConfDir;
        this.yarn = YarnClient.createYarnClient();
        yarn.init(cluster.hadoopConfiguration());
        yarn.start();
    }

    /** The cluster of this JVM, started on first use. */
    static SharedCluster of(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedCluster.class, key -> start(), SharedCluster.class);
    }

    private static SharedCluster start() {
        Path work = Path.of("target", "shared-cluster").toAbsolutePath();
        Path hadoopConfDir = work.resolve("hadoop-conf");
        long started = System.nanoTime();
        RunningCluster running;
        try {
            Files.createDirectories(work);
            running = EmbeddedCluster.builder()
                    .name("shared-cluster")
                    .nodeManagerMemoryMb(8192)
                    .queue("default", 45)
                    .queue("analytics", 45)
                    .queue("tiny", 10, 10)
                    .withHdfs()
                    .withZooKeeper()
                    .applicationClasspath(containerClasspath(hadoopConfDir))
                    .build()
                    .start();
        } catch (Exception e) {
            throw new IllegalStateException("The shared test cluster did not start", e);
        }
        SharedCluster shared = null;
        try {
            running.writeClientConfDir(hadoopConfDir);
            shared = new SharedCluster(running, hadoopConfDir);
            shared.stageTheDistribution(work);
            System.out.printf(
                    "Shared cluster up and the distribution staged in %d s%n",
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            return shared;
        } catch (Exception | Error e) {
            if (shared != null) {
                shared.close();
            } else {
                running.close();
            }
            throw new IllegalStateException("The shared test cluster did not start", e);
        }
    }

    private void stageTheDistribution(Path work) throws IOException {
        Path conf = Files.createDirectories(work.resolve("ferry-conf"));
        YarnTestCluster.copyConf(YarnTestCluster.ferryHome().resolve("conf"), conf);
        FerryCliRun upload = FerryCliRun.run(
                Map.of(),
                "--hadoop-conf-dir=" + hadoopConfDir,
                "--conf-dir=" + conf,
                "dist",
                "upload",
                "-Dferry.staging.dir=" + STAGING_DIR);
        if (upload.exitCode() != 0) {
            throw new IllegalStateException("ferry dist upload failed: " + upload.stderr());
        }
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

    RunningCluster running() {
        return cluster;
    }

    Path hadoopConfDir() {
        return hadoopConfDir;
    }

    YarnClient yarn() {
        return yarn;
    }

    /** {@code hdfs://localhost:<port>}, no trailing slash. */
    String hdfsUri() {
        return cluster.hdfsUri().toString().replaceAll("/$", "");
    }

    FileSystem fileSystem() throws IOException {
        return FileSystem.get(cluster.hadoopConfiguration());
    }

    String zooKeeperQuorum() {
        return cluster.zooKeeperConnectString();
    }

    @Override
    public void close() {
        try {
            yarn.stop();
        } finally {
            cluster.close();
        }
    }
}
