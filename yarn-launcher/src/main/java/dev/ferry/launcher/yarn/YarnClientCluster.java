package dev.ferry.launcher.yarn;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import org.apache.hadoop.yarn.api.records.ApplicationAttemptReport;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerReport;
import org.apache.hadoop.yarn.api.records.ContainerState;
import org.apache.hadoop.yarn.api.records.QueueInfo;
import org.apache.hadoop.yarn.api.records.QueueUserACLInfo;
import org.apache.hadoop.yarn.api.records.YarnApplicationAttemptState;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.ApplicationNotFoundException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@link YarnCluster} through Hadoop's {@link YarnClient}, connected on the first call: a command
 * checks its input before it contacts the cluster.
 */
public final class YarnClientCluster implements YarnCluster {

    private final Supplier<YarnClient> client;

    public YarnClientCluster(Supplier<YarnClient> client) {
        this.client = client;
    }

    @Override
    public List<ApplicationReport> applications(Set<YarnApplicationState> states) {
        return call("list YARN applications", () -> client.get().getApplications(EnumSet.copyOf(states)));
    }

    @Override
    public List<ApplicationReport> ferryApplications(Set<YarnApplicationState> states, Set<String> tags) {
        return call(
                "list YARN applications",
                () -> client.get()
                        .getApplications(Set.of(ApplicationTags.APPLICATION_TYPE), EnumSet.copyOf(states), tags));
    }

    @Override
    public Optional<ApplicationReport> application(ApplicationId id) {
        return call("read the state of " + id, () -> {
            try {
                return Optional.of(client.get().getApplicationReport(id));
            } catch (ApplicationNotFoundException forgotten) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void kill(ApplicationId id) {
        call("kill " + id, () -> {
            client.get().killApplication(id);
            return null;
        });
    }

    @Override
    public List<ContainerView> containers(ApplicationId id) {
        return call("list the containers of " + id, () -> {
            List<ContainerView> containers = new ArrayList<>();
            for (ApplicationAttemptReport attempt : client.get().getApplicationAttempts(id)) {
                ContainerId master = attempt.getAMContainerId();
                Set<ContainerId> listed = new HashSet<>();
                for (ContainerReport container : client.get().getContainers(attempt.getApplicationAttemptId())) {
                    listed.add(container.getContainerId());
                    containers.add(
                            view(container, attempt, container.getContainerId().equals(master)));
                }
                if (master != null && !listed.contains(master)) {
                    masterOf(attempt).ifPresent(containers::add);
                }
            }
            return containers;
        });
    }

    /** An ended attempt's application master, which the ResourceManager may no longer list. */
    private Optional<ContainerView> masterOf(ApplicationAttemptReport attempt) {
        try {
            return Optional.of(view(client.get().getContainerReport(attempt.getAMContainerId()), attempt, true));
        } catch (Exception forgotten) {
            return Optional.of(new ContainerView(
                    attempt.getAMContainerId().toString(),
                    attempt.getApplicationAttemptId().getAttemptId(),
                    true,
                    attempt.getHost(),
                    "",
                    attempt.getYarnApplicationAttemptState().name(),
                    attempt.getYarnApplicationAttemptState() == YarnApplicationAttemptState.RUNNING ? null : 0,
                    attempt.getDiagnostics()));
        }
    }

    private static ContainerView view(ContainerReport container, ApplicationAttemptReport attempt, boolean master) {
        boolean running = container.getContainerState() != ContainerState.COMPLETE;
        return new ContainerView(
                container.getContainerId().toString(),
                attempt.getApplicationAttemptId().getAttemptId(),
                master,
                container.getAssignedNode() == null
                        ? ""
                        : container.getAssignedNode().getHost(),
                container.getNodeHttpAddress() == null ? "" : container.getNodeHttpAddress(),
                container.getContainerState().name(),
                running ? null : container.getContainerExitStatus(),
                container.getDiagnosticsInfo() == null ? "" : container.getDiagnosticsInfo());
    }

    @Override
    public List<QueueInfo> rootQueues() {
        return call("read YARN's queues", () -> client.get().getRootQueueInfos());
    }

    @Override
    public List<QueueUserACLInfo> queueAcls() {
        return call("read YARN's queue permissions", () -> client.get().getQueueAclsInfo());
    }

    @Override
    public org.apache.hadoop.conf.Configuration configuration() {
        return client.get().getConfig();
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (FerryException e) {
            throw e;
        } catch (Exception e) {
            throw new FerryException(
                    ExitCode.UNAVAILABLE,
                    "Cannot " + what + ": " + FerryException.rootCauseMessage(e)
                            + " (check that the ResourceManager runs)",
                    e);
        }
    }
}
