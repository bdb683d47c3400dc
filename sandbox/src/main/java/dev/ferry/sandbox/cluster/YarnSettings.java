package dev.ferry.sandbox.cluster;

import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.resourcemanager.scheduler.capacity.CapacityScheduler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies the settings a one-machine YARN needs to run several Flink clusters at once. */
final class YarnSettings {

    /** Above a 10 s ZooKeeper session timeout, so YARN does not kill an AM waiting for leadership. */
    static final int AM_LIVENESS_EXPIRY_MS = 60_000;

    static final int MIN_ALLOCATION_MB = 256;

    /**
     * The most JobManager attempts an application may ask for. YARN's default, 2, silently caps the
     * 4 that Ferry's HA clusters ask for (ferry.ha.application-attempts): two JobManager deaths end
     * them. Written to the client configuration too, where Ferry reads the limit it warns about.
     */
    static final int AM_MAX_ATTEMPTS = 10;

    private YarnSettings() {}

    static void apply(YarnConfiguration conf, EmbeddedCluster spec) {
        // MiniYARNCluster overwrites the normal NM memory key with this one.
        conf.setInt(YarnConfiguration.YARN_MINICLUSTER_NM_PMEM_MB, spec.nodeManagerMemoryMb());
        conf.setInt(YarnConfiguration.NM_PMEM_MB, spec.nodeManagerMemoryMb());
        conf.setInt(YarnConfiguration.NM_VCORES, spec.nodeManagerVcores());
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, MIN_ALLOCATION_MB);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, spec.nodeManagerMemoryMb());
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_VCORES, spec.nodeManagerVcores());
        conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        // A developer disk is often fuller than the 90 % that marks a node unhealthy.
        conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.0f);
        conf.setInt(YarnConfiguration.RM_AM_EXPIRY_INTERVAL_MS, AM_LIVENESS_EXPIRY_MS);
        conf.setInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, AM_MAX_ATTEMPTS);
        conf.setBoolean(YarnConfiguration.LOG_AGGREGATION_ENABLED, false);
        conf.setBoolean(YarnConfiguration.TIMELINE_SERVICE_ENABLED, false);
        conf.setStrings(
                YarnConfiguration.YARN_APPLICATION_CLASSPATH,
                spec.applicationClasspath().toArray(String[]::new));
        // Containers must run the same Java 17 as the cluster. A NodeManager hands its own JAVA_HOME
        // to containers that set none; admin-env is only the fallback, because YARN appends it to a
        // JAVA_HOME the application sets (Flink's containerized.*.env.JAVA_HOME), giving "a:a".
        if (!spec.javaHome().toString().equals(System.getenv("JAVA_HOME"))) {
            conf.set(YarnConfiguration.NM_ADMIN_USER_ENV, "JAVA_HOME=" + spec.javaHome());
        }
        applyQueues(conf, spec.queues());
    }

    private static void applyQueues(YarnConfiguration conf, List<QueueSpec> queues) {
        conf.setClass(YarnConfiguration.RM_SCHEDULER, CapacityScheduler.class, Object.class);
        conf.set(
                "yarn.scheduler.capacity.root.queues",
                String.join(",", queues.stream().map(QueueSpec::name).toList()));
        // Several JobManagers (AMs) must fit at once on one small node.
        conf.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 1.0f);
        for (QueueSpec queue : queues) {
            String prefix = "yarn.scheduler.capacity." + queue.path();
            conf.setDouble(prefix + ".capacity", queue.capacityPercent());
            conf.setDouble(prefix + ".maximum-capacity", queue.maxCapacityPercent());
            conf.setFloat(prefix + ".maximum-am-resource-percent", 1.0f);
            // One user on one machine: let them grow a queue to its maximum capacity, as the
            // elastic maximum intends. The default user-limit-factor (1) stops a single user at
            // the guaranteed capacity: 'bench nexmark --yarn' waited forever for its second
            // TaskManager with half the NodeManager free.
            if (queue.capacityPercent() > 0) {
                conf.setFloat(
                        prefix + ".user-limit-factor", (float) (queue.maxCapacityPercent() / queue.capacityPercent()));
            }
        }
    }

    /** Makes the ResourceManager listen on the given ports instead of ephemeral ones. */
    static void applyFixedPorts(YarnConfiguration conf, String host, YarnPorts ports) {
        conf.setBoolean(YarnConfiguration.YARN_MINICLUSTER_FIXED_PORTS, true);
        conf.set(YarnConfiguration.RM_ADDRESS, host + ":" + ports.resourceManager());
        conf.set(YarnConfiguration.RM_SCHEDULER_ADDRESS, host + ":" + ports.scheduler());
        conf.set(YarnConfiguration.RM_RESOURCE_TRACKER_ADDRESS, host + ":" + ports.resourceTracker());
        conf.set(YarnConfiguration.RM_ADMIN_ADDRESS, host + ":" + ports.admin());
        conf.set(YarnConfiguration.RM_WEBAPP_ADDRESS, host + ":" + ports.web());
        // With fixed ports MiniYARNCluster keeps the NodeManager defaults (8040, 8042, ...):
        // let the NodeManager take ephemeral ones, nobody dials them directly.
        conf.set(YarnConfiguration.NM_ADDRESS, host + ":0");
        conf.set(YarnConfiguration.NM_LOCALIZER_ADDRESS, host + ":0");
        conf.set(YarnConfiguration.NM_WEBAPP_ADDRESS, host + ":0");
        conf.set(YarnConfiguration.NM_COLLECTOR_SERVICE_ADDRESS, host + ":0");
    }

    /** The keys a client needs: where the RM is, how it sizes containers and how often it restarts an AM. */
    static Map<String, String> clientKeys(YarnConfiguration running, EmbeddedCluster spec) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String key : List.of(
                YarnConfiguration.RM_ADDRESS,
                YarnConfiguration.RM_SCHEDULER_ADDRESS,
                YarnConfiguration.RM_RESOURCE_TRACKER_ADDRESS,
                YarnConfiguration.RM_ADMIN_ADDRESS,
                YarnConfiguration.RM_WEBAPP_ADDRESS,
                YarnConfiguration.RM_SCHEDULER)) {
            keys.put(key, running.get(key));
        }
        keys.put(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, String.valueOf(MIN_ALLOCATION_MB));
        keys.put(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, String.valueOf(spec.nodeManagerMemoryMb()));
        keys.put(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_VCORES, String.valueOf(spec.nodeManagerVcores()));
        keys.put(YarnConfiguration.YARN_APPLICATION_CLASSPATH, String.join(",", spec.applicationClasspath()));
        keys.put(YarnConfiguration.RM_AM_MAX_ATTEMPTS, String.valueOf(AM_MAX_ATTEMPTS));
        return keys;
    }
}
