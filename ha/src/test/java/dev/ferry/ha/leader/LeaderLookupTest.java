package dev.ferry.ha.leader;

import dev.ferry.ha.HaException;
import dev.ferry.ha.ZooKeeperTestServer;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HighAvailabilityOptions;
import org.apache.flink.runtime.leaderelection.LeaderInformation;
import org.apache.flink.runtime.util.ZooKeeperUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The leader znodes are written with Flink 1.20.1's own code, through its relocated Curator. */
class LeaderLookupTest extends ZooKeeperTestServer {

    private static final String CLUSTER_ID = "application_1700000000000_0007";

    private String flinkRoot;
    private org.apache.flink.shaded.curator5.org.apache.curator.framework.CuratorFramework flink;
    private LeaderLookup lookup;

    @BeforeEach
    void startFlinkClient() {
        flinkRoot = paths.root() + "-flink";
        Configuration conf = new Configuration();
        conf.set(HighAvailabilityOptions.HA_ZOOKEEPER_QUORUM, server.getConnectString());
        conf.set(HighAvailabilityOptions.HA_ZOOKEEPER_ROOT, flinkRoot);
        conf.set(HighAvailabilityOptions.HA_CLUSTER_ID, CLUSTER_ID);
        flink = ZooKeeperUtils.startCuratorFramework(conf, error -> {}).asCuratorFramework();
        lookup = new LeaderLookup(connect(), flinkRoot);
    }

    @AfterEach
    void closeFlinkClient() {
        flink.close();
    }

    @Test
    void givenRestLeaderWrittenByFlink_whenLookup_thenAddressAndSessionAreRead() throws Exception {
        UUID session = UUID.randomUUID();
        publish(LeaderInformation.known(session, "http://nm3.example.com:40123"), ZooKeeperUtils.getRestServerNode());

        assertThat(lookup.restServer(CLUSTER_ID)).contains(new LeaderInfo("http://nm3.example.com:40123", session));
    }

    @Test
    void givenDispatcherLeaderWrittenByFlink_whenLookup_thenItsRpcAddressIsRead() throws Exception {
        UUID session = UUID.randomUUID();
        String address = "pekko.tcp://flink@nm3:35000/user/rpc/dispatcher_1";
        publish(LeaderInformation.known(session, address), ZooKeeperUtils.getDispatcherNode());

        assertThat(lookup.leader(CLUSTER_ID, LeaderComponent.DISPATCHER)).contains(new LeaderInfo(address, session));
    }

    @Test
    void givenLeaderClearedByFlink_whenLookup_thenEmpty() throws Exception {
        publish(LeaderInformation.empty(), ZooKeeperUtils.getRestServerNode());

        assertThat(lookup.restServer(CLUSTER_ID)).isEmpty();
    }

    @Test
    void givenNoClusterZnodes_whenLookup_thenEmpty() {
        assertThat(lookup.restServer("application_1_0404")).isEmpty();
    }

    @Test
    void givenSerializedObjectOtherThanUuid_whenDecode_thenRejected() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeUTF("http://evil:1");
            out.writeObject(new ArrayList<>());
        }

        assertThatThrownBy(() -> LeaderInfoDecoder.decode("/x", bytes.toByteArray()))
                .isInstanceOf(HaException.class)
                .hasMessageContaining("/x");
    }

    /** As Flink 1.20's ZooKeeperLeaderElectionDriver does: namespace <root>/<cluster-id>/leader, node <component>/connection_info. */
    private void publish(LeaderInformation info, String component) throws Exception {
        var leaderClient = ZooKeeperUtils.useNamespaceAndEnsurePath(flink, ZooKeeperUtils.getLeaderPath());
        ZooKeeperUtils.writeLeaderInformationToZooKeeper(
                info, leaderClient, () -> true, ZooKeeperUtils.generateConnectionInformationPath(component));
    }
}
