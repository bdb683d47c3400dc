package dev.ferry.sandbox.daemon;

import sun.misc.Signal;

/** Turns SIGTERM and SIGINT into a call instead of the JVM's default exit. */
final class StopSignals {

    private StopSignals() {}

    static void onStop(Runnable action) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> action.run());
        }
    }
}
