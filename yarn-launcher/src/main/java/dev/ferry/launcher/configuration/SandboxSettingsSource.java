package dev.ferry.launcher.configuration;

import dev.ferry.ha.HaOptions;
import dev.ferry.hive.config.HiveCatalogOptions;
import dev.ferry.sandbox.control.SandboxController;
import dev.ferry.sandbox.control.SandboxSettings;
import dev.ferry.sandbox.status.SandboxStatus;
import dev.ferry.sandbox.status.ServiceStatus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a running sandbox supplies to commands that target it: its ZooKeeper as the HA quorum,
 * so clusters on the sandbox run with JobManager HA like on a real cluster with a quorum; its
 * Hive Metastore, through the hive-site.xml the sandbox writes into its client conf dir; and its
 * Pushgateway, so that its clusters' metrics reach its Prometheus.
 */
public final class SandboxSettingsSource {

    private static final String ZOOKEEPER = "zookeeper";
    private static final String PUSHGATEWAY = "pushgateway";
    private static final String HIVE_SITE = "hive-site.xml";

    private SandboxSettingsSource() {}

    public static Map<String, String> read(FerryHome home, Path sandboxDir) {
        SandboxController controller = new SandboxController(home.root(), sandboxDir, SandboxSettings.DEFAULTS);
        SandboxStatus status = controller.status();
        Map<String, String> values = new LinkedHashMap<>();
        status.services().stream()
                .filter(service -> service.name().equals(ZOOKEEPER) && service.up())
                .map(ServiceStatus::address)
                .findFirst()
                .ifPresent(quorum -> values.put(HaOptions.ZOOKEEPER_QUORUM.key(), quorum));
        // Only when it answers: a sandbox without monitoring must not hand its clusters a
        // reporter that pushes nowhere.
        status.services().stream()
                .filter(service -> service.name().equals(PUSHGATEWAY) && service.up())
                .map(ServiceStatus::address)
                .findFirst()
                .ifPresent(url -> values.put(MonitoringOptions.PUSHGATEWAY_URL.key(), url));
        // Supplied whether the metastore is up or not: a sandbox command must never fall back to
        // the real metastore of conf/hive-site.xml. A stopped sandbox then fails with its own URI.
        Path sandboxConf = controller.paths().confDir();
        if (Files.isRegularFile(sandboxConf.resolve(HIVE_SITE))) {
            values.put(HiveCatalogOptions.CONF_DIR.key(), sandboxConf.toString());
        }
        return values;
    }
}
