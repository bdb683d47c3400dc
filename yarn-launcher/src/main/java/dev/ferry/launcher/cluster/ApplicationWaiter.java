package dev.ferry.launcher.cluster;

import dev.ferry.launcher.FerryException;
import dev.ferry.launcher.FerryException.ExitCode;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;

import java.time.Duration;

/** Waits, with a deadline, until YARN reports an application as ended. */
public final class ApplicationWaiter {

    private static final long POLL_MILLIS = 250;

    private ApplicationWaiter() {}

    public static YarnApplicationState awaitEnded(YarnClient yarn, ApplicationId id, long deadlineNanos, String what) {
        try {
            while (true) {
                YarnApplicationState state = yarn.getApplicationReport(id).getYarnApplicationState();
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
        } catch (FerryException e) {
            throw e;
        } catch (Exception e) {
            throw new FerryException(ExitCode.UNAVAILABLE, "Cannot read the state of " + id + ": " + e.getMessage(), e);
        }
    }

    public static long deadline(Duration timeout) {
        return System.nanoTime() + timeout.toNanos();
    }
}
