package dev.ferry.launcher.ha;

import dev.ferry.ha.HaException;
import dev.ferry.ha.lock.LockTimeoutException;
import dev.ferry.ha.registry.ClusterAlreadyRegisteredException;
import dev.ferry.ha.registry.ClusterNotFoundException;
import dev.ferry.ha.registry.ConcurrentUpdateException;
import dev.ferry.ha.zookeeper.ZooKeeperUnavailableException;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

/** Gives the ha module's failures (already one-line messages) the CLI's exit codes. */
public final class HaErrors {

    private HaErrors() {}

    public static FerryException translate(HaException e) {
        ExitCode code;
        if (e instanceof ZooKeeperUnavailableException) {
            code = ExitCode.UNAVAILABLE;
        } else if (e instanceof LockTimeoutException
                || e instanceof ClusterAlreadyRegisteredException
                || e instanceof ConcurrentUpdateException) {
            code = ExitCode.CONFLICT;
        } else if (e instanceof ClusterNotFoundException) {
            code = ExitCode.NOT_FOUND;
        } else {
            code = ExitCode.FAILURE;
        }
        return new FerryException(code, e.getMessage(), e);
    }
}
