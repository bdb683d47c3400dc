package dev.ferry.launcher.cluster;

import dev.ferry.launcher.FerryException;
import dev.ferry.launcher.FerryException.ExitCode;
import dev.ferry.launcher.yarn.ApplicationAttempts;
import dev.ferry.launcher.yarn.ApplicationTags;

import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.flink.runtime.messages.webmonitor.MultipleJobsDetails;
import org.apache.flink.runtime.rest.messages.EmptyMessageParameters;
import org.apache.flink.runtime.rest.messages.EmptyRequestBody;
import org.apache.flink.runtime.rest.messages.JobsOverviewHeaders;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.ApplicationNotFoundException;
import org.apache.hadoop.yarn.exceptions.YarnException;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Reads Ferry's clusters live from YARN (and their job counts from each JobManager), so what it
 * reports cannot drift from what YARN says. Nothing is cached.
 */
public final class ClusterObserver {

    private final YarnClient yarn;
    private final JobManagerClients jobManagers;

    public ClusterObserver(YarnClient yarn, JobManagerClients jobManagers) {
        this.yarn = yarn;
        this.jobManagers = jobManagers;
    }

    /** Ferry's clusters, newest first: live ones, or all YARN still remembers with {@code includeEnded}. */
    public List<ClusterView> list(Optional<String> queue, boolean includeEnded) {
        EnumSet<YarnApplicationState> states =
                includeEnded ? EnumSet.allOf(YarnApplicationState.class) : ClusterStates.LIVE;
        return ferryApplications(states).stream()
                .filter(r -> queue.map(q -> queueMatches(r.getQueue(), q)).orElse(true))
                .sorted(Comparator.comparingLong(ApplicationReport::getStartTime)
                        .reversed())
                .map(this::describe)
                .toList();
    }

    /** The applications of every live Ferry cluster, newest first. */
    public List<ApplicationReport> liveApplications() {
        return ferryApplications(ClusterStates.LIVE).stream()
                .sorted(Comparator.comparingLong(ApplicationReport::getStartTime)
                        .reversed())
                .toList();
    }

    /** The live application of cluster {@code name}, if there is one. */
    public Optional<ApplicationReport> findLive(String name) {
        return ferryApplications(ClusterStates.LIVE).stream()
                .filter(r -> isNamed(r, name))
                .findFirst();
    }

    /** The newest application of cluster {@code name}, live or ended, if YARN still knows it. */
    public Optional<ApplicationReport> findLatest(String name) {
        Optional<ApplicationReport> live = findLive(name);
        if (live.isPresent()) {
            return live;
        }
        return ferryApplications(EnumSet.allOf(YarnApplicationState.class)).stream()
                .filter(r -> isNamed(r, name))
                .max(Comparator.comparingLong(ApplicationReport::getStartTime));
    }

    /** Any application YARN still remembers, Ferry's or not, by id. */
    public Optional<ClusterView> describeApplication(String applicationId) {
        try {
            return Optional.of(describe(yarn.getApplicationReport(ApplicationId.fromString(applicationId))));
        } catch (ApplicationNotFoundException | IllegalArgumentException forgotten) {
            return Optional.empty();
        } catch (YarnException | IOException e) {
            throw new FerryException(
                    ExitCode.UNAVAILABLE, "Cannot read YARN application " + applicationId + ": " + e.getMessage(), e);
        }
    }

    /** Like {@link #findLive} but fails with the names that do exist. */
    public ApplicationReport requireLive(String name) {
        return findLive(name).orElseThrow(() -> unknownCluster(name));
    }

    public ClusterView describe(ApplicationReport report) {
        long start = report.getStartTime();
        boolean live = ClusterStates.isLive(report.getYarnApplicationState().name());
        long end = live || report.getFinishTime() <= 0 ? System.currentTimeMillis() : report.getFinishTime();
        Set<String> tags = report.getApplicationTags();
        return new ClusterView(
                ApplicationTags.clusterName(tags).orElse(report.getName()),
                report.getApplicationId().toString(),
                report.getYarnApplicationState().name(),
                report.getFinalApplicationStatus().name(),
                report.getQueue(),
                report.getUser(),
                ApplicationTags.mode(tags).orElse("session"),
                ApplicationTags.version(tags).orElse(""),
                JobManagerClients.webUrl(report),
                Instant.ofEpochMilli(start),
                Duration.ofMillis(Math.max(0, end - start)),
                report.getYarnApplicationState() == YarnApplicationState.RUNNING ? runningJobs(report) : null,
                report.getCurrentApplicationAttemptId() == null
                        ? 0
                        : report.getCurrentApplicationAttemptId().getAttemptId());
    }

    /**
     * The attempts the cluster asked for (from its tag) and those YARN grants, as this gateway's
     * yarn-site.xml states the ResourceManager's limit; empty for clusters started without the tag.
     */
    public Optional<ApplicationAttempts> attempts(ApplicationReport report) {
        return ApplicationTags.requestedAttempts(report.getApplicationTags())
                .map(requested -> ApplicationAttempts.granted(requested, yarn.getConfig()));
    }

    /** Jobs of a running cluster as its JobManager reports them now; empty if it does not answer. */
    public Optional<Collection<JobDetails>> jobs(ApplicationReport report) {
        try (RestClusterClient<ApplicationId> client = jobManagers.open(report)) {
            MultipleJobsDetails details = client.sendRequest(
                            JobsOverviewHeaders.getInstance(),
                            EmptyMessageParameters.getInstance(),
                            EmptyRequestBody.getInstance())
                    .get(jobManagers.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return Optional.of(details.getJobs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private Integer runningJobs(ApplicationReport report) {
        return jobs(report)
                .map(jobs -> (int) jobs.stream()
                        .filter(j -> !j.getStatus().isGloballyTerminalState())
                        .count())
                .orElse(null);
    }

    private static boolean isNamed(ApplicationReport report, String name) {
        return ApplicationTags.clusterName(report.getApplicationTags())
                .orElse("")
                .equals(name);
    }

    private List<ApplicationReport> ferryApplications(EnumSet<YarnApplicationState> states) {
        try {
            return yarn.getApplications(
                    Set.of(ApplicationTags.APPLICATION_TYPE), states, Set.of(ApplicationTags.FERRY));
        } catch (YarnException | IOException e) {
            throw new FerryException(ExitCode.UNAVAILABLE, "Cannot list YARN applications: " + e.getMessage(), e);
        }
    }

    private FerryException unknownCluster(String name) {
        String names = ferryApplications(ClusterStates.LIVE).stream()
                .map(r -> ApplicationTags.clusterName(r.getApplicationTags()).orElse(r.getName()))
                .sorted()
                .collect(Collectors.joining(", "));
        return new FerryException(
                ExitCode.NOT_FOUND,
                "No running Ferry cluster is named '" + name + "'"
                        + (names.isEmpty()
                                ? ": none is running; start one with 'ferry session start " + name + "'"
                                : ": running clusters are " + names + " (see 'ferry session list')"));
    }

    static boolean queueMatches(String reportQueue, String wanted) {
        return reportQueue.equals(wanted) || reportQueue.endsWith("." + wanted) || wanted.endsWith("." + reportQueue);
    }
}
