package dev.ferry.ha.zookeeper;

import dev.ferry.ha.HaNames;

import org.apache.curator.utils.ZKPaths;

/** The znode layout below {@code ferry.ha.zookeeper.root}: clusters/&lt;name&gt;, jobs/&lt;name&gt;, locks/&lt;name&gt; and job-locks/&lt;name&gt;. */
public final class HaPaths {

    private final String root;

    public HaPaths(String root) {
        this.root = root;
    }

    public static HaPaths of(ZooKeeperSettings settings) {
        return new HaPaths(settings.root());
    }

    public String root() {
        return root;
    }

    public String clusters() {
        return ZKPaths.makePath(root, "clusters");
    }

    public String cluster(String name) {
        return ZKPaths.makePath(clusters(), HaNames.check("cluster", name));
    }

    /** Job records live beside the clusters: a job outlives its application cluster. */
    public String jobs() {
        return ZKPaths.makePath(root, "jobs");
    }

    public String job(String name) {
        return ZKPaths.makePath(jobs(), HaNames.check("job", name));
    }

    public String lock(String name) {
        return ZKPaths.makePath(root, "locks", HaNames.check("cluster", name));
    }

    /** Job names have locks of their own: a job and a cluster may share a name. */
    public String jobLock(String name) {
        return ZKPaths.makePath(root, "job-locks", HaNames.check("job", name));
    }
}
