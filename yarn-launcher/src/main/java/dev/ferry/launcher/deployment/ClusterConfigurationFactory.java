package dev.ferry.launcher.deployment;

import dev.ferry.launcher.configuration.EffectiveConfiguration;
import dev.ferry.launcher.configuration.FerryHome;
import dev.ferry.launcher.configuration.FerryOptions;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.ha.HaDeployment;
import dev.ferry.launcher.monitoring.MetricsReporter;
import dev.ferry.launcher.staging.StagedDist;
import dev.ferry.launcher.yarn.ApplicationAttempts;
import dev.ferry.launcher.yarn.ApplicationTags;

import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.DeploymentOptionsInternal;
import org.apache.flink.configuration.IllegalConfigurationException;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.ResourceManagerOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.yarn.YarnClusterClientFactory;
import org.apache.flink.yarn.configuration.YarnConfigOptions;
import org.apache.flink.yarn.configuration.YarnLogConfigUtil;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Turns an operator's {@link ClusterSpec} and the effective configuration into the Flink
 * configuration a cluster (session or job cluster) is deployed with, and checks it before
 * anything reaches YARN.
 */
public final class ClusterConfigurationFactory {

    private final EffectiveConfiguration effective;
    private final FerryHome home;
    private final Path confDir;
    private final String ferryVersion;
    private final HaDeployment ha;

    public ClusterConfigurationFactory(
            EffectiveConfiguration effective, FerryHome home, Path confDir, String ferryVersion, HaDeployment ha) {
        this.effective = effective;
        this.home = home;
        this.confDir = confDir;
        this.ferryVersion = ferryVersion;
        this.ha = ha;
    }

    public String queueFor(ClusterSpec spec) {
        return spec.queue().orElse(effective.get(FerryOptions.QUEUE));
    }

    public int minTaskManagersFor(ClusterSpec spec) {
        return spec.minTaskManagers().orElse(effective.get(FerryOptions.MIN_TASKMANAGERS));
    }

    /** Whether a session of {@code spec} runs the {@link SessionWarmUp} job before it is ready. */
    public boolean warmUpFor(ClusterSpec spec) {
        return effective.get(FerryOptions.SESSION_WARM_UP) && minTaskManagersFor(spec) > 0;
    }

    public Configuration create(ClusterSpec spec, Optional<StagedDist> staged, String deployId) {
        return create(spec, ClusterMode.SESSION, staged, deployId);
    }

    /** The configuration of a cluster in any mode; a job cluster's program is added by its deployer. */
    public Configuration create(ClusterSpec spec, ClusterMode mode, Optional<StagedDist> staged, String deployId) {
        Configuration config = effective.toFlinkConfiguration();
        spec.jobManagerMemory().ifPresent(m -> config.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, m));
        spec.taskManagerMemory().ifPresent(m -> config.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, m));
        spec.slotsPerTaskManager().ifPresent(s -> config.set(TaskManagerOptions.NUM_TASK_SLOTS, s));
        int minTaskManagers = mode == ClusterMode.SESSION ? minTaskManagersFor(spec) : 0;
        if (minTaskManagers > 0) {
            config.set(
                    ResourceManagerOptions.MIN_SLOT_NUM,
                    minTaskManagers * config.get(TaskManagerOptions.NUM_TASK_SLOTS));
        }

        String queue = queueFor(spec);
        identify(config, spec.name(), mode, queue, deployId);
        MetricsReporter.configure(config, spec.name().value(), queue);
        addDistribution(config, staged);
        ha.apply(config);
        tagRequestedAttempts(config);
        return config;
    }

    /** YARN reports no cluster's requested attempts: the tag lets 'session status' compare them with the grant. */
    private static void tagRequestedAttempts(Configuration config) {
        config.set(
                YarnConfigOptions.APPLICATION_TAGS,
                config.get(YarnConfigOptions.APPLICATION_TAGS) + ","
                        + ApplicationTags.requestedAttempts(ApplicationAttempts.requested(config)));
    }

    /**
     * What makes an application a Ferry cluster on YARN: target, name, queue and the tags that
     * 'ferry session list/kill' and a stuck deploy's orphan guard find it by. Changes nothing
     * the cluster runs with, so the stock side of a benchmark gets it too.
     */
    public void identify(Configuration config, ClusterName name, ClusterMode mode, String queue, String deployId) {
        config.set(DeploymentOptions.TARGET, mode.deploymentTarget());
        config.set(DeploymentOptions.ATTACHED, false);
        config.set(YarnConfigOptions.APPLICATION_NAME, name.value());
        config.set(YarnConfigOptions.APPLICATION_TYPE, ApplicationTags.APPLICATION_TYPE);
        config.set(YarnConfigOptions.APPLICATION_QUEUE, queue);
        config.set(YarnConfigOptions.APPLICATION_TAGS, tags(name, mode, deployId));
    }

    /**
     * Where the containers get Flink from: the staged libraries, else the dist jar with lib/
     * shipped on every deploy (what stock Flink does); the log config; a Java 17 home.
     */
    public void addDistribution(Configuration config, Optional<StagedDist> staged) {
        config.set(DeploymentOptionsInternal.CONF_DIR, confDir.toString());
        config.set(YarnConfigOptions.FLINK_DIST_JAR, home.flinkDistJar().toString());
        if (staged.isPresent()) {
            config.set(YarnConfigOptions.PROVIDED_LIB_DIRS, staged.get().providedLibDirs());
        } else {
            config.set(YarnConfigOptions.SHIP_FILES, List.of(home.libDir().toString()));
        }
        YarnLogConfigUtil.setLogConfigFileInConfig(config, confDir.toString());
        defaultContainerJavaHome(config);
    }

    /**
     * Containers run the client's Java unless configured otherwise: NodeManagers often default
     * to an older Java than the 17 that Ferry's JVM flags need, and gateways and NodeManagers
     * normally share one image (see conf/config.yaml).
     */
    private static void defaultContainerJavaHome(Configuration config) {
        String javaHome = System.getProperty("java.home");
        for (String prefix : List.of(
                ResourceManagerOptions.CONTAINERIZED_MASTER_ENV_PREFIX,
                ResourceManagerOptions.CONTAINERIZED_TASK_MANAGER_ENV_PREFIX)) {
            String key = prefix + "JAVA_HOME";
            if (!config.containsKey(key)) {
                config.setString(key, javaHome);
            }
        }
    }

    /**
     * Rejects what Flink would refuse (memory below its minimum, a state backend, checkpoint
     * storage or restart strategy it does not know) before YARN is contacted.
     */
    public void validate(ClusterSpec spec) {
        Configuration config = create(spec, Optional.empty(), "validation");
        FlinkSettingsCheck.check(config);
        clusterSpecification(config);
    }

    /** Flink's own sizing of JobManager and TaskManager; rejects memory below Flink's minimum. */
    public ClusterSpecification clusterSpecification(Configuration config) {
        try {
            return new YarnClusterClientFactory().getClusterSpecification(config);
        } catch (IllegalConfigurationException e) {
            throw new FerryException(
                    ExitCode.USAGE,
                    "Flink cannot run with this memory setting (" + FerryException.firstLine(e.getMessage())
                            + "): give --jm-memory/--tm-memory at least 1024m, or fix "
                            + JobManagerOptions.TOTAL_PROCESS_MEMORY.key() + "/"
                            + TaskManagerOptions.TOTAL_PROCESS_MEMORY.key(),
                    e);
        }
    }

    private String tags(ClusterName name, ClusterMode mode, String deployId) {
        return String.join(
                ",",
                ApplicationTags.FERRY,
                ApplicationTags.cluster(name.value()),
                ApplicationTags.mode(mode.tag()),
                ApplicationTags.version(ferryVersion),
                ApplicationTags.deploy(deployId));
    }
}
