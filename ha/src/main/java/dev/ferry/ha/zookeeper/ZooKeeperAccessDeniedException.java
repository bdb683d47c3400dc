package dev.ferry.ha.zookeeper;

import dev.ferry.ha.HaException;

/** ZooKeeper refused an operation on a znode because of its ACL. */
public class ZooKeeperAccessDeniedException extends HaException {

    private final String path;

    public ZooKeeperAccessDeniedException(String path, Throwable cause) {
        super(
                "Permission denied on znode " + path + ": its ACL allows only the credential that created it;"
                        + " set ferry.ha.zookeeper.auth.credential to that user:password",
                cause);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
