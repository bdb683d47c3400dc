package dev.ferry.tests;

import dev.ferry.launcher.cli.FerryCliRun;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code ferry.ha.zookeeper.auth.credential} set, every znode of a deployed cluster, Ferry's
 * registry and locks as well as Flink's own HA znodes, is readable and writable only with that
 * credential; a command run with another credential fails with a one-line permission error, and
 * {@code ferry session stop} and {@code ferry ha gc}, holding the same credential, still remove
 * them. One session, "guarded", started once, is the cluster whose znodes the tests read.
 */
@Timeout(300)
class ZooKeeperAclIT {

    private static final String CREDENTIAL = "ferry:s3cret";

    @RegisterExtension
    static final YarnTestCluster cluster =
            YarnTestCluster.suite("acl-it").withHa().set("ferry.ha.zookeeper.auth.credential", CREDENTIAL);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static CuratorFramework authenticated;
    private static String guardedId;
    /** The ACL ZooKeeper stores for "only whoever authenticated with CREDENTIAL": digest user:base64(sha1). */
    private static List<ACL> creatorOnly;

    @BeforeAll
    static void startASessionAndAnAuthenticatedClient() throws Exception {
        authenticated = CuratorFrameworkFactory.builder()
                .connectString(cluster.zooKeeperQuorum())
                .retryPolicy(new RetryOneTime(100))
                .authorization("digest", CREDENTIAL.getBytes(StandardCharsets.UTF_8))
                .build();
        authenticated.start();
        creatorOnly = List.of(
                new ACL(ZooDefs.Perms.ALL, new Id("digest", DigestAuthenticationProvider.generateDigest(CREDENTIAL))));
        guardedId = startSession("guarded");
    }

    @AfterAll
    static void closeTheClient() {
        if (authenticated != null) {
            authenticated.close();
        }
    }

    @Test
    void ferrysRegistryZnodesAreCreatorOnly() throws Exception {
        Map<String, List<ACL>> acls = aclsBelow(cluster.ferryZnode(""));

        assertThat(acls).containsKey(cluster.ferryZnode("/clusters/guarded"));
        assertThat(acls).allSatisfy((node, acl) -> assertThat(acl).as(node).isEqualTo(creatorOnly));
    }

    @Test
    void flinksOwnHaZnodesAreCreatorOnly() throws Exception {
        Map<String, List<ACL>> acls = aclsBelow(cluster.flinkZnode("/" + guardedId));

        assertThat(acls.keySet()).anyMatch(node -> node.contains("/leader/"));
        assertThat(acls).allSatisfy((node, acl) -> assertThat(acl).as(node).isEqualTo(creatorOnly));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ferry:wrong", ""})
    void aCommandWithAnotherCredentialFailsWithOneLineNamingTheFix(String credential) {
        FerryCliRun run = cluster.ferry("session", "list", "-Dferry.ha.zookeeper.auth.credential=" + credential);

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr().strip().lines()).hasSize(1);
        assertThat(run.stderr())
                .contains(
                        "Permission denied on znode " + cluster.ferryZnode("/clusters"),
                        "ferry.ha.zookeeper.auth.credential");
    }

    @Test
    void aStoppedClusterLeavesNoZnodesEvenCreatorOnlyOnes() throws Exception {
        // given
        String id = startSession("stopped");

        // when
        JsonNode stopped = json(cluster.ferry("session", "stop", "stopped", "-o", "json"));

        // then
        assertThat(stopped.get("haData").asText()).isIn("removed", "none");
        assertThat(authenticated.checkExists().forPath(cluster.flinkZnode("/" + id)))
                .isNull();
        assertThat(authenticated.checkExists().forPath(cluster.ferryZnode("/clusters/stopped")))
                .isNull();
    }

    @Test
    void haGcRemovesTheCreatorOnlyZnodesAYarnKillLeftBehind() throws Exception {
        // given
        String killed = startSession("doomed");
        cluster.yarn().killApplication(ApplicationId.fromString(killed));

        // when
        JsonNode report = gcOnceTheKilledJobManagersSessionExpired(killed, Duration.ofSeconds(90));

        // then
        assertThat(report.get("removed"))
                .extracting(r -> r.get("clusterId").asText())
                .contains(killed);
        assertThat(authenticated.checkExists().forPath(cluster.flinkZnode("/" + killed)))
                .isNull();
        assertThat(authenticated.checkExists().forPath(cluster.ferryZnode("/clusters/doomed")))
                .isNull();
    }

    private static String startSession(String name) throws Exception {
        return json(cluster.ferry(
                        "session",
                        "start",
                        name,
                        "--jm-memory",
                        "1024m",
                        "--tm-memory",
                        "1024m",
                        "-Dtaskmanager.memory.managed.fraction=0.1",
                        "-o",
                        "json"))
                .get("applicationId")
                .asText();
    }

    /** Every znode at and below {@code path} with its ACL. */
    private static Map<String, List<ACL>> aclsBelow(String path) throws Exception {
        Map<String, List<ACL>> acls = new TreeMap<>();
        List<String> pending = new ArrayList<>(List.of(path));
        while (!pending.isEmpty()) {
            String node = pending.remove(pending.size() - 1);
            acls.put(node, authenticated.getACL().forPath(node));
            for (String child : authenticated.getChildren().forPath(node)) {
                pending.add(node + "/" + child);
            }
        }
        return acls;
    }

    /** Until the killed JobManager's ZooKeeper session expires, gc keeps its znodes (and says why). */
    private static JsonNode gcOnceTheKilledJobManagersSessionExpired(String killed, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode report = json(cluster.ferry("ha", "gc", "-o", "json"));
            boolean removed = StreamSupport.stream(report.get("removed").spliterator(), false)
                    .anyMatch(r -> r.get("clusterId").asText().equals(killed));
            if (removed || System.nanoTime() > deadline) {
                return report;
            }
            Thread.sleep(1000);
        }
    }

    private static JsonNode json(FerryCliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JSON.readTree(run.stdout());
    }
}
