package dev.ferry.ha.leader;

/** The Flink JobManager components that publish their leader address in ZooKeeper. */
public enum LeaderComponent {
    REST_SERVER("rest_server"),
    DISPATCHER("dispatcher"),
    RESOURCE_MANAGER("resource_manager");

    private final String znode;

    LeaderComponent(String znode) {
        this.znode = znode;
    }

    /** The node name under {@code <cluster>/leader/}, as Flink 1.20's {@code ZooKeeperUtils} names it. */
    public String znode() {
        return znode;
    }
}
