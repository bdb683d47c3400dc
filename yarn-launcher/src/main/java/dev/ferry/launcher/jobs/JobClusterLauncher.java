package dev.ferry.launcher.jobs;

import dev.ferry.launcher.deployment.ClusterMode;
import dev.ferry.launcher.deployment.ClusterSpec;
import dev.ferry.launcher.deployment.ClusterStarter;
import dev.ferry.launcher.deployment.DeployCall;
import dev.ferry.launcher.deployment.DeployedCluster;

import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.client.deployment.application.ApplicationConfiguration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.PipelineOptionsInternal;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.yarn.configuration.YarnConfigOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Deploys a cluster that runs one job: Flink's application mode (the program's main method runs
 * on the JobManager) or the deprecated per-job mode (the JobGraph is built here). Either way
 * the job id is fixed before the deploy, so the caller can wait for it and record it.
 */
public final class JobClusterLauncher {

    private final ClusterStarter starter;

    public JobClusterLauncher(ClusterStarter starter) {
        this.starter = starter;
    }

    public DeployedCluster launch(ClusterSpec cluster, ClusterMode mode, JobProgram program) {
        return starter.startJobCluster(cluster, mode, (config, sizing) -> {
            applyProgram(config, program);
            return mode == ClusterMode.PER_JOB ? perJob(config, program, sizing) : application(config, program, sizing);
        });
    }

    private static void applyProgram(Configuration config, JobProgram program) {
        program.flinkSettings().forEach(config::setString);
        if (!program.shipFiles().isEmpty()) {
            // Appended: Ferry's lib/ may be shipped the same way when no staged dist is used.
            List<String> ship = new ArrayList<>(
                    config.getOptional(YarnConfigOptions.SHIP_FILES).orElse(List.of()));
            program.shipFiles().forEach(file -> ship.add(file.toAbsolutePath().toString()));
            config.set(YarnConfigOptions.SHIP_FILES, ship);
        }
        config.set(PipelineOptions.NAME, program.jobName());
        config.set(
                PipelineOptionsInternal.PIPELINE_FIXED_JOB_ID, program.jobId().toHexString());
        program.parallelism().ifPresent(p -> config.set(CoreOptions.DEFAULT_PARALLELISM, p));
        program.restorePath()
                .ifPresent(path -> SavepointRestoreSettings.toConfiguration(
                        SavepointRestoreSettings.forPath(path, false), config));
    }

    private static DeployCall application(Configuration config, JobProgram program, ClusterSpecification sizing) {
        config.set(PipelineOptions.JARS, List.of(program.jar().toUri().toString()));
        ApplicationConfiguration entry =
                new ApplicationConfiguration(program.arguments().toArray(String[]::new), program.entryClass());
        return descriptor -> descriptor.deployApplicationCluster(sizing, entry);
    }

    @SuppressWarnings("deprecation")
    private static DeployCall perJob(Configuration config, JobProgram program, ClusterSpecification sizing) {
        JobGraph graph = JobSubmitter.buildJobGraph(program.asJarRequest(), config, program.jobId());
        return descriptor -> descriptor.deployJobCluster(sizing, graph, true);
    }
}
