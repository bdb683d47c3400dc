package dev.ferry.bench.nexmark;

import dev.ferry.bench.yarn.BenchSessions;
import dev.ferry.launcher.deployment.ClusterName;
import dev.ferry.launcher.deployment.DeployedCluster;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.nexmark.queries.SideInput;

import org.apache.flink.configuration.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The Nexmark bench's clusters on YARN, up for the whole bench on one queue: a session as
 * 'ferry session start' deploys it for A (staged libraries, Ferry's config.yaml) and a stock
 * Flink session for B (Flink's defaults, so its heap state backend). Each keeps as many warm
 * TaskManagers (one slot, 1728m) as the jobs' parallelism, so that no run waits for a YARN
 * container: the bench measures the jobs, not container starts. Both ship the nexmark source's
 * jar ({@link NexmarkSourceJar}), which lib/ does not hold.
 */
public final class NexmarkSessions implements NexmarkClusters {

    static final ClusterName FERRY = new ClusterName("bench-nexmark-a");
    static final ClusterName STOCK = new ClusterName("bench-nexmark-b");

    private final BenchSessions sessions;
    private final DeployedCluster ferry;
    private final DeployedCluster stock;
    private final URI sideInput;

    private NexmarkSessions(BenchSessions sessions, DeployedCluster ferry, DeployedCluster stock, URI sideInput) {
        this.sessions = sessions;
        this.ferry = ferry;
        this.stock = stock;
        this.sideInput = sideInput;
    }

    /**
     * Writes q13's side input to {@code sideInput} on the cluster's file system, then deploys
     * both sessions; a failure kills whichever already started.
     */
    public static NexmarkSessions start(
            BenchSessions sessions,
            Optional<String> queue,
            int parallelism,
            org.apache.hadoop.conf.Configuration hadoop,
            URI sideInput) {
        writeSideInput(hadoop, sideInput);
        sessions.stageFerry();
        DeployedCluster ferry =
                sessions.startFerryWith(FERRY, queue, Optional.of(parallelism), NexmarkSourceJar::shipWith);
        try {
            DeployedCluster stock = sessions.startStock(STOCK, queue, parallelism, NexmarkSourceJar::shipWith);
            return new NexmarkSessions(sessions, ferry, stock, sideInput);
        } catch (RuntimeException e) {
            sessions.kill(FERRY);
            throw e;
        }
    }

    @Override
    public Configuration clientConfiguration(Variant variant) {
        DeployedCluster session = variant.id().equals("A") ? ferry : stock;
        return NexmarkClusters.remote(URI.create(session.webUrl()));
    }

    @Override
    public URI sideInput() {
        return sideInput;
    }

    @Override
    public String description() {
        return "two YARN sessions on queue " + ferry.queue() + ", up for the whole bench: A's "
                + ferry.applicationId() + " deployed as 'ferry session start' does, B's " + stock.applicationId()
                + " a stock Flink session; each keeping " + ferry.taskManagers()
                + " warm one-slot TaskManager(s) (Ferry's sized by its config.yaml, stock's by stock config.yaml)";
    }

    /** Kills both sessions and waits until YARN has ended them. */
    @Override
    public void close() {
        sessions.kill(STOCK);
        sessions.kill(FERRY);
    }

    private static void writeSideInput(org.apache.hadoop.conf.Configuration hadoop, URI file) {
        try (FSDataOutputStream out = FileSystem.get(file, hadoop).create(new Path(file), true)) {
            out.write(SideInput.rows().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FerryException(
                    ExitCode.UNAVAILABLE, "Cannot write the Nexmark side input to " + file + ": " + e.getMessage(), e);
        }
    }
}
