package dev.ferry.bench.nexmark;

import java.util.List;

/** Where and how a plan's runs are measured: on clusters from this JVM, or in a JVM of their own. */
interface NexmarkMeasurements {

    /** Hears of every run as it ends; {@code kind} is "warm-up" or "run". */
    @FunctionalInterface
    interface RunListener {
        void ended(String kind, RunResult run);
    }

    String WARM_UP = "warm-up";
    String MEASURED = "run";

    /** Runs the plan; returns the measured runs in the order they ran (warm-ups only go to the listener). */
    List<RunResult> measure(NexmarkPlan plan, RunListener listener) throws Exception;

    /** Where the jobs run, as one sentence of results.md. */
    String description();
}
