package dev.ferry.launcher.deployment;

import dev.ferry.launcher.yarn.ApplicationTags;
import dev.ferry.launcher.yarn.ClusterStates;
import dev.ferry.launcher.yarn.UninterruptedCall;
import dev.ferry.launcher.yarn.YarnCluster;

import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes sure a deploy that does not complete leaves no YARN application behind: on a timeout,
 * a failure, or Ctrl-C (a JVM shutdown hook), the application carrying the deploy's unique
 * tag is killed.
 */
final class OrphanGuard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanGuard.class);

    private final YarnCluster yarn;
    private final String deployTag;
    private final Set<String> killed = ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook;
    private volatile boolean armed = true;
    private volatile boolean shuttingDown;

    OrphanGuard(YarnCluster yarn, String deployId) {
        this.yarn = yarn;
        this.deployTag = ApplicationTags.deploy(deployId);
        this.shutdownHook = new Thread(this::killIfArmed, "ferry-deploy-guard");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The deploy succeeded: the application is wanted. */
    void disarm() {
        armed = false;
    }

    /** Kills the deploy's application now, if it exists; returns how many were killed. */
    int killNow() {
        int count = 0;
        for (ApplicationReport report : applications()) {
            try {
                UninterruptedCall.run(() -> yarn.kill(report.getApplicationId()));
                killed.add(report.getApplicationId().toString());
                LOG.info("Killed {} of an unfinished deploy", report.getApplicationId());
                count++;
            } catch (Exception e) {
                LOG.warn("Could not kill {} of an unfinished deploy", report.getApplicationId(), e);
            }
        }
        return count;
    }

    /** The deploy's application id in any state, if YARN has accepted one. */
    Optional<String> applicationId() {
        if (!killed.isEmpty()) {
            return Optional.of(killed.iterator().next());
        }
        return applications(EnumSet.allOf(YarnApplicationState.class)).stream()
                .map(r -> r.getApplicationId().toString())
                .findFirst();
    }

    /** {@link #applicationId()}, or a placeholder for pointing the operator at its logs. */
    String applicationIdOrPlaceholder() {
        return applicationId().orElse("<application id>");
    }

    private List<ApplicationReport> applications() {
        return applications(ClusterStates.LIVE);
    }

    private List<ApplicationReport> applications(EnumSet<YarnApplicationState> states) {
        try {
            return UninterruptedCall.call(() -> yarn.ferryApplications(states, Set.of(deployTag)));
        } catch (Exception e) {
            LOG.warn("Could not look up the application of deploy tag {}", deployTag, e);
            return List.of();
        }
    }

    /** The JVM is exiting (Ctrl-C, SIGTERM) while the deploy runs. */
    boolean interrupted() {
        return shuttingDown;
    }

    private void killIfArmed() {
        shuttingDown = true;
        if (armed) {
            killNow();
        }
    }

    @Override
    public void close() {
        if (armed) {
            killNow();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook itself is running or about to; it does the same work.
        }
    }
}
