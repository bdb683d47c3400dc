package dev.ferry.launcher.testing;

import dev.ferry.launcher.rest.JobManager;
import dev.ferry.launcher.rest.JobManagers;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JobManagers of the clusters in a {@link TestingYarnCluster}: one {@link TestingFlinkCluster}
 * per application, made when first opened, writing its savepoints and checkpoints into an {@link
 * InMemoryClusterFiles}.
 */
public final class TestingJobManagers implements JobManagers {

    public static final Duration CALL_TIMEOUT = Duration.ofMillis(300);

    private final TestingYarnCluster yarn;
    private final InMemoryClusterFiles files;
    private final TestClock clock;
    private final Map<ApplicationId, TestingFlinkCluster> clusters = new ConcurrentHashMap<>();

    public TestingJobManagers(TestingYarnCluster yarn, InMemoryClusterFiles files, TestClock clock) {
        this.yarn = yarn;
        this.files = files;
        this.clock = clock;
    }

    /** The Flink cluster running in application {@code id}. */
    public TestingFlinkCluster cluster(ApplicationId id) {
        return clusters.computeIfAbsent(id, key -> new TestingFlinkCluster(key, yarn, files, clock));
    }

    public TestingFlinkCluster cluster(ApplicationReport report) {
        return cluster(report.getApplicationId());
    }

    @Override
    public JobManager open(ApplicationReport cluster) {
        return cluster(cluster).jobManager();
    }

    @Override
    public Duration callTimeout() {
        return CALL_TIMEOUT;
    }
}
