package dev.ferry.bench.nexmark;

import dev.ferry.launcher.error.FerryException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;

/**
 * The JVM that measures a local Nexmark bench ({@link LocalMeasurementJvm} starts it): reads the
 * plan from stdin, runs it on MiniClusters of its own and writes every run to stdout. It runs
 * with the JVM's full JIT, which the CLI's short-lived JVM does without, and keeps the measured
 * jobs apart from the CLI's own classes and heap.
 */
public final class LocalMeasurementMain {

    private static final Logger LOG = LoggerFactory.getLogger(LocalMeasurementMain.class);

    private LocalMeasurementMain() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        try {
            NexmarkPlan plan = MeasurementProtocol.readPlan(System.in);
            try (LocalClusters clusters = new LocalClusters(plan.parallelism(), plan.variants())) {
                new ClusterMeasurements(clusters).measure(plan, (kind, run) -> {
                    out.println(MeasurementProtocol.line(kind, run));
                    out.flush();
                });
            }
        } catch (Throwable e) {
            LOG.error("Nexmark measurements failed", e);
            System.err.println(FerryException.rootCauseMessage(e));
            // Flink's threads may outlive a failed start: exit explicitly.
            System.exit(1);
        }
        System.exit(0);
    }
}
