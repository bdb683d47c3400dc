package dev.ferry.ha.lock;

import dev.ferry.ha.HaException;

import java.util.Optional;

/** Another process kept the cluster name locked for longer than the lock timeout. */
public class LockTimeoutException extends HaException {

    private final String cluster;
    private final transient Optional<LockHolder> holder;

    public LockTimeoutException(String cluster, Optional<LockHolder> holder) {
        super(
                "cluster '" + cluster + "' is locked by "
                        + holder.map(LockHolder::describe).orElse("an unknown holder")
                        + ": wait for that command to finish or raise ferry.ha.lock-timeout;"
                        + " a crashed holder's lock goes when its ZooKeeper session expires (ferry.ha.zookeeper.session-timeout)");
        this.cluster = cluster;
        this.holder = holder;
    }

    public String cluster() {
        return cluster;
    }

    public Optional<LockHolder> holder() {
        return holder;
    }
}
