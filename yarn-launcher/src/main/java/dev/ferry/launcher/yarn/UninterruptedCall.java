package dev.ferry.launcher.yarn;

import java.util.concurrent.Callable;

/**
 * Runs a cleanup call to YARN or HDFS with the thread's interrupt flag cleared, then sets the flag
 * again. Cleanup after Ctrl-C runs on the interrupted command thread, and Hadoop's RPC client
 * refuses to call out of an interrupted thread: the kill of a half-made cluster would fail.
 */
public final class UninterruptedCall {

    private UninterruptedCall() {}

    public static <T> T call(Callable<T> call) throws Exception {
        boolean interrupted = Thread.interrupted();
        try {
            return call.call();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static void run(Runnable run) {
        boolean interrupted = Thread.interrupted();
        try {
            run.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
