package dev.ferry.bench.nexmark;

import dev.ferry.bench.report.AlternatingRunner;
import dev.ferry.bench.report.AlternatingRunner.Side;
import dev.ferry.nexmark.queries.NexmarkQueries;
import dev.ferry.nexmark.queries.NexmarkQuery;

import java.util.ArrayList;
import java.util.List;

/** Measures a plan on clusters this JVM submits to: a local MiniCluster or YARN sessions. */
final class ClusterMeasurements implements NexmarkMeasurements {

    private final NexmarkClusters clusters;

    ClusterMeasurements(NexmarkClusters clusters) {
        this.clusters = clusters;
    }

    @Override
    public List<RunResult> measure(NexmarkPlan plan, RunListener listener) {
        QueryRunner runner = new QueryRunner(plan.events(), plan.parallelism(), clusters);
        List<RunResult> measured = new ArrayList<>();
        for (String name : plan.queries()) {
            NexmarkQuery query = NexmarkQueries.get(name);
            List<Side<RunResult>> sides = plan.variants().stream()
                    .map(variant -> side(runner, query, variant))
                    .toList();
            AlternatingRunner.run(plan.warmups(), sides, run -> listener.ended(WARM_UP, run));
            measured.addAll(AlternatingRunner.run(plan.runs(), sides, run -> listener.ended(MEASURED, run)));
        }
        return measured;
    }

    private Side<RunResult> side(QueryRunner runner, NexmarkQuery query, Variant variant) {
        return new Side<>(
                index -> List.of(runner.run(query, variant, index)),
                (index, why) -> List.of(runner.failed(query, variant, index, why)));
    }

    @Override
    public String description() {
        return clusters.description();
    }
}
