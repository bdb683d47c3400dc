package dev.ferry.launcher.jobs;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.rest.Answers;
import dev.ferry.launcher.rest.JobManager;
import dev.ferry.launcher.rest.JobManagers;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.dag.Pipeline;
import org.apache.flink.client.FlinkPipelineTranslationUtil;
import org.apache.flink.client.program.PackagedProgram;
import org.apache.flink.client.program.PackagedProgramUtils;
import org.apache.flink.client.program.ProgramInvocationException;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

import java.time.Duration;

/**
 * Submits a jar job into a running session with Flink's own client and returns once the session
 * accepted it. Waiting for RUNNING is the caller's (see {@link JobRunningWaiter}), after it
 * recorded the run.
 */
public final class JobSubmitter {

    private final Configuration baseConfig;
    private final JobManagers jobManagers;
    private final Duration submitTimeout;

    public JobSubmitter(Configuration baseConfig, JobManagers jobManagers, Duration submitTimeout) {
        this.baseConfig = baseConfig;
        this.jobManagers = jobManagers;
        this.submitTimeout = submitTimeout;
    }

    /** Returns the accepted job's id. */
    public String submit(ApplicationReport session, String sessionName, JarJobRequest request) {
        ProgramInspector.requireJar(request.jar());
        Configuration config = new Configuration(baseConfig);
        config.addAll(Configuration.fromMap(request.flinkSettings()));
        request.jobName().ifPresent(name -> config.set(PipelineOptions.NAME, name));
        JobGraph graph = buildJobGraph(request, config);
        try (JobManager jobManager = jobManagers.open(session)) {
            return Answers.await(
                            jobManager.submit(graph),
                            Answers.deadline(submitTimeout),
                            () -> new FerryException(
                                    ExitCode.TIMEOUT,
                                    "Session '" + sessionName + "' did not accept the job within "
                                            + submitTimeout.toSeconds() + "s: check " + JobManagers.webUrl(session)),
                            cause -> new FerryException(
                                    ExitCode.FAILURE, "Session '" + sessionName + "' did not accept the job: " + cause))
                    .toHexString();
        }
    }

    /** Builds the JobGraph on the gateway, as {@code flink run} does; also used for per-job clusters. */
    static JobGraph buildJobGraph(JarJobRequest request, Configuration config) {
        return buildJobGraph(request, config, null);
    }

    /**
     * What Flink's {@code PackagedProgramUtils.createJobGraph} does (the program's main runs here
     * and its pipeline is caught), with one step added: the job gets Ferry's name, which a program's
     * own {@code execute("...")} would otherwise override, so that Flink's CLI, REST API and web UI
     * show the name Ferry shows. Pinned by {@code JobStarterTest}.
     */
    static JobGraph buildJobGraph(JarJobRequest request, Configuration config, JobID fixedId) {
        int parallelism = request.parallelism().orElse(config.get(CoreOptions.DEFAULT_PARALLELISM));
        try {
            PackagedProgram program = PackagedProgram.newBuilder()
                    .setJarFile(request.jar().toFile())
                    .setEntryPointClassName(request.entryClass().orElse(null))
                    .setArguments(request.arguments().toArray(String[]::new))
                    .setConfiguration(config)
                    .setSavepointRestoreSettings(request.restorePath()
                            .map(path -> SavepointRestoreSettings.forPath(path, false))
                            .orElse(SavepointRestoreSettings.none()))
                    .build();
            try {
                Pipeline pipeline = PackagedProgramUtils.getPipelineFromProgram(program, config, parallelism, false);
                if (pipeline instanceof StreamGraph streamGraph) {
                    request.jobName().ifPresent(streamGraph::setJobName);
                }
                JobGraph graph = FlinkPipelineTranslationUtil.getJobGraphUnderUserClassLoader(
                        program.getUserCodeClassLoader(), pipeline, config, parallelism);
                if (fixedId != null) {
                    graph.setJobID(fixedId);
                }
                graph.addJars(program.getJobJarAndDependencies());
                graph.setClasspaths(program.getClasspaths());
                graph.setSavepointRestoreSettings(program.getSavepointSettings());
                return graph;
            } finally {
                program.close();
            }
        } catch (ProgramInvocationException | RuntimeException e) {
            throw new FerryException(
                    ExitCode.USAGE,
                    "Cannot build the job from " + request.jar().getFileName() + ": "
                            + FerryException.specificCauseMessage(e) + " (check --class and the job's arguments)",
                    e);
        }
    }
}
