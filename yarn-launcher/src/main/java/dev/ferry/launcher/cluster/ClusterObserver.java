package dev.ferry.launcher.cluster;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.rest.JobManager;
import dev.ferry.launcher.rest.JobManagers;
import dev.ferry.launcher.yarn.ApplicationAttempts;
import dev.ferry.launcher.yarn.ApplicationTags;
import dev.ferry.launcher.yarn.ClusterStates;
import dev.ferry.launcher.yarn.YarnCluster;

import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Reads Ferry's clusters live from YARN (and their jobs from each JobManager), so what it reports
 * cannot drift from what YARN says. Nothing is cached. The JobManagers of several clusters are
 * asked at once, within one deadline: a listing takes as long as the slowest answer or the REST
 * timeout, however many clusters there are.
 */
public final class ClusterObserver {

    /** What a listing may take beyond the REST timeout, for opening clients and collecting answers. */
    private static final Duration LISTING_SLACK = Duration.ofSeconds(1);

    private final YarnCluster yarn;
    private final JobManagers jobManagers;

    public ClusterObserver(YarnCluster yarn, JobManagers jobManagers) {
        this.yarn = yarn;
        this.jobManagers = jobManagers;
    }

    /** Ferry's clusters, newest first: live ones, or all YARN still remembers with {@code includeEnded}. */
    public List<ClusterView> list(Optional<String> queue, boolean includeEnded) {
        Set<YarnApplicationState> states =
                includeEnded ? EnumSet.allOf(YarnApplicationState.class) : ClusterStates.LIVE;
        List<ApplicationReport> reports = ferryApplications(states).stream()
                .filter(r -> queue.map(q -> queueMatches(r.getQueue(), q)).orElse(true))
                .sorted(Comparator.comparingLong(ApplicationReport::getStartTime)
                        .reversed())
                .toList();
        Map<ApplicationReport, Optional<Collection<JobDetails>>> jobs = jobsOf(running(reports));
        return reports.stream()
                .map(report -> describe(report, jobs.getOrDefault(report, Optional.empty())))
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
        ApplicationId id;
        try {
            id = ApplicationId.fromString(applicationId);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        return yarn.application(id).map(this::describe);
    }

    /** The application {@code id} as YARN reports it now, unless YARN has forgotten it. */
    public Optional<ApplicationReport> application(ApplicationId id) {
        return yarn.application(id);
    }

    /** Like {@link #findLive} but fails with the names that do exist. */
    public ApplicationReport requireLive(String name) {
        return findLive(name).orElseThrow(() -> unknownCluster(name));
    }

    public ClusterView describe(ApplicationReport report) {
        Optional<Collection<JobDetails>> jobs =
                report.getYarnApplicationState() == YarnApplicationState.RUNNING ? jobs(report) : Optional.empty();
        return describe(report, jobs);
    }

    /**
     * The attempts the cluster asked for (from its tag) and those YARN grants, as this gateway's
     * yarn-site.xml states the ResourceManager's limit; empty for clusters started without the tag.
     */
    public Optional<ApplicationAttempts> attempts(ApplicationReport report) {
        return ApplicationTags.requestedAttempts(report.getApplicationTags())
                .map(requested -> ApplicationAttempts.granted(requested, yarn.configuration()));
    }

    /** Jobs of a running cluster as its JobManager reports them now; empty if it does not answer. */
    public Optional<Collection<JobDetails>> jobs(ApplicationReport report) {
        return jobsOf(List.of(report)).get(report);
    }

    /**
     * The jobs of each cluster, asked of all JobManagers at once; a cluster whose JobManager does not
     * answer within the REST timeout maps to empty.
     */
    public Map<ApplicationReport, Optional<Collection<JobDetails>>> jobsOf(List<ApplicationReport> clusters) {
        Map<ApplicationReport, CompletableFuture<Collection<JobDetails>>> asked = new LinkedHashMap<>();
        Map<ApplicationReport, JobManager> opened = new LinkedHashMap<>();
        try {
            for (ApplicationReport cluster : clusters) {
                try {
                    JobManager jobManager = jobManagers.open(cluster);
                    opened.put(cluster, jobManager);
                    asked.put(cluster, jobManager.jobs());
                } catch (RuntimeException unreachable) {
                    asked.put(cluster, CompletableFuture.failedFuture(unreachable));
                }
            }
            long deadline = System.nanoTime()
                    + jobManagers.callTimeout().plus(LISTING_SLACK).toNanos();
            Map<ApplicationReport, Optional<Collection<JobDetails>>> answers = new LinkedHashMap<>();
            asked.forEach((cluster, answer) -> answers.put(cluster, await(answer, deadline)));
            return answers;
        } finally {
            opened.values().forEach(JobManager::close);
        }
    }

    /** The cluster's name, from its tag (YARN's application name is the fallback). */
    public static String nameOf(ApplicationReport report) {
        return ApplicationTags.clusterName(report.getApplicationTags()).orElse(report.getName());
    }

    /** The cluster's mode (session, application, per-job), from its tag. */
    public static String modeOf(ApplicationReport report) {
        return ApplicationTags.mode(report.getApplicationTags()).orElse("session");
    }

    private ClusterView describe(ApplicationReport report, Optional<Collection<JobDetails>> jobs) {
        long start = report.getStartTime();
        boolean live = ClusterStates.isLive(report.getYarnApplicationState().name());
        long end = live || report.getFinishTime() <= 0 ? System.currentTimeMillis() : report.getFinishTime();
        Set<String> tags = report.getApplicationTags();
        return new ClusterView(
                nameOf(report),
                report.getApplicationId().toString(),
                report.getYarnApplicationState().name(),
                report.getFinalApplicationStatus().name(),
                report.getQueue(),
                report.getUser(),
                modeOf(report),
                ApplicationTags.version(tags).orElse(""),
                JobManagers.webUrl(report),
                Instant.ofEpochMilli(start),
                Duration.ofMillis(Math.max(0, end - start)),
                jobs.map(ClusterObserver::runningJobs).orElse(null),
                report.getCurrentApplicationAttemptId() == null
                        ? 0
                        : report.getCurrentApplicationAttemptId().getAttemptId());
    }

    private static List<ApplicationReport> running(List<ApplicationReport> reports) {
        return reports.stream()
                .filter(r -> r.getYarnApplicationState() == YarnApplicationState.RUNNING)
                .toList();
    }

    private static Integer runningJobs(Collection<JobDetails> jobs) {
        return (int) jobs.stream()
                .filter(j -> !j.getStatus().isGloballyTerminalState())
                .count();
    }

    private static Optional<Collection<JobDetails>> await(
            CompletableFuture<Collection<JobDetails>> answer, long deadline) {
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            return Optional.of(answer.get(left, TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            answer.cancel(true);
            return Optional.empty();
        }
    }

    private static boolean isNamed(ApplicationReport report, String name) {
        return ApplicationTags.clusterName(report.getApplicationTags())
                .orElse("")
                .equals(name);
    }

    private List<ApplicationReport> ferryApplications(Set<YarnApplicationState> states) {
        return yarn.ferryApplications(states, Set.of(ApplicationTags.FERRY));
    }

    private FerryException unknownCluster(String name) {
        String names = ferryApplications(ClusterStates.LIVE).stream()
                .map(ClusterObserver::nameOf)
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
