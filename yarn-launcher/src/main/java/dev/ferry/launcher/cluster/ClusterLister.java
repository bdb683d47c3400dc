package dev.ferry.launcher.cluster;

import dev.ferry.launcher.ha.ClusterCoordination;
import dev.ferry.launcher.ha.RegistryEntry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ferry session list}: YARN's Ferry clusters joined with the shared registry, so that an
 * entry whose application YARN killed shows up as stale, and a running cluster the registry
 * lost shows up as missing. YARN stays the truth about what runs.
 */
public final class ClusterLister {

    /** The state shown for an application YARN has forgotten (it keeps only so many ended ones). */
    static final String FORGOTTEN = "UNKNOWN";

    private final ClusterObserver observer;
    private final ClusterCoordination coordination;

    public ClusterLister(ClusterObserver observer, ClusterCoordination coordination) {
        this.observer = observer;
        this.coordination = coordination;
    }

    /** YARN's clusters as {@link ClusterObserver#list} returns them, then the stale registry entries. */
    public List<ListedCluster> list(Optional<String> queue, boolean includeEnded) {
        // Registry first: a cluster registered after YARN was asked would otherwise look stale.
        Optional<List<RegistryEntry>> registry = coordination.registry();
        List<ClusterView> views = observer.list(queue, includeEnded);
        if (registry.isEmpty()) {
            return views.stream().map(view -> new ListedCluster(view, null)).toList();
        }
        Set<String> registeredApplications = new HashSet<>();
        registry.get().forEach(entry -> registeredApplications.add(entry.applicationId()));

        List<ListedCluster> listed = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        for (ClusterView view : views) {
            shown.add(view.applicationId());
            listed.add(new ListedCluster(view, stateOf(view, registeredApplications.contains(view.applicationId()))));
        }
        for (RegistryEntry entry : registry.get()) {
            boolean inQueue = queue.map(
                            q -> ClusterObserver.queueMatches(entry.cluster().queue(), q))
                    .orElse(true);
            if (shown.contains(entry.applicationId()) || !inQueue) {
                continue;
            }
            ClusterView view =
                    observer.describeApplication(entry.applicationId()).orElseGet(() -> forgotten(entry));
            listed.add(new ListedCluster(view, view.isLive() ? RegistryState.REGISTERED : RegistryState.STALE));
        }
        return listed;
    }

    private static RegistryState stateOf(ClusterView view, boolean registered) {
        if (registered) {
            return view.isLive() ? RegistryState.REGISTERED : RegistryState.STALE;
        }
        return view.isLive() ? RegistryState.MISSING : null;
    }

    /** A registered application YARN no longer remembers at all: only the registry can describe it. */
    private static ClusterView forgotten(RegistryEntry entry) {
        return new ClusterView(
                entry.name(),
                entry.applicationId(),
                FORGOTTEN,
                "UNDEFINED",
                entry.cluster().queue(),
                entry.cluster().user(),
                entry.cluster().mode(),
                entry.cluster().ferryVersion(),
                entry.cluster().restUrl(),
                entry.registeredAt(),
                Duration.ZERO,
                null,
                0);
    }
}
