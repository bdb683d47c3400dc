package dev.ferry.ha.zookeeper;

import dev.ferry.ha.HaNames;
import org.apache.curator.utils.ZKPaths;

/** The znode layout below {@code ferry.ha.zookeeper.root}: clusters/&lt;name&gt;[/jobs/&lt;job&gt;] and locks/&lt;name&gt;. */
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

    public String jobs(String cluster) {
        return ZKPaths.makePath(cluster(cluster), "jobs");
    }

    public String job(String cluster, String job) {
        return ZKPaths.makePath(jobs(cluster), HaNames.check("job", job));
    }

    public String lock(String name) {
        return ZKPaths.makePath(root, "locks", HaNames.check("cluster", name));
    }
}
