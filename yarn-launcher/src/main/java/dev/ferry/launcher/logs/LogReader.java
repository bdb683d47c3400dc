package dev.ferry.launcher.logs;

import dev.ferry.launcher.cluster.ClusterObserver;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.jobs.JobLocator;
import dev.ferry.launcher.jobs.LocatedJob;
import dev.ferry.launcher.jobs.record.JobRecord;
import dev.ferry.launcher.logs.LoggedContainer.LogFile;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code ferry logs}: finds the application a cluster or job name stands for, picks its
 * containers and files as asked, and hands their filtered lines to a {@link LogSink}: while the
 * application runs from the first of its live sources that answers (the NodeManagers, then the
 * JobManager's REST API), from YARN's aggregated logs once it ended (or when no live source answers).
 */
public final class LogReader {

    private static final Duration FOLLOW_EVERY = Duration.ofSeconds(1);

    private final ClusterObserver observer;
    private final JobLocator jobs;
    private final List<LogSource> live;
    private final LogSource aggregated;
    private final Clock clock;

    public LogReader(
            ClusterObserver observer, JobLocator jobs, List<LogSource> live, LogSource aggregated, Clock clock) {
        this.observer = observer;
        this.jobs = jobs;
        this.live = List.copyOf(live);
        this.aggregated = aggregated;
        this.clock = clock;
    }

    /** Where the lines go: the CLI prints them, a header first when several files are shown. */
    public interface LogSink {

        void file(LoggedContainer container, String file, boolean oneOfSeveral);

        void lines(List<String> lines);
    }

    public void read(LogRequest request, LogSink sink) {
        ApplicationReport application = application(request.target());
        boolean running = application.getYarnApplicationState() == YarnApplicationState.RUNNING;
        if (request.follow() && !running) {
            throw new FerryException(
                    ExitCode.CONFLICT,
                    application.getApplicationId() + " has ended (" + application.getYarnApplicationState()
                            + "): there is nothing to follow; drop --follow to read its logs");
        }
        Source source =
                running ? liveOrAggregated(application) : new Source(aggregated, aggregated.containers(application));
        List<Selected> selected = select(source.containers(), request);
        Optional<Long> since = request.since().map(d -> clock.millis() - d.toMillis());
        Map<String, Long> shown = new HashMap<>();
        for (Selected one : selected) {
            String text =
                    source.logs().read(application, one.container(), one.file().name(), 0);
            sink.file(one.container(), one.file().name(), selected.size() > 1);
            sink.lines(LogLines.filter(text, since, request.grep(), request.tail()));
            shown.put(one.key(), one.file().size());
        }
        if (request.follow()) {
            follow(application, source.logs(), request, sink, shown);
        }
    }

    /** Polls the NodeManagers for what the files gained, until interrupted (Ctrl-C) or the application ends. */
    private void follow(
            ApplicationReport application, LogSource logs, LogRequest request, LogSink sink, Map<String, Long> shown) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(FOLLOW_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (observer.application(application.getApplicationId())
                    .map(now -> now.getYarnApplicationState() != YarnApplicationState.RUNNING)
                    .orElse(true)) {
                return;
            }
            for (Selected one : select(logs.containers(application), request)) {
                long before = shown.getOrDefault(one.key(), 0L);
                if (one.file().size() > before) {
                    String added =
                            logs.read(application, one.container(), one.file().name(), before);
                    sink.file(one.container(), one.file().name(), false);
                    sink.lines(LogLines.filter(added, Optional.empty(), request.grep(), java.util.OptionalInt.empty()));
                    shown.put(one.key(), one.file().size());
                }
            }
        }
    }

    private record Source(LogSource logs, List<LoggedContainer> containers) {}

    /** The first live source that answers, else the aggregated logs; when none answers, one error names each. */
    private Source liveOrAggregated(ApplicationReport application) {
        List<String> failures = new ArrayList<>();
        for (LogSource source : live) {
            try {
                return new Source(source, source.containers(application));
            } catch (FerryException e) {
                failures.add(source.describe() + ": " + e.getMessage());
            }
        }
        try {
            return new Source(aggregated, aggregated.containers(application));
        } catch (FerryException aggregatedFailure) {
            failures.add(aggregated.describe() + ": " + aggregatedFailure.getMessage());
            throw new FerryException(
                    ExitCode.UNAVAILABLE,
                    "Cannot read the logs of " + application.getApplicationId() + ": " + String.join("; ", failures));
        }
    }

    private record Selected(LoggedContainer container, LogFile file) {

        String key() {
            return container.id() + "/" + file.name();
        }
    }

    private static List<Selected> select(List<LoggedContainer> containers, LogRequest request) {
        List<LoggedContainer> chosen = request.all()
                ? containers
                : request.taskManager().isPresent()
                        ? List.of(taskManager(containers, request.taskManager().get()))
                        : List.of(jobManager(containers, request));
        List<Selected> selected = new ArrayList<>();
        for (LoggedContainer container : chosen) {
            container.files().stream()
                    .filter(file -> request.file().matches(file.name()))
                    .forEach(file -> selected.add(new Selected(container, file)));
        }
        if (selected.isEmpty()) {
            throw new FerryException(
                    ExitCode.NOT_FOUND,
                    "No " + request.file().name().toLowerCase() + " file in "
                            + chosen.stream()
                                    .map(c -> c.id() + " (" + fileNames(c) + ")")
                                    .collect(Collectors.joining(", ")));
        }
        return selected;
    }

    private static LoggedContainer jobManager(List<LoggedContainer> containers, LogRequest request) {
        List<LoggedContainer> jobManagers =
                containers.stream().filter(LoggedContainer::jobManager).toList();
        Optional<LoggedContainer> wanted = request.attempt().isPresent()
                ? jobManagers.stream()
                        .filter(c -> c.attempt() == request.attempt().getAsInt())
                        .findFirst()
                : jobManagers.stream().reduce((first, newest) -> newest);
        return wanted.orElseThrow(() -> new FerryException(
                ExitCode.NOT_FOUND,
                "No JobManager of attempt " + request.attempt().orElse(0) + "; the attempts with a JobManager log are "
                        + jobManagers.stream()
                                .map(c -> String.valueOf(c.attempt()))
                                .collect(Collectors.joining(", "))));
    }

    private static LoggedContainer taskManager(List<LoggedContainer> containers, String id) {
        List<LoggedContainer> taskManagers =
                containers.stream().filter(c -> !c.jobManager()).toList();
        return taskManagers.stream()
                .filter(c -> c.id().equals(id) || c.id().endsWith("_" + id))
                .findFirst()
                .orElseThrow(() -> new FerryException(
                        ExitCode.NOT_FOUND,
                        "No TaskManager '" + id + "'; its TaskManagers are "
                                + (taskManagers.isEmpty()
                                        ? "none"
                                        : taskManagers.stream()
                                                .map(LoggedContainer::id)
                                                .collect(Collectors.joining(", ")))));
    }

    private static String fileNames(LoggedContainer container) {
        return container.files().stream().map(LogFile::name).collect(Collectors.joining(", "));
    }

    /** The application a cluster name, or else a job name or id, stands for. */
    private ApplicationReport application(String target) {
        Optional<ApplicationReport> cluster = observer.findLatest(target);
        if (cluster.isPresent()) {
            return cluster.get();
        }
        LocatedJob job;
        try {
            job = jobs.locate(target);
        } catch (FerryException e) {
            if (e.exitCode() != ExitCode.NOT_FOUND) {
                throw e;
            }
            throw new FerryException(
                    ExitCode.NOT_FOUND,
                    "No cluster or job is named '" + target + "': 'ferry session list --all' and 'ferry job list"
                            + " --all' show the ones Ferry knows");
        }
        if (job.live().isPresent()) {
            return job.live().get().cluster();
        }
        String applicationId = job.record().map(JobRecord::applicationId).orElse(null);
        return Optional.ofNullable(applicationId)
                .flatMap(id -> observer.application(ApplicationId.fromString(id)))
                .orElseThrow(() -> new FerryException(
                        ExitCode.NOT_FOUND,
                        "YARN no longer knows the application job '" + job.name() + "' last ran in ("
                                + applicationId + "): its logs may still be in the aggregated log directory"
                                + " ('yarn logs -applicationId " + applicationId + "')"));
    }
}
