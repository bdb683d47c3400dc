package dev.ferry.launcher.deployment;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.rest.JobManager;
import dev.ferry.launcher.rest.JobManagers;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.LongStream;

/**
 * Runs one small job on a new session before it is reported ready, so that the first real job
 * does not pay for cold JVMs. Measured with 'ferry bench submit' before this existed: the first
 * job into a new session took 5-8 s and the second 0.8 s; the JobManager spent 1.4 s creating
 * its first job and the TaskManager 2.6 s starting its first task (first job class loader,
 * RocksDB's native library). The job uses Flink's own classes only: a bounded list of (key, 1)
 * pairs summed per key in the session's state backend, across every slot, into a discarding
 * sink. It carries an empty jar all the same, because a jar job's first run also paid for the
 * jar paths (upload to the blob server, the JobManager's and TaskManagers' first class loader
 * over a jar): 0.54 s of job creation on the JobManager after a warm-up without one, 0.12 s for
 * the job after it. It shows in the session's job history as {@value #JOB_NAME}.
 */
public final class SessionWarmUp {

    static final String JOB_NAME = "ferry-session-warm-up";

    private static final Logger LOG = LoggerFactory.getLogger(SessionWarmUp.class);
    private static final int KEYS = 64;
    private static final int PAIRS = 4096;
    /** Below this much time left before the deploy deadline, the warm-up is skipped. */
    private static final Duration MINIMUM_TIME = Duration.ofSeconds(5);

    private final JobManagers jobManagers;

    public SessionWarmUp(JobManagers jobManagers) {
        this.jobManagers = jobManagers;
    }

    /**
     * Runs the job over {@code slots} slots and waits for it until {@code deadline} (a
     * {@link System#nanoTime()} value). A warm-up that runs out of time only costs the first job its
     * speed, so it is logged, not thrown; an interrupt is passed on.
     *
     * @throws FerryException when the warm-up job fails: the session cannot run jobs (a broken
     *     setting that Ferry could not check before the deploy), and the caller ends it
     */
    public void run(ApplicationReport session, int slots, long deadline) throws InterruptedException {
        long started = System.nanoTime();
        if (deadline - started < MINIMUM_TIME.toNanos()) {
            LOG.warn("No time left before the deploy deadline to warm up {}", session.getApplicationId());
            return;
        }
        Path jar = null;
        try (JobManager jobManager = jobManagers.open(session)) {
            jar = emptyJar();
            JobGraph graph = jobGraph(slots);
            graph.addJar(new org.apache.flink.core.fs.Path(jar.toUri()));
            JobID job = jobManager.submit(graph).get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            JobResult result;
            try {
                result = jobManager.result(job).get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                jobManager.cancel(job);
                throw e;
            }
            LOG.info(
                    "Warm-up job {} on {} ended {} after {} ms",
                    job,
                    session.getApplicationId(),
                    result.getApplicationStatus(),
                    (System.nanoTime() - started) / 1_000_000);
            requireSucceeded(result);
        } catch (ExecutionException | TimeoutException | IOException e) {
            LOG.warn(
                    "Warm-up job on {} did not finish; the session is up, its first job may start slower",
                    session.getApplicationId(),
                    e);
        } finally {
            deleteQuietly(jar);
        }
    }

    /** A failed warm-up fails every job the same way: the session is not usable. */
    private static void requireSucceeded(JobResult result) {
        if (result.isSuccess()) {
            return;
        }
        String cause = result.getSerializedThrowable()
                .map(FerryException::specificCauseMessage)
                .orElse(String.valueOf(result.getApplicationStatus()));
        throw new FerryException(
                ExitCode.USAGE,
                "The session cannot run jobs: its warm-up job " + result.getApplicationStatus() + " with '" + cause
                        + "'; fix the setting it names (conf/config.yaml or -D) and start it again");
    }

    /** A jar with nothing but a manifest: the job's classes are all Flink's. */
    static Path emptyJar() throws IOException {
        Path jar = Files.createTempFile("ferry-warm-up-", ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("Could not delete {}", file, e);
            }
        }
    }

    /**
     * The job, {@code parallelism} wide after its one-task source. keyBy(0) is deprecated, but
     * its key selector is Flink's own class: a KeySelector of Ferry's would need a jar uploaded.
     */
    @SuppressWarnings("deprecation")
    static JobGraph jobGraph(int parallelism) {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(parallelism);
        List<Tuple2<Long, Long>> pairs = LongStream.range(0, PAIRS)
                .mapToObj(i -> Tuple2.of(i % KEYS, 1L))
                .toList();
        env.fromData(pairs, Types.TUPLE(Types.LONG, Types.LONG)).keyBy(0).sum(1).sinkTo(new DiscardingSink<>());
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(JOB_NAME);
        return graph.getJobGraph();
    }

    private static long remainingMillis(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }
}
