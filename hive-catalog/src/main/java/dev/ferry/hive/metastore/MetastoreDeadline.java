package dev.ferry.hive.metastore;

import dev.ferry.hive.config.HiveSite;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Bounds a whole conversation with the metastore, connecting and every call, by one timeout.
 *
 * <p>The Hive client bounds each socket read, not a call. Against a metastore that accepts
 * connections and never answers, opening the client times out on {@code set_ugi}, ignores that and
 * goes on, and the first real call waits the timeout again; against one that sends a byte now and
 * then, no read ever times out. So the conversation runs on a thread of its own and is abandoned at
 * the deadline. Thrift's blocking sockets ignore interrupts: the abandoned thread ends at its next
 * socket timeout, as a daemon so that it never keeps a JVM alive. Its client is not closed from
 * here: the retrying client's handler is synchronized, and close() would wait for the hung call.
 */
public final class MetastoreDeadline {

    private final Duration timeout;

    public MetastoreDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Runs {@code conversation} with the metastore of {@code site}; its exceptions propagate as they
     * are.
     *
     * @throws MetastoreUnavailableException if it has not ended within the timeout
     */
    public <T> T call(HiveSite site, Supplier<T> conversation) {
        FutureTask<T> task = new FutureTask<>(conversation::get);
        Thread thread = new Thread(task, "ferry-metastore-call");
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw MetastoreConnection.unavailable(
                    site, new TimeoutException("no answer within " + timeout.toMillis() + " ms"));
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new MetastoreUnavailableException(
                    site.metastoreUris(),
                    "Interrupted while waiting for the Hive Metastore at " + site.metastoreUris(),
                    e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /** A Supplier throws only unchecked exceptions. */
    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return (RuntimeException) cause;
    }
}
