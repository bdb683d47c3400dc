package dev.ferry.ha.lock;

import dev.ferry.ha.HaException;

import java.util.Optional;

/** Another process kept a cluster or job name locked for longer than the lock timeout. */
public class LockTimeoutException extends HaException {

    private final LockedName name;
    private final transient Optional<LockHolder> holder;

    public LockTimeoutException(LockedName name, Optional<LockHolder> holder) {
        super(
                name + " is locked by "
                        + holder.map(LockHolder::describe).orElse("an unknown holder")
                        + ": wait for that command to finish or raise ferry.ha.lock-timeout;"
                        + " a crashed holder's lock goes when its ZooKeeper session expires (ferry.ha.zookeeper.session-timeout)");
        this.name = name;
        this.holder = holder;
    }

    public LockedName name() {
        return name;
    }

    public Optional<LockHolder> holder() {
        return holder;
    }
}
