package dev.ferry.bench.yarn;

import dev.ferry.bench.report.AlternatingRunner;
import dev.ferry.bench.report.BenchDescription;
import dev.ferry.bench.report.BenchDescription.Comparison;
import dev.ferry.bench.report.BenchPeriod;
import dev.ferry.bench.report.BenchReport;
import dev.ferry.bench.report.BenchRun;
import dev.ferry.bench.report.BenchVariant;
import dev.ferry.launcher.deployment.ClusterName;
import dev.ferry.launcher.deployment.DeployedCluster;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Session deploy time: from the deploy call until the JobManager's REST API answers, Ferry
 * against stock Flink.
 */
public final class DeployBench implements YarnBench {

    static final BenchVariant FERRY = new BenchVariant(
            "A",
            "Ferry",
            "'ferry session start' as shipped (staged libraries via yarn.provided.lib.dirs, Ferry's config.yaml),"
                    + " --min-taskmanagers 0 so that ready means the same as for stock");
    static final BenchVariant STOCK = new BenchVariant(
            "B",
            "stock Flink",
            "Flink's YarnClusterDescriptor with Flink's defaults (memory from stock config.yaml), the dist jar"
                    + " and lib/ shipped on every deploy, plus only the Java 17 options and JAVA_HOME");

    private final BenchSessions sessions;

    public DeployBench(BenchSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public BenchReport run(int runs, Optional<String> queue, Consumer<BenchRun> progress) {
        sessions.stageFerry();
        BenchPeriod.Start start = BenchPeriod.begin();
        List<BenchRun> results = AlternatingRunner.run(
                runs,
                List.of(
                        BenchRun.side(
                                List.of(FERRY),
                                i -> List.of(
                                        timed(FERRY, i, name -> sessions.startFerry(name, queue, Optional.of(0))))),
                        BenchRun.side(
                                List.of(STOCK),
                                i -> List.of(timed(STOCK, i, name -> sessions.startStock(name, queue))))),
                progress);
        return new BenchReport(description(runs), results, start.end());
    }

    private BenchRun timed(BenchVariant variant, int index, Function<ClusterName, DeployedCluster> deploy) {
        ClusterName name = new ClusterName("bench-deploy-" + variant.id().toLowerCase() + "-" + index);
        long started = System.nanoTime();
        try {
            DeployedCluster cluster = deploy.apply(name);
            double seconds = (System.nanoTime() - started) / 1e9;
            return BenchRun.completed(
                    variant, index, seconds, "", cluster.usedStagedLibraries() ? "staged libraries" : "lib/ shipped");
        } finally {
            sessions.kill(name);
        }
    }

    static BenchDescription description(int runs) {
        return new BenchDescription(
                "deploy",
                "Session deploy: deploy call to REST API answering",
                "ready",
                "",
                List.of(
                        "Clock started before the deploy call (Ferry: its whole 'session start' path, queue check"
                                + " included), stopped when the new JobManager's REST API answered /overview (polled"
                                + " every 200 ms by the same ClusterDeployer for both).",
                        "Each run deploys a fresh session, which is killed (and gone from YARN) before the next run.",
                        "Ferry's libraries were staged ('ferry dist upload') before the first run; that is once per"
                                + " build, not per deploy."),
                List.of(new Comparison("A", "B")),
                "ferry bench deploy --runs " + runs);
    }
}
