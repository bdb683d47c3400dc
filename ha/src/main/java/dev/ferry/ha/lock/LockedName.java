package dev.ferry.ha.lock;

import dev.ferry.ha.zookeeper.HaPaths;

/** What a {@link NameLock} guards: a cluster name or a job name, each in a namespace of its own. */
public record LockedName(String kind, String name) {

    public static LockedName cluster(String name) {
        return new LockedName("cluster", name);
    }

    public static LockedName job(String name) {
        return new LockedName("job", name);
    }

    String path(HaPaths paths) {
        return kind.equals("job") ? paths.jobLock(name) : paths.lock(name);
    }

    @Override
    public String toString() {
        return kind + " '" + name + "'";
    }
}
