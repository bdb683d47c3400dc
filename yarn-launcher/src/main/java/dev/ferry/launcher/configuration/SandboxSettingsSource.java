package dev.ferry.launcher.configuration;

import dev.ferry.ha.HaOptions;
import dev.ferry.sandbox.control.SandboxController;
import dev.ferry.sandbox.control.SandboxSettings;
import dev.ferry.sandbox.status.ServiceStatus;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a running sandbox supplies to commands that target it: its ZooKeeper as the HA quorum,
 * so clusters on the sandbox run with JobManager HA like on a real cluster with a quorum.
 */
public final class SandboxSettingsSource {

    private static final String ZOOKEEPER = "zookeeper";

    private SandboxSettingsSource() {}

    public static Map<String, String> read(FerryHome home, Path sandboxDir) {
        return new SandboxController(home.root(), sandboxDir, SandboxSettings.DEFAULTS).status().services().stream()
                .filter(service -> service.name().equals(ZOOKEEPER) && service.up())
                .map(ServiceStatus::address)
                .findFirst()
                .map(quorum -> Map.of(HaOptions.ZOOKEEPER_QUORUM.key(), quorum))
                .orElse(Map.of());
    }
}
