package dev.ferry.launcher.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into an interrupt of the command's thread, and keeps the JVM
 * alive until the command has cleaned up and reported why it stopped.
 *
 * <p>Without this the JVM halts as soon as the shutdown hooks finish, racing the command: an
 * interrupted deploy might kill its application but never say so.
 */
final class InterruptOnShutdown {

    /** Long enough to kill a YARN application and print one line; short enough for an operator. */
    private static final Duration REPORT_GRACE = Duration.ofSeconds(30);

    private final Thread commandThread;
    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook = new Thread(this::interruptAndAwaitReport, "ferry-interrupt");

    private InterruptOnShutdown(Thread commandThread) {
        this.commandThread = commandThread;
    }

    /** Installs the hook for the calling thread, which runs the command. */
    static InterruptOnShutdown install() {
        InterruptOnShutdown handler = new InterruptOnShutdown(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(handler.hook);
        return handler;
    }

    /** The command finished and printed its outcome; an exit may proceed at once. */
    void commandReported() {
        reported.countDown();
    }

    private void interruptAndAwaitReport() {
        if (reported.getCount() == 0) {
            return;
        }
        commandThread.interrupt();
        try {
            reported.await(REPORT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
