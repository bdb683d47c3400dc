package dev.ferry.sql;

/**
 * Runs an action if the JVM exits (Ctrl-C) while a block runs, e.g. to stop a query's or a
 * sample's job on the cluster instead of leaving it running: {@code try (OnExit stop =
 * OnExit.run(action)) {...}}.
 */
final class OnExit implements AutoCloseable {

    private final Thread hook;

    private OnExit(Thread hook) {
        this.hook = hook;
    }

    static OnExit run(Runnable action, String name) {
        Thread hook = new Thread(action, name);
        Runtime.getRuntime().addShutdownHook(hook);
        return new OnExit(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is exiting: the hook has run or runs now, which is what it is for.
        }
    }
}
