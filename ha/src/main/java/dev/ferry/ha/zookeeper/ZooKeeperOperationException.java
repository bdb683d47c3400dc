package dev.ferry.ha.zookeeper;

import dev.ferry.ha.HaException;

/** A ZooKeeper operation failed for a reason that has no more specific exception. */
public class ZooKeeperOperationException extends HaException {

    public ZooKeeperOperationException(String message, Throwable cause) {
        super(message, cause);
    }
}
