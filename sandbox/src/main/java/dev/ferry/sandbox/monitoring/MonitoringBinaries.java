package dev.ferry.sandbox.monitoring;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where Prometheus, Alertmanager and the Pushgateway are installed: on the PATH under Debian's
 * names ({@code prometheus}, {@code prometheus-alertmanager}, {@code prometheus-pushgateway}) or
 * upstream's ({@code alertmanager}, {@code pushgateway}).
 */
public record MonitoringBinaries(Path prometheus, Path alertmanager, Path pushgateway) {

    /** What installs them; the sandbox names it when they are missing. */
    public static final String INSTALL_HINT = "install them with bin/install-monitoring.sh (sandbox/bin/ in the"
            + " sources: Debian's prometheus, prometheus-alertmanager and prometheus-pushgateway) and restart"
            + " the sandbox";

    /** All three from the PATH, or empty when any is missing. */
    public static Optional<MonitoringBinaries> find() {
        return find(System.getenv().getOrDefault("PATH", ""));
    }

    static Optional<MonitoringBinaries> find(String path) {
        Optional<Path> prometheus = onPath(path, "prometheus");
        Optional<Path> alertmanager = onPath(path, "prometheus-alertmanager", "alertmanager");
        Optional<Path> pushgateway = onPath(path, "prometheus-pushgateway", "pushgateway");
        if (prometheus.isEmpty() || alertmanager.isEmpty() || pushgateway.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MonitoringBinaries(prometheus.get(), alertmanager.get(), pushgateway.get()));
    }

    /** The first executable of {@code names}, in the order of the PATH. */
    private static Optional<Path> onPath(String path, String... names) {
        List<Path> candidates = new ArrayList<>();
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, name));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}
