package dev.ferry.launcher.ha;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.yarn.ClusterStates;
import dev.ferry.launcher.yarn.YarnCluster;

import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The ids of every application YARN has not finished, of any type and any user: HA data of
 * such an application is never touched, whoever deployed it.
 */
final class LiveApplications {

    private LiveApplications() {}

    /**
     * A killed JobManager gets SIGTERM, then SIGKILL after YARN's grace; YARN marks its application
     * ended when it sends the kill, and the NodeManager delivers it on its next heartbeat. 10 s
     * covers both with room to spare.
     */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    static Set<String> ids(YarnCluster yarn) {
        return ids(yarn, ClusterStates.LIVE, report -> true);
    }

    /** Applications YARN ended less than {@link #SHUTDOWN_GRACE} ago. */
    static Set<String> justEndedIds(YarnCluster yarn) {
        long since = System.currentTimeMillis() - SHUTDOWN_GRACE.toMillis();
        return ids(yarn, EnumSet.complementOf(ClusterStates.LIVE), report -> report.getFinishTime() >= since);
    }

    private static Set<String> ids(
            YarnCluster yarn, EnumSet<YarnApplicationState> states, Predicate<ApplicationReport> which) {
        try {
            return yarn.applications(states).stream()
                    .filter(which)
                    .map(ApplicationReport::getApplicationId)
                    .map(Object::toString)
                    .collect(Collectors.toSet());
        } catch (Exception e) {
            throw new FerryException(
                    ExitCode.UNAVAILABLE,
                    "Cannot list YARN's running applications (" + FerryException.rootCauseMessage(e)
                            + "): HA data is only cleaned when YARN can say what still runs",
                    e);
        }
    }
}
