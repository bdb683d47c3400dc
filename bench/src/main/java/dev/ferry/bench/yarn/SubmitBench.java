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
import dev.ferry.launcher.jobs.JarJobRequest;
import dev.ferry.launcher.jobs.JarJobSpec;
import dev.ferry.launcher.jobs.JobStarter;
import dev.ferry.launcher.jobs.JobSubmitter;
import dev.ferry.launcher.jobs.record.JobPlacement;
import dev.ferry.launcher.rest.RestJobManagers;

import org.apache.flink.api.common.JobID;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Job submit time: from before the submit call until all the job's tasks are RUNNING, into a new
 * session (Ferry's keeps a warm TaskManager, stock's must start one), on a warm TaskManager
 * (both), and as {@code ferry job submit} at the shell, whole process (Ferry alone).
 */
public final class SubmitBench implements YarnBench {

    static final BenchVariant FERRY_NEW = new BenchVariant(
            "A1",
            "Ferry new session",
            "first job into a session just started by 'ferry session start' (Ferry's defaults: one warm TaskManager,"
                    + " warmed up by its ferry-session-warm-up job), submitted as 'ferry job submit --detached' does"
                    + " in-process (jar stored, job recorded)");
    static final BenchVariant STOCK_NEW = new BenchVariant(
            "B1",
            "stock new session",
            "first job into a stock Flink session just started (no TaskManager yet: YARN must start one), submitted"
                    + " as 'flink run' does (JobGraph built on the client from Flink's defaults, REST submit)");
    static final BenchVariant FERRY_WARM = new BenchVariant(
            "A2",
            "Ferry warm TaskManager",
            "second job into the same Ferry session after the first was cancelled and its slot freed");
    static final BenchVariant STOCK_WARM = new BenchVariant(
            "B2",
            "stock warm TaskManager",
            "second job into the same stock session after the first was cancelled and its slot freed");
    static final BenchVariant FERRY_SHELL = new BenchVariant(
            "C",
            "'ferry job submit' at the shell",
            "bin/ferry job submit --session S JAR as its own process, from its start to its exit (it returns once"
                    + " every task is RUNNING), on the warm TaskManager");

    static final String JAR = "StreamingWordCount.jar";
    static final List<String> JOB_ARGUMENTS = List.of("--rate", "10");

    private final BenchSessions sessions;
    private final Supplier<JobStarter> ferryJobs;
    private final JobSubmitter stockSubmitter;
    private final RestJobManagers jobManagers;
    private final RunningJobProbe probe;
    private final FerryShell shell;
    private final Path examplesDir;
    private final Duration timeout;

    public SubmitBench(
            BenchSessions sessions,
            Supplier<JobStarter> ferryJobs,
            JobSubmitter stockSubmitter,
            RestJobManagers jobManagers,
            FerryShell shell,
            Path examplesDir,
            Duration timeout) {
        this.sessions = sessions;
        this.ferryJobs = ferryJobs;
        this.stockSubmitter = stockSubmitter;
        this.jobManagers = jobManagers;
        this.probe = new RunningJobProbe(timeout);
        this.shell = shell;
        this.examplesDir = examplesDir;
        this.timeout = timeout;
    }

    @Override
    public BenchReport run(int runs, Optional<String> queue, Consumer<BenchRun> progress)
            throws IOException, InterruptedException {
        sessions.stageFerry();
        // Unmeasured, as on any gateway that ran a command before: bin/ferry's first cluster
        // command writes the class data sharing archive every later one starts from.
        shell.seconds(List.of("queue", "list"), timeout);
        BenchPeriod.Start start = BenchPeriod.begin();
        List<BenchRun> results = AlternatingRunner.run(
                runs,
                List.of(
                        BenchRun.side(List.of(FERRY_NEW, FERRY_WARM, FERRY_SHELL), i -> ferryTrial(i, queue)),
                        BenchRun.side(List.of(STOCK_NEW, STOCK_WARM), i -> stockTrial(i, queue))),
                progress);
        return new BenchReport(description(runs), results, start.end());
    }

    private List<BenchRun> ferryTrial(int index, Optional<String> queue) throws Exception {
        ClusterName name = new ClusterName("bench-submit-a-" + index);
        DeployedCluster session = sessions.startFerry(name, queue, Optional.empty());
        try {
            List<BenchRun> runs = new ArrayList<>();
            String first = timedFerrySubmit(
                    session, "bench-new", FERRY_NEW, index, runs, session.taskManagers() + " TaskManager(s) at start");
            cancelAndAwaitFreeSlot(session, first);
            String second = timedFerrySubmit(session, "bench-warm", FERRY_WARM, index, runs, "");
            cancelAndAwaitFreeSlot(session, second);
            double shellSeconds = shell.seconds(
                    List.of(
                            "job",
                            "submit",
                            "--session",
                            name.value(),
                            "--name",
                            "bench-shell",
                            jar().toString(),
                            "--",
                            JOB_ARGUMENTS.get(0),
                            JOB_ARGUMENTS.get(1)),
                    timeout);
            runs.add(BenchRun.completed(FERRY_SHELL, index, shellSeconds, "", ""));
            return runs;
        } finally {
            sessions.kill(name);
        }
    }

    private String timedFerrySubmit(
            DeployedCluster session, String jobName, BenchVariant variant, int index, List<BenchRun> runs, String note)
            throws InterruptedException {
        JarJobSpec spec = new JarJobSpec(
                Optional.of(jobName),
                jar(),
                Optional.empty(),
                JOB_ARGUMENTS,
                Optional.empty(),
                JobPlacement.inSession(session.name()),
                Optional.empty(),
                true);
        long started = System.nanoTime();
        String jobId = ferryJobs.get().startJar(spec).jobId();
        runs.add(BenchRun.completed(
                variant, index, probe.secondsUntilRunning(session.webUrl(), jobId, started), "", note));
        return jobId;
    }

    private List<BenchRun> stockTrial(int index, Optional<String> queue) throws Exception {
        ClusterName name = new ClusterName("bench-submit-b-" + index);
        DeployedCluster session = sessions.startStock(name, queue);
        try {
            List<BenchRun> runs = new ArrayList<>();
            String first = timedStockSubmit(session, STOCK_NEW, index, runs);
            cancelAndAwaitFreeSlot(session, first);
            timedStockSubmit(session, STOCK_WARM, index, runs);
            return runs;
        } finally {
            sessions.kill(name);
        }
    }

    private String timedStockSubmit(DeployedCluster session, BenchVariant variant, int index, List<BenchRun> runs)
            throws InterruptedException {
        ApplicationReport report = sessions.report(new ClusterName(session.name()));
        JarJobRequest request = new JarJobRequest(
                jar(), Optional.empty(), Optional.empty(), Optional.empty(), JOB_ARGUMENTS, Optional.empty(), Map.of());
        long started = System.nanoTime();
        String jobId = stockSubmitter.submit(report, session.name(), request);
        runs.add(BenchRun.completed(
                variant, index, probe.secondsUntilRunning(session.webUrl(), jobId, started), "", ""));
        return jobId;
    }

    private void cancelAndAwaitFreeSlot(DeployedCluster session, String jobId) throws Exception {
        ApplicationReport report = sessions.report(new ClusterName(session.name()));
        try (RestClusterClient<ApplicationId> client = jobManagers.client(report)) {
            client.cancel(JobID.fromHexString(jobId)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        probe.awaitFreeSlot(session.webUrl());
    }

    private Path jar() {
        return examplesDir.resolve(JAR);
    }

    static BenchDescription description(int runs) {
        return new BenchDescription(
                "submit",
                "Job submit: submit call to all tasks RUNNING",
                "RUNNING",
                "",
                List.of(
                        "Clock started before the submit call, stopped when /jobs/overview (asked afresh, unlike the"
                                + " 3 s cached /jobs/<id>) showed every task of the job RUNNING, polled every "
                                + RunningJobProbe.POLL_INTERVAL.toMillis() + " ms by the same probe for both sides.",
                        "The job: examples/" + JAR + " " + String.join(" ", JOB_ARGUMENTS) + " (parallelism 1).",
                        "Each trial deploys a fresh session (not timed here: see 'ferry bench deploy'), measures"
                                + " the new-session and warm-TaskManager submits (and for Ferry, the shell), then kills"
                                + " the session.",
                        "C is the whole process: JVM start (from the class data sharing archive bin/ferry wrote"
                                + " during an unmeasured 'ferry queue list' before the first run), configuration, YARN"
                                + " lookup, jar upload, submit and the wait for RUNNING that 'ferry job submit' does"
                                + " itself."),
                List.of(new Comparison("A1", "B1"), new Comparison("A2", "B2")),
                "ferry bench submit --runs " + runs);
    }
}
