package dev.ferry.launcher.ha;

import dev.ferry.launcher.FerryException;
import dev.ferry.launcher.FerryException.ExitCode;
import dev.ferry.launcher.cluster.ClusterStates;

import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.client.api.YarnClient;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ids of every application YARN has not finished, of any type and any user: HA data of
 * such an application is never touched, whoever deployed it.
 */
final class LiveApplications {

    private LiveApplications() {}

    static Set<String> ids(YarnClient yarn) {
        try {
            return yarn.getApplications(ClusterStates.LIVE).stream()
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
