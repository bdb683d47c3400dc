package dev.ferry.launcher.deployment;

import org.apache.flink.configuration.Configuration;
import org.apache.hadoop.yarn.api.records.ApplicationId;

/**
 * Hands a Flink cluster to YARN and returns its application once YARN runs its JobManager. In
 * production this is Flink's own {@code YarnClusterDescriptor} ({@link DescriptorSubmission});
 * the deadline, the orphan guard and the error messages around it are {@link DescriptorDeploy}'s.
 */
@FunctionalInterface
public interface YarnSubmission {

    ApplicationId submit(Configuration flinkConfig, DeployCall call) throws Exception;
}
