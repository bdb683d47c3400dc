package dev.ferry.launcher.testing;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.yarn.ApplicationTags;
import dev.ferry.launcher.yarn.ContainerView;
import dev.ferry.launcher.yarn.YarnCluster;

import org.apache.hadoop.yarn.api.records.ApplicationAttemptId;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.QueueACL;
import org.apache.hadoop.yarn.api.records.QueueInfo;
import org.apache.hadoop.yarn.api.records.QueueState;
import org.apache.hadoop.yarn.api.records.QueueUserACLInfo;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A YARN ResourceManager in memory: applications with their tags, states and JobManager address,
 * one leaf queue {@code default} that takes submissions, and a switch that makes every call fail as
 * an unreachable ResourceManager does.
 */
public final class TestingYarnCluster implements YarnCluster {

    private static final long CLUSTER_TIMESTAMP = 1_795_600_000_000L;

    private final Map<ApplicationId, App> apps = new LinkedHashMap<>();
    private final AtomicReference<String> down = new AtomicReference<>();
    private final TestClock clock;

    public TestingYarnCluster(TestClock clock) {
        this.clock = clock;
    }

    /** One application as YARN keeps it. */
    private static final class App {
        final ApplicationId id;
        final String name;
        final String queue;
        final Set<String> tags;
        final long startTime;
        YarnApplicationState state = YarnApplicationState.RUNNING;
        FinalApplicationStatus finalStatus = FinalApplicationStatus.UNDEFINED;
        long finishTime;
        int attempt = 1;
        String diagnostics = "";

        App(ApplicationId id, String name, String queue, Set<String> tags, long startTime) {
            this.id = id;
            this.name = name;
            this.queue = queue;
            this.tags = tags;
            this.startTime = startTime;
        }
    }

    /** A running Ferry cluster of {@code mode}, as a deploy by Ferry leaves it; its JobManager is "jm-N". */
    public synchronized ApplicationReport runCluster(String name, String mode, String deployId) {
        Set<String> tags = new LinkedHashSet<>(List.of(
                ApplicationTags.FERRY,
                ApplicationTags.cluster(name),
                ApplicationTags.mode(mode),
                ApplicationTags.deploy(deployId)));
        ApplicationId id = ApplicationId.newInstance(CLUSTER_TIMESTAMP, apps.size() + 1);
        apps.put(id, new App(id, name, "default", tags, clock.millis()));
        clock.advance(1);
        return report(apps.get(id));
    }

    public ApplicationReport runSession(String name) {
        return runCluster(name, "session", "d" + apps.size());
    }

    /** Ends the application as YARN would after a kill or the JobManager's exit. */
    public synchronized void end(ApplicationId id, YarnApplicationState state, FinalApplicationStatus status) {
        App app = apps.get(id);
        app.state = state;
        app.finalStatus = status;
        app.finishTime = clock.millis();
    }

    /** From now on every call fails with {@code reason}, as when the ResourceManager is gone. */
    public void goDown(String reason) {
        down.set(reason);
    }

    public void comeBack() {
        down.set(null);
    }

    public synchronized List<ApplicationReport> all() {
        return apps.values().stream().map(TestingYarnCluster::report).toList();
    }

    @Override
    public synchronized List<ApplicationReport> applications(Set<YarnApplicationState> states) {
        available();
        return apps.values().stream()
                .filter(app -> states.contains(app.state))
                .map(TestingYarnCluster::report)
                .toList();
    }

    @Override
    public synchronized List<ApplicationReport> ferryApplications(Set<YarnApplicationState> states, Set<String> tags) {
        return applications(states).stream()
                .filter(report -> report.getApplicationTags().containsAll(tags))
                .toList();
    }

    @Override
    public synchronized Optional<ApplicationReport> application(ApplicationId id) {
        available();
        return Optional.ofNullable(apps.get(id)).map(TestingYarnCluster::report);
    }

    @Override
    public synchronized void kill(ApplicationId id) {
        available();
        App app = apps.get(id);
        if (app != null && !app.state.equals(YarnApplicationState.FINISHED)) {
            end(id, YarnApplicationState.KILLED, FinalApplicationStatus.KILLED);
        }
    }

    private final Map<ApplicationId, List<ContainerView>> containers = new LinkedHashMap<>();

    /** A container of the application as YARN would list it, e.g. a TaskManager killed for its memory. */
    public synchronized void addContainer(ApplicationId id, ContainerView container) {
        containers.computeIfAbsent(id, key -> new ArrayList<>()).add(container);
    }

    @Override
    public synchronized List<ContainerView> containers(ApplicationId id) {
        available();
        return List.copyOf(containers.getOrDefault(id, List.of()));
    }

    @Override
    public List<QueueInfo> rootQueues() {
        available();
        QueueInfo leaf = QueueInfo.newInstance(
                "default", 1f, 1f, 0f, List.of(), List.of(), QueueState.RUNNING, Set.of(), "", null, false);
        return List.of(leaf);
    }

    @Override
    public List<QueueUserACLInfo> queueAcls() {
        available();
        return List.of(QueueUserACLInfo.newInstance("root.default", List.of(QueueACL.SUBMIT_APPLICATIONS)));
    }

    /** A gateway's yarn-site.xml with YARN's defaults (2 application attempts at most). */
    @Override
    public org.apache.hadoop.conf.Configuration configuration() {
        return new org.apache.hadoop.yarn.conf.YarnConfiguration();
    }

    private void available() {
        String reason = down.get();
        if (reason != null) {
            throw new FerryException(ExitCode.UNAVAILABLE, "Cannot reach YARN: " + reason);
        }
    }

    private static ApplicationReport report(App app) {
        ApplicationReport report = ApplicationReport.newInstance(
                app.id,
                ApplicationAttemptId.newInstance(app.id, app.attempt),
                "ferry",
                app.queue,
                app.name,
                "jm-" + app.id.getId(),
                8081,
                null,
                app.state,
                app.diagnostics,
                "",
                app.startTime,
                app.startTime,
                app.finishTime,
                app.finalStatus,
                null,
                "",
                1f,
                ApplicationTags.APPLICATION_TYPE,
                null);
        report.setApplicationTags(new LinkedHashSet<>(app.tags));
        return report;
    }

    /** The id a new application would get: the next in line. */
    public synchronized List<ApplicationId> ids() {
        return new ArrayList<>(apps.keySet());
    }
}
