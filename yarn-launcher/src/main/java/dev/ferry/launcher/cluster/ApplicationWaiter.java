package dev.ferry.launcher.cluster;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.yarn.ClusterStates;
import dev.ferry.launcher.yarn.YarnCluster;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

/** Waits, with a deadline, until YARN reports an application as ended. */
public final class ApplicationWaiter {

    private static final long POLL_MILLIS = 250;

    private ApplicationWaiter() {}

    /**
     * Returns the state the application ended in; an application YARN no longer remembers ended
     * long ago and counts as FINISHED.
     */
    public static YarnApplicationState awaitEnded(YarnCluster yarn, ApplicationId id, long deadlineNanos, String what) {
        try {
            while (true) {
                YarnApplicationState state = yarn.application(id)
                        .map(ApplicationReport::getYarnApplicationState)
                        .orElse(YarnApplicationState.FINISHED);
                if (!ClusterStates.LIVE.contains(state)) {
                    return state;
                }
                if (System.nanoTime() >= deadlineNanos) {
                    throw new FerryException(
                            ExitCode.TIMEOUT,
                            what + ": " + id + " is still " + state + "; check it with 'yarn application -status " + id
                                    + "' or end it with 'ferry session kill'");
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ExitCode.FAILURE, "Interrupted while waiting for " + id, e);
        }
    }
}
