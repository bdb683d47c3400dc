package dev.ferry.launcher.jobs;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.jobs.record.JobRecord;
import dev.ferry.launcher.jobs.record.JobRecords;
import dev.ferry.launcher.jobs.record.ScaledVertex;
import dev.ferry.launcher.rest.Answers;
import dev.ferry.launcher.rest.JobManager;
import dev.ferry.launcher.rest.JobManagers;
import dev.ferry.launcher.rest.RunningVertex;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Changes the parallelism of a running job's vertices: in place when the job's scheduler can
 * (Flink's adaptive scheduler, through the REST API), otherwise by a stop with savepoint and a new
 * run from it at the new parallelism. A recorded job keeps what was asked in its record, so that
 * resume, restart and the runs after a failover keep it; the name is held meanwhile, as for every
 * change of a recorded job.
 */
public final class JobScaler {

    private final JobController controller;
    private final JobStarter starter;
    private final JobRecords records;
    private final JobManagers jobManagers;
    private final JobRunningWaiter waiter;
    private final Duration timeout;

    public JobScaler(
            JobController controller,
            JobStarter starter,
            JobRecords records,
            JobManagers jobManagers,
            JobRunningWaiter waiter,
            Duration timeout) {
        this.controller = controller;
        this.starter = starter;
        this.records = records;
        this.jobManagers = jobManagers;
        this.waiter = waiter;
        this.timeout = timeout;
    }

    /**
     * What to scale to.
     *
     * @param all the parallelism of every vertex that can run in parallel, if given
     * @param vertices the parallelism of single vertices, by vertex id or name; these win over {@code all}
     */
    public record ScaleRequest(Optional<Integer> all, Map<String, Integer> vertices) {
        public ScaleRequest {
            vertices = Map.copyOf(vertices);
        }
    }

    /** One vertex whose parallelism changed. */
    public record VertexChange(String id, String name, int from, int to) {}

    /** How a scale was done. */
    public enum Method {
        /** Every vertex already ran at what was asked. */
        UNCHANGED,
        /** The adaptive scheduler rescaled the running job, same job id. */
        IN_PLACE,
        /** Stop with savepoint, then a new run from it. */
        SAVEPOINT
    }

    /**
     * @param jobId the job's id after the scale: a new one after a savepoint round trip
     * @param savepoint the savepoint the new run restored, for {@link Method#SAVEPOINT}
     */
    public record ScaleResult(
            String name, String jobId, Method method, List<VertexChange> changes, String savepoint, String state) {}

    public ScaleResult scale(String nameOrId, ScaleRequest request, boolean detached) {
        return controller.underLockIfRecorded(nameOrId, job -> scaleLocked(job, request, detached));
    }

    private ScaleResult scaleLocked(LocatedJob job, ScaleRequest request, boolean detached) {
        LiveJob run = JobController.requireRunning(job, "scale");
        long started = System.nanoTime();
        List<VertexChange> changes;
        try (JobManager jobManager = jobManagers.open(run.cluster())) {
            List<RunningVertex> vertices =
                    call(run, jobManager.vertices(run.details().getJobId()));
            Map<String, Integer> target = target(job.name(), vertices, request);
            changes = changes(vertices, target);
            if (changes.isEmpty()) {
                return new ScaleResult(job.name(), run.jobId(), Method.UNCHANGED, changes, null, null);
            }
            if (call(run, jobManager.rescaleInPlace(run.details().getJobId(), target))) {
                job.record().ifPresent(record -> recordScaled(record.name(), changes));
                String state = detached ? "RESCALING" : awaitRescaled(run, jobManager, target, started);
                return new ScaleResult(job.name(), run.jobId(), Method.IN_PLACE, changes, null, state);
            }
        }
        return scaleBySavepoint(job, changes, detached);
    }

    /**
     * Waits until every task runs at the new parallelism ({@code /jobs/overview}, answered afresh),
     * then until {@code /jobs/<id>} shows it too: the dispatcher caches that answer for up to
     * {@code web.refresh-interval}, and a {@code ferry job status} right after the scale reads it.
     */
    private String awaitRescaled(LiveJob run, JobManager jobManager, Map<String, Integer> target, long started) {
        String state = waiter.awaitTasks(run.cluster(), run.details().getJobId(), sum(target), started);
        long deadline = Answers.deadline(timeout);
        while (!changes(call(run, jobManager.vertices(run.details().getJobId())), target)
                .isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new FerryException(
                        ExitCode.TIMEOUT,
                        "Job " + run.jobId() + " runs at its new parallelism, but its JobManager's REST API did not"
                                + " show it within " + timeout.toSeconds() + "s; check "
                                + JobManagers.webUrl(run.cluster()));
            }
            pause();
        }
        return state;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FerryException(ExitCode.FAILURE, "Interrupted while waiting for the rescale", e);
        }
    }

    private ScaleResult scaleBySavepoint(LocatedJob job, List<VertexChange> changes, boolean detached) {
        if (job.record().isEmpty()) {
            throw new FerryException(
                    ExitCode.CONFLICT,
                    "Job '" + job.name() + "' runs on a scheduler that cannot rescale in place, and Ferry has no"
                            + " record of it to start it again from a savepoint: run the session with"
                            + " jobmanager.scheduler: adaptive, or stop it with a savepoint and submit it again at"
                            + " the new parallelism; nothing was changed");
        }
        String savepoint = controller.stopLocked(job, false).savepoint();
        JobRecord scaled = recordScaled(job.name(), changes);
        StartedJob started = starter.rerun(scaled, Optional.of(savepoint), detached);
        return new ScaleResult(job.name(), started.jobId(), Method.SAVEPOINT, changes, savepoint, started.state());
    }

    private JobRecord recordScaled(String name, List<VertexChange> changes) {
        Map<String, ScaledVertex> scaled = new LinkedHashMap<>();
        changes.forEach(c -> scaled.put(c.id(), new ScaledVertex(c.name(), c.to(), ScaledVertex.MANUAL)));
        JobRecord record = records.find(name).orElseThrow().withScaledVertices(scaled);
        records.save(record);
        return record;
    }

    /** The parallelism every vertex is to run at, checked against what each vertex can run at. */
    static Map<String, Integer> target(String jobName, List<RunningVertex> vertices, ScaleRequest request) {
        Map<String, Integer> target = new LinkedHashMap<>();
        for (RunningVertex vertex : vertices) {
            boolean parallel = vertex.maxParallelism() > 1;
            target.put(vertex.id(), request.all().filter(p -> parallel).orElse(vertex.parallelism()));
        }
        request.vertices()
                .forEach((key, p) -> target.put(resolve(jobName, vertices, key).id(), p));
        for (RunningVertex vertex : vertices) {
            int asked = target.get(vertex.id());
            if (asked > vertex.maxParallelism()) {
                throw new FerryException(
                        ExitCode.USAGE,
                        "Vertex '" + vertex.name() + "' (" + vertex.id() + ") of job '" + jobName + "' can run at most"
                                + " at parallelism " + vertex.maxParallelism() + " (its max parallelism, fixed when"
                                + " the job was first started): ask for at most that; nothing was changed");
            }
        }
        return target;
    }

    /**
     * A vertex by its id, its full name, or the name of one of the operators chained in it (a
     * source by its name with or without "Source: "), when exactly one vertex matches.
     */
    private static RunningVertex resolve(String jobName, List<RunningVertex> vertices, String key) {
        for (Predicate<RunningVertex> match : List.<Predicate<RunningVertex>>of(
                v -> v.id().equals(key), v -> v.name().equals(key), v -> chainsOperator(v, key))) {
            List<RunningVertex> matching = vertices.stream().filter(match).toList();
            if (matching.size() == 1) {
                return matching.get(0);
            }
            if (matching.size() > 1) {
                throw unknownVertex(
                        vertices, "Job '" + jobName + "' has " + matching.size() + " vertices named '" + key + "'");
            }
        }
        throw unknownVertex(vertices, "Job '" + jobName + "' has no vertex '" + key + "'");
    }

    private static boolean chainsOperator(RunningVertex vertex, String operator) {
        return Arrays.stream(vertex.name().split(" -> "))
                .anyMatch(name -> name.equals(operator) || name.equals("Source: " + operator));
    }

    private static FerryException unknownVertex(List<RunningVertex> vertices, String problem) {
        String known =
                vertices.stream().map(v -> v.id() + " '" + v.name() + "'").collect(Collectors.joining(", "));
        return new FerryException(
                ExitCode.USAGE,
                problem + ": name one by id, by its name as 'ferry job status' shows it, or by one of its"
                        + " operators (" + known + "); nothing was changed");
    }

    private static List<VertexChange> changes(List<RunningVertex> vertices, Map<String, Integer> target) {
        return vertices.stream()
                .filter(v -> target.get(v.id()) != v.parallelism())
                .map(v -> new VertexChange(v.id(), v.name(), v.parallelism(), target.get(v.id())))
                .toList();
    }

    private static int sum(Map<String, Integer> parallelism) {
        return parallelism.values().stream().mapToInt(Integer::intValue).sum();
    }

    private <T> T call(LiveJob run, CompletableFuture<T> call) {
        return Answers.await(
                call,
                Answers.deadline(timeout),
                () -> new FerryException(
                        ExitCode.TIMEOUT,
                        "Could not scale job " + run.jobId() + ": its JobManager did not answer within "
                                + timeout.toSeconds() + "s; check " + JobManagers.webUrl(run.cluster())),
                cause -> new FerryException(ExitCode.FAILURE, "Could not scale job " + run.jobId() + ": " + cause));
    }
}
