package dev.ferry.ha.zookeeper;

import dev.ferry.ha.HaException;

/** ZooKeeper did not answer in time, or HA is not configured at all. */
public class ZooKeeperUnavailableException extends HaException {

    public ZooKeeperUnavailableException(String message) {
        super(message);
    }

    public ZooKeeperUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    static ZooKeeperUnavailableException notConnected(String quorum, long timeoutMs) {
        return new ZooKeeperUnavailableException("ZooKeeper at '" + quorum + "' is unreachable (no connection within "
                + timeoutMs + " ms): check ferry.ha.zookeeper.quorum and that the servers are up");
    }
}
