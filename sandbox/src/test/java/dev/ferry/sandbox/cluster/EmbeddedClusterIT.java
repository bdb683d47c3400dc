package dev.ferry.sandbox.cluster;

import org.apache.commons.io.IOUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.QueueInfo;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.client.api.YarnClientApplication;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** One embedded cluster with two queues, HDFS and ZooKeeper, shared by the whole suite. */
@Timeout(120)
class EmbeddedClusterIT {

    private static RunningCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = EmbeddedCluster.builder()
                .name("embedded-cluster-it")
                .nodeManagerMemoryMb(4096)
                .queue("default", 50)
                .queue("analytics", 49)
                .queue("tiny", 1, 1)
                .withHdfs()
                .withZooKeeper()
                .build()
                .start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void hdfsGivesBackWhatWasWritten() throws Exception {
        // given a client configured by the cluster
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path("/it/hello.txt");
        try (FileSystem fs = FileSystem.get(cluster.hdfsUri(), cluster.hadoopConfiguration())) {
            // when a file is written
            try (FSDataOutputStream out = fs.create(file)) {
                out.write("hello ferry".getBytes(StandardCharsets.UTF_8));
            }
            // then it reads back the same
            try (FSDataInputStream in = fs.open(file)) {
                assertThat(IOUtils.toString(in, StandardCharsets.UTF_8)).isEqualTo("hello ferry");
            }
        }
    }

    @Test
    void resourceManagerReportsTheConfiguredLeafQueues() throws Exception {
        try (YarnClient yarn = YarnClient.createYarnClient()) {
            yarn.init(cluster.hadoopConfiguration());
            yarn.start();

            List<QueueInfo> leaves = yarn.getChildQueueInfos("root");

            assertThat(leaves)
                    .extracting(QueueInfo::getQueueName)
                    .containsExactlyInAnyOrder("default", "analytics", "tiny");
            assertThat(leaves)
                    .filteredOn(q -> q.getQueueName().equals("tiny"))
                    .singleElement()
                    .extracting(QueueInfo::getMaximumCapacity)
                    .isEqualTo(0.01f);
        }
    }

    @Test
    void containersRunOnThisJavaInTheChosenQueue() throws Exception {
        try (YarnClient yarn = YarnClient.createYarnClient()) {
            yarn.init(cluster.hadoopConfiguration());
            yarn.start();

            // given an application whose only container prints the version of $JAVA_HOME's java
            ApplicationId id = submitJavaVersionApp(yarn, "analytics");

            // when it has run
            ApplicationReport report = awaitFinished(yarn, id, Duration.ofSeconds(60));

            // then it ran in the chosen queue, and JAVA_HOME was the cluster's Java
            assertThat(report.getQueue()).isEqualTo("analytics");
            assertThat(Files.readString(containerLogFile(id, "java-version.txt")))
                    .contains("version \"" + Runtime.version().feature());
        }
    }

    @Test
    void anApplicationGetsTheAttemptsFerryAsksFor() throws Exception {
        // ferry.ha.application-attempts (launcher) defaults to 4; YARN's own limit, 2, would cap it.
        int ferryDefault = 4;
        try (YarnClient yarn = YarnClient.createYarnClient()) {
            yarn.init(cluster.hadoopConfiguration());
            yarn.start();
            YarnClientApplication app = yarn.createApplication();
            ApplicationSubmissionContext context = app.getApplicationSubmissionContext();
            context.setApplicationName("attempts");
            context.setMaxAppAttempts(ferryDefault);
            context.setResource(Resource.newInstance(256, 1));
            context.setAMContainerSpec(
                    ContainerLaunchContext.newInstance(Map.of(), Map.of(), List.of("sleep 60"), null, null, null));

            ApplicationId id = yarn.submitApplication(context);
            try {
                int granted = cluster.yarnCluster()
                        .getResourceManager()
                        .getRMContext()
                        .getRMApps()
                        .get(id)
                        .getMaxAppAttempts();

                assertThat(granted).isEqualTo(ferryDefault);
            } finally {
                yarn.killApplication(id);
            }
        }
    }

    private static ApplicationId submitJavaVersionApp(YarnClient yarn, String queue) throws Exception {
        YarnClientApplication app = yarn.createApplication();
        ApplicationSubmissionContext context = app.getApplicationSubmissionContext();
        context.setApplicationName("java-version");
        context.setQueue(queue);
        context.setMaxAppAttempts(1);
        context.setResource(Resource.newInstance(256, 1));
        context.setAMContainerSpec(ContainerLaunchContext.newInstance(
                Map.of(),
                Map.of(),
                List.of("\"$JAVA_HOME/bin/java\" -version 2>" + ApplicationConstants.LOG_DIR_EXPANSION_VAR
                        + "/java-version.txt"),
                null,
                null,
                null));
        return yarn.submitApplication(context);
    }

    private static ApplicationReport awaitFinished(YarnClient yarn, ApplicationId id, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ApplicationReport report = yarn.getApplicationReport(id);
            if (EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED)
                    .contains(report.getYarnApplicationState())) {
                return report;
            }
            assertThat(System.nanoTime())
                    .as("application %s still %s", id, report.getYarnApplicationState())
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static Path containerLogFile(ApplicationId id, String name) throws Exception {
        String logDirs = cluster.yarnCluster().getNodeManager(0).getConfig().get(YarnConfiguration.NM_LOG_DIRS);
        for (String logDir : logDirs.split(",")) {
            Path appDir = Path.of(URI.create(logDir.startsWith("/") ? "file://" + logDir : logDir))
                    .resolve(id.toString());
            if (Files.isDirectory(appDir)) {
                try (Stream<Path> files = Files.walk(appDir)) {
                    Optional<Path> file = files.filter(
                                    f -> f.getFileName().toString().equals(name))
                            .findFirst();
                    if (file.isPresent()) {
                        return file.get();
                    }
                }
            }
        }
        throw new AssertionError("No " + name + " of " + id + " in " + logDirs);
    }

    @Test
    void zooKeeperAcceptsACreate() throws Exception {
        ZooKeeper zk = new ZooKeeper(cluster.zooKeeperConnectString(), 10_000, event -> {});
        try {
            zk.create(
                    "/it-node",
                    "x".getBytes(StandardCharsets.UTF_8),
                    ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT);

            assertThat(zk.exists("/it-node", false)).isNotNull();
        } finally {
            zk.close();
        }
    }

    @Test
    void writtenConfDirHoldsOnlyClientKeys(@TempDir Path dir) throws Exception {
        // when the client conf dir is written
        cluster.writeClientConfDir(dir);

        // then a Hadoop client reading only those files finds the cluster
        Configuration fromFiles = new Configuration(false);
        for (String site : List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml")) {
            fromFiles.addResource(dir.resolve(site).toUri().toURL());
        }
        assertThat(fromFiles.get("fs.defaultFS")).isEqualTo(cluster.hdfsUri().toString());
        assertThat(fromFiles.get("yarn.resourcemanager.address")).isEqualTo(cluster.resourceManagerAddress());
        // and gateways read the ResourceManager's attempt limit from it, as from a real cluster's
        assertThat(fromFiles.getInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, 0)).isGreaterThanOrEqualTo(4);
        // and no test-only topology setting leaks into it
        assertThat(Files.readString(dir.resolve("core-site.xml")) + Files.readString(dir.resolve("yarn-site.xml")))
                .doesNotContain("StaticMapping");
    }

    @Test
    void handedOutConfigurationDisablesTheHdfsClientCache() {
        assertThat(cluster.hadoopConfiguration().getBoolean("fs.hdfs.impl.disable.cache", false))
                .isTrue();
    }

    @Test
    void resourceManagerRestApiAnswersOnThePublishedWebAddress() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://" + cluster.resourceManagerWebAddress() + "/ws/v1/cluster/info"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("clusterInfo");
    }
}
