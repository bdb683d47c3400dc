package dev.ferry.launcher.rest;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/** Waits for a JobManager's answer until a deadline, turning what went wrong into the caller's one-line error. */
public final class Answers {

    private Answers() {}

    /**
     * @param deadline a {@link System#nanoTime()} value
     * @param timedOut the error when no answer came in time
     * @param failed the error for the JobManager's failure, given its root cause's message (both errors are
     *     made without a cause: this adds it)
     */
    public static <T> T await(
            CompletableFuture<T> call,
            long deadline,
            Supplier<FerryException> timedOut,
            Function<String, FerryException> failed) {
        try {
            return call.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            FerryException error = timedOut.get();
            error.initCause(e);
            throw error;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new FerryException(ExitCode.FAILURE, "Interrupted while waiting for the JobManager", e);
        } catch (ExecutionException e) {
            FerryException error = failed.apply(FerryException.rootCauseMessage(e.getCause()));
            error.initCause(e.getCause());
            throw error;
        }
    }

    /**
     * The answer if it came by {@code deadline}, else empty: for what a view shows when the
     * JobManager answers and leaves out when it does not (a failure, a timeout, an interrupt).
     */
    public static <T> Optional<T> ifAnswered(CompletableFuture<T> call, long deadline) {
        try {
            return Optional.ofNullable(call.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    /** A deadline {@code timeout} from now, as {@link #await} takes it. */
    public static long deadline(java.time.Duration timeout) {
        return System.nanoTime() + timeout.toNanos();
    }
}
