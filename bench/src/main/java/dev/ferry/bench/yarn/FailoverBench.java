package dev.ferry.bench.yarn;

import dev.ferry.bench.report.AlternatingRunner;
import dev.ferry.bench.report.BenchDescription;
import dev.ferry.bench.report.BenchDescription.Comparison;
import dev.ferry.bench.report.BenchPeriod;
import dev.ferry.bench.report.BenchReport;
import dev.ferry.bench.report.BenchRun;
import dev.ferry.bench.report.BenchVariant;
import dev.ferry.launcher.deployment.ClusterName;
import dev.ferry.launcher.deployment.DeployedCluster;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.jobs.JarJobSpec;
import dev.ferry.launcher.jobs.JobStarter;
import dev.ferry.launcher.jobs.record.JobPlacement;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * JobManager failover: from SIGKILL of a session's JobManager until all tasks of its checkpointed
 * job are RUNNING again, with Ferry's HA settings (A) against stock Flink's (B), and the YARN
 * attempt it came back on.
 */
public final class FailoverBench implements YarnBench {

    static final String SESSION_TIMEOUT = "high-availability.zookeeper.client.session-timeout";

    /**
     * The HA knobs Ferry changes from Flink's defaults (conf/config.yaml and HaDeployment) and
     * their stock values. Quorum, storage dir and HA mode are the same in both: they only turn
     * HA on. B reverts exactly these, on the same deploy path.
     */
    static final Map<String, String> STOCK_HA = stockHa();

    static final BenchVariant FERRY = new BenchVariant(
            "A", "Ferry defaults", "a session as 'ferry session start' deploys it, HA settings as shipped");
    static final BenchVariant STOCK = new BenchVariant(
            "B",
            "stock Flink HA defaults",
            "the same deploy with the HA settings Ferry changes set back to Flink's: " + STOCK_HA);

    static final String JAR = "CountingJob.jar";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Set<YarnApplicationState> ENDED =
            EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED);

    private final BenchSessions sessions;
    private final Supplier<JobStarter> jobs;
    private final JobManagerKiller killer;
    private final YarnClient yarn;
    private final RunningJobProbe probe;
    private final Path examplesDir;
    private final URI outputRoot;
    private final boolean haEnabled;
    private final Duration timeout;

    /**
     * @param outputRoot where the counting jobs write, on the cluster file system
     * @param timeout how long a killed JobManager's job may take to run again (stock waits out a
     *     40 s ZooKeeper session; leave room for a burned attempt)
     */
    public FailoverBench(
            BenchSessions sessions,
            Supplier<JobStarter> jobs,
            JobManagerKiller killer,
            YarnClient yarn,
            Path examplesDir,
            URI outputRoot,
            boolean haEnabled,
            Duration timeout) {
        this.sessions = sessions;
        this.jobs = jobs;
        this.killer = killer;
        this.yarn = yarn;
        this.probe = new RunningJobProbe(timeout);
        this.examplesDir = examplesDir;
        this.outputRoot = outputRoot;
        this.haEnabled = haEnabled;
        this.timeout = timeout;
    }

    @Override
    public BenchReport run(int runs, Optional<String> queue, Consumer<BenchRun> progress) {
        if (!haEnabled) {
            throw new FerryException(
                    ExitCode.USAGE,
                    "The failover bench needs ZooKeeper HA: set ferry.ha.zookeeper.quorum in conf/ferry.yaml (or -D)");
        }
        sessions.stageFerry();
        BenchPeriod.Start start = BenchPeriod.begin();
        List<BenchRun> results = AlternatingRunner.run(
                runs,
                List.of(
                        BenchRun.side(List.of(FERRY), i -> List.of(trial(FERRY, Map.of(), i, queue))),
                        BenchRun.side(List.of(STOCK), i -> List.of(trial(STOCK, STOCK_HA, i, queue)))),
                progress);
        return new BenchReport(description(runs), results, start.end());
    }

    /** One session, one checkpointed job, one SIGKILL of the JobManager, timed to RUNNING again. */
    private BenchRun trial(BenchVariant variant, Map<String, String> settings, int index, Optional<String> queue)
            throws InterruptedException {
        ClusterName name = new ClusterName("bench-failover-" + variant.id().toLowerCase() + "-" + index);
        DeployedCluster session =
                sessions.startFerryWith(name, queue, Optional.empty(), config -> settings.forEach(config::setString));
        try {
            String sessionTimeout =
                    probe.setting(session.webUrl(), SESSION_TIMEOUT).orElse("(unset)");
            String jobId = jobs.get().startJar(countingJob(name)).jobId();
            // A checkpoint to restore from: else the job would only restart, not recover.
            probe.awaitCompletedCheckpoint(session.webUrl(), jobId);
            ApplicationId application = ApplicationId.fromString(session.applicationId());
            long killedAt = System.nanoTime();
            killer.kill(application);
            return awaitRunningAgain(variant, index, application, jobId, killedAt, "session-timeout " + sessionTimeout);
        } finally {
            sessions.kill(name);
        }
    }

    private JarJobSpec countingJob(ClusterName session) {
        String output = outputRoot.toString().replaceAll("/$", "") + "/" + session.value();
        return new JarJobSpec(
                Optional.of(session.value()),
                examplesDir.resolve(JAR),
                Optional.empty(),
                List.of("--output", output, "--rate", "20", "--checkpoint-interval", "1000"),
                Optional.empty(),
                JobPlacement.inSession(session.value()),
                Optional.empty(),
                false);
    }

    /**
     * Polls YARN for the current attempt and its JobManager's REST address, and that JobManager's
     * {@code /jobs/overview}, until all of the job's tasks run on a later attempt.
     */
    private BenchRun awaitRunningAgain(
            BenchVariant variant, int index, ApplicationId application, String jobId, long killedAt, String note)
            throws InterruptedException {
        long deadline = killedAt + timeout.toNanos();
        int attempt = 1;
        while (System.nanoTime() < deadline) {
            ApplicationReport report = report(application);
            if (report != null) {
                attempt = report.getCurrentApplicationAttemptId().getAttemptId();
                if (ENDED.contains(report.getYarnApplicationState())) {
                    return BenchRun.failed(
                            variant,
                            index,
                            "attempt " + attempt,
                            note + ", application ended " + report.getFinalApplicationStatus());
                }
                String url = report.getOriginalTrackingUrl();
                if (attempt >= 2 && url != null && url.startsWith("http") && probe.isRunning(url, jobId)) {
                    return BenchRun.completed(
                            variant, index, (System.nanoTime() - killedAt) / 1e9, "attempt " + attempt, note);
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        return BenchRun.failed(
                variant, index, "attempt " + attempt, note + ", not RUNNING within " + timeout.toSeconds() + "s");
    }

    private ApplicationReport report(ApplicationId application) {
        try {
            return yarn.getApplicationReport(application);
        } catch (Exception yarnHiccup) {
            return null;
        }
    }

    private static Map<String, String> stockHa() {
        Map<String, String> stock = new LinkedHashMap<>();
        // Ferry: its fencing HA services (HaDeployment), so a new attempt need not wait for the
        // dead JobManager's ZooKeeper session to expire. Flink: plain ZooKeeper HA.
        stock.put("high-availability.type", "zookeeper");
        // Ferry: 10s (config.yaml). Flink: 60s, which ZooKeeper's default tickTime caps at 40 s.
        stock.put(SESSION_TIMEOUT, "60s");
        // Ferry: true (HaDeployment), so a ZooKeeper blip does not burn an attempt.
        stock.put("high-availability.zookeeper.client.tolerate-suspended-connections", "false");
        // Ferry: 4 (ferry.ha.application-attempts). Flink with HA on YARN: YARN's default, 2.
        stock.put("yarn.application-attempts", "2");
        return java.util.Collections.unmodifiableMap(stock);
    }

    static BenchDescription description(int runs) {
        return new BenchDescription(
                "failover",
                "JobManager failover: kill -9 to all tasks RUNNING",
                "back RUNNING",
                "YARN attempts used",
                List.of(
                        "Each run: a fresh session with one warm TaskManager, examples/" + JAR
                                + " (checkpoint every second) until a checkpoint completed, then SIGKILL of the"
                                + " JobManager container through YARN (signalToContainer FORCEFUL_SHUTDOWN, delivered on"
                                + " the NodeManager's next heartbeat), then the session is killed.",
                        "Clock started at the signal call, stopped when the new attempt's /jobs/overview showed every"
                                + " task RUNNING (YARN and the REST API polled every 100 ms).",
                        "ZooKeeper's session cap decides B: a default server (tickTime 2000) caps Flink's 60 s at 40 s."),
                List.of(new Comparison("A", "B")),
                "ferry bench failover --runs " + runs);
    }
}
