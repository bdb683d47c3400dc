package dev.ferry.launcher.yarn;

import dev.ferry.launcher.configuration.FerryOptions;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.jobmanager.HighAvailabilityMode;
import org.apache.flink.yarn.configuration.YarnConfigOptions;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

/**
 * How many YARN attempts (JobManager starts) a cluster gets: what it asks for and what the
 * ResourceManager grants. The ResourceManager replaces a request above its maximum by that
 * maximum and only logs it, so a cluster may die for good earlier than its configuration says.
 *
 * @param requested what the cluster asked for ({@code yarn.application-attempts})
 * @param granted what YARN gives it
 * @param limitKey the ResourceManager setting that is the maximum
 */
public record ApplicationAttempts(int requested, int granted, String limitKey) {

    /** Flink's rule (YarnClusterDescriptor): {@code yarn.application-attempts}, else 2 with HA, else 1. */
    public static int requested(Configuration flinkConfig) {
        int unset = HighAvailabilityMode.isHighAvailabilityModeActivated(flinkConfig)
                ? YarnConfiguration.DEFAULT_RM_AM_MAX_ATTEMPTS
                : 1;
        return flinkConfig.getOptional(YarnConfigOptions.APPLICATION_ATTEMPTS).orElse(unset);
    }

    /**
     * The ResourceManager's rule (RMAppImpl), with its limits as the gateway's yarn-site.xml states
     * them: gateways and ResourceManagers share one yarn-site.xml.
     */
    public static ApplicationAttempts granted(int requested, org.apache.hadoop.conf.Configuration yarnConfig) {
        int perApplication =
                yarnConfig.getInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, YarnConfiguration.DEFAULT_RM_AM_MAX_ATTEMPTS);
        boolean globalSet = yarnConfig.get(YarnConfiguration.GLOBAL_RM_AM_MAX_ATTEMPTS) != null;
        int maximum = globalSet ? yarnConfig.getInt(YarnConfiguration.GLOBAL_RM_AM_MAX_ATTEMPTS, 0) : perApplication;
        int granted = requested <= 0 ? perApplication : Math.min(requested, maximum);
        String limitKey =
                globalSet ? YarnConfiguration.GLOBAL_RM_AM_MAX_ATTEMPTS : YarnConfiguration.RM_AM_MAX_ATTEMPTS;
        return new ApplicationAttempts(requested, granted, limitKey);
    }

    /** What a cluster deployed with {@code flinkConfig} gets. */
    public static ApplicationAttempts of(Configuration flinkConfig, org.apache.hadoop.conf.Configuration yarnConfig) {
        return granted(requested(flinkConfig), yarnConfig);
    }

    public boolean capped() {
        return granted < requested;
    }

    /** For the operator when {@link #capped()}: which limit, and what to change. */
    public String cappedWarning(String clusterName) {
        return "'" + clusterName + "' gets " + granted + " YARN attempts, not the " + requested + " it asked for: "
                + limitKey + " caps them on this cluster; raise it on the ResourceManager, or lower "
                + FerryOptions.HA_APPLICATION_ATTEMPTS.key();
    }

    /** {@code 4}, or {@code 2 of 4 requested, capped by yarn.resourcemanager.am.max-attempts}. */
    public String describe() {
        return capped() ? granted + " of " + requested + " requested, capped by " + limitKey : String.valueOf(granted);
    }
}
