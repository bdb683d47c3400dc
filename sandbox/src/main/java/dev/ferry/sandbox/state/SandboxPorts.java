package dev.ferry.sandbox.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed ports of a sandbox, chosen on its first start and kept so that a restarted
 * sandbox answers at the same addresses as before.
 */
public record SandboxPorts(
        int zooKeeper,
        int nameNodeRpc,
        int nameNodeHttp,
        int resourceManager,
        int resourceManagerScheduler,
        int resourceManagerTracker,
        int resourceManagerAdmin,
        int resourceManagerWeb,
        int metastore,
        int prometheus,
        int alertmanager,
        int pushgateway) {

    /** Ports by a stable name, in start order; the names are the keys of the state file. */
    public Map<String, Integer> byName() {
        List<Integer> values = List.of(
                zooKeeper,
                nameNodeRpc,
                nameNodeHttp,
                resourceManager,
                resourceManagerScheduler,
                resourceManagerTracker,
                resourceManagerAdmin,
                resourceManagerWeb,
                metastore,
                prometheus,
                alertmanager,
                pushgateway);
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            ports.put(NAMES.get(i), values.get(i));
        }
        return ports;
    }

    static SandboxPorts fromNames(Map<String, Integer> ports) {
        return new SandboxPorts(
                ports.get("zookeeper"),
                ports.get("namenode.rpc"),
                ports.get("namenode.http"),
                ports.get("resourcemanager"),
                ports.get("resourcemanager.scheduler"),
                ports.get("resourcemanager.tracker"),
                ports.get("resourcemanager.admin"),
                ports.get("resourcemanager.web"),
                ports.get("metastore"),
                ports.get("prometheus"),
                ports.get("alertmanager"),
                ports.get("pushgateway"));
    }

    /** The names of {@link #byName()}, in the same order. */
    static final List<String> NAMES = List.of(
            "zookeeper",
            "namenode.rpc",
            "namenode.http",
            "resourcemanager",
            "resourcemanager.scheduler",
            "resourcemanager.tracker",
            "resourcemanager.admin",
            "resourcemanager.web",
            "metastore",
            "prometheus",
            "alertmanager",
            "pushgateway");

    static SandboxPorts fromList(List<Integer> ports) {
        Map<String, Integer> named = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            named.put(NAMES.get(i), ports.get(i));
        }
        return fromNames(named);
    }
}
