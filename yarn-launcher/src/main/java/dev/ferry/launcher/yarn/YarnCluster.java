package dev.ferry.launcher.yarn;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.QueueInfo;
import org.apache.hadoop.yarn.api.records.QueueUserACLInfo;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the launcher asks of YARN's ResourceManager, and nothing more: applications, queues, and
 * killing an application. Deploying goes through Flink's own descriptor ({@code
 * deployment.YarnSubmission}). Implementations turn YARN's failures into one-line errors with
 * exit code 6 (unavailable).
 */
public interface YarnCluster {

    /** Applications of any type and user in {@code states}. */
    List<ApplicationReport> applications(Set<YarnApplicationState> states);

    /** Ferry's applications (type {@link ApplicationTags#APPLICATION_TYPE}) carrying every one of {@code tags}. */
    List<ApplicationReport> ferryApplications(Set<YarnApplicationState> states, Set<String> tags);

    /** The application {@code id}, unless YARN has forgotten it. */
    Optional<ApplicationReport> application(ApplicationId id);

    void kill(ApplicationId id);

    /**
     * The containers of every attempt of application {@code id} that the ResourceManager still
     * knows: the running ones, and the application masters of attempts that ended.
     */
    List<ContainerView> containers(ApplicationId id);

    /** The children of the root queue, each with its children. */
    List<QueueInfo> rootQueues();

    /** What the current user may do in each queue. */
    List<QueueUserACLInfo> queueAcls();

    /**
     * The client's YARN configuration: gateways share yarn-site.xml with the ResourceManager, so it
     * states the ResourceManager's limits (e.g. the maximum application attempts).
     */
    org.apache.hadoop.conf.Configuration configuration();
}
