package dev.ferry.launcher.jobs;

import dev.ferry.launcher.cluster.ClusterObserver;
import dev.ferry.launcher.deployment.ClusterMode;
import dev.ferry.launcher.deployment.ClusterName;
import dev.ferry.launcher.deployment.ClusterSpec;
import dev.ferry.launcher.deployment.DeployedCluster;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.jobs.record.JobPlacement;
import dev.ferry.launcher.jobs.record.JobRecord;
import dev.ferry.launcher.jobs.record.JobRecords;
import dev.ferry.launcher.rest.JobManagers;
import dev.ferry.launcher.samples.SampleStore;
import dev.ferry.sql.PreparedScript;
import dev.ferry.sql.QueryListener;
import dev.ferry.sql.SampleTable;
import dev.ferry.sql.SqlRunResult;
import dev.ferry.sql.SqlScript;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.MemorySize;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Starts runs of named jobs, wherever their placement says: into a session, or as an application
 * or per-job cluster. The job's record is written as soon as Flink accepted the run, before the
 * wait for RUNNING, so a run that is slow to start is still known to every gateway.
 */
public final class JobStarter {

    private final JobSubmitter sessionSubmitter;
    private final SqlScripts sql;
    private final ClusterObserver observer;
    private final Supplier<JobClusterLauncher> clusterLauncher;
    private final JobRunningWaiter waiter;
    private final JobLocator locator;
    private final JobRecords records;
    private final ArtifactStore artifacts;
    private final RestorePoints restorePoints;
    private final SnapshotDirectories directories;
    private final SampleStore samples;

    public JobStarter(
            JobSubmitter sessionSubmitter,
            SqlScripts sql,
            ClusterObserver observer,
            Supplier<JobClusterLauncher> clusterLauncher,
            JobRunningWaiter waiter,
            JobLocator locator,
            JobRecords records,
            ArtifactStore artifacts,
            RestorePoints restorePoints,
            SnapshotDirectories directories,
            SampleStore samples) {
        this.sessionSubmitter = sessionSubmitter;
        this.sql = sql;
        this.observer = observer;
        this.clusterLauncher = clusterLauncher;
        this.waiter = waiter;
        this.locator = locator;
        this.records = records;
        this.artifacts = artifacts;
        this.restorePoints = restorePoints;
        this.directories = directories;
        this.samples = samples;
    }

    /** Where this gateway's configuration puts the checkpoints and savepoints of the jobs it starts. */
    public record SnapshotDirectories(String checkpoints, String savepoints) {}

    /**
     * The first run of a jar job: checks the jar and the savepoint, then, holding the job's name,
     * stores the jar, records the job and starts it.
     */
    public StartedJob startJar(JarJobSpec spec) {
        String mainClass = ProgramInspector.mainClass(spec.jar(), spec.entryClass());
        String name = spec.name().orElse(ProgramInspector.defaultJobName(mainClass));
        JobRecords.requireValidName(name);
        spec.restorePath().ifPresent(restorePoints::requireRestorable);
        return records.underNameLock(name, () -> {
            requireNotRunning(name);
            JobRecord record = newRecord(
                    name,
                    JobRecord.JAR,
                    artifacts.upload(spec.jar()),
                    mainClass,
                    spec.arguments(),
                    List.of(),
                    spec.parallelism(),
                    spec.placement());
            return run(record, spec.restorePath(), spec.detached());
        });
    }

    /**
     * Runs a SQL script: checked (syntax, tables, one job) before anything is submitted; into a
     * session, where its queries return rows too, or as an application cluster. A script that
     * starts a job is recorded like a jar job, with the script as its artifact.
     */
    public SqlOutcome startSql(SqlJobSpec spec) {
        return startSql(spec, QueryListener.NONE);
    }

    /** {@link #startSql(SqlJobSpec)}, telling {@code listener} each query's rows as they arrive. */
    public SqlOutcome startSql(SqlJobSpec spec, QueryListener listener) {
        SqlScript script = sql.parse(spec.script(), spec.scriptName());
        String name = spec.name().orElse(scriptStem(spec.scriptName()));
        JobRecords.requireValidName(name);
        spec.restorePath().ifPresent(restorePoints::requireRestorable);
        List<String> jars = spec.jars().stream().map(artifacts::storeJar).toList();
        JobPlacement placement = spec.placement();
        Optional<ApplicationReport> session =
                placement.runsInSession() ? Optional.of(observer.requireLive(placement.session())) : Optional.empty();
        PreparedScript prepared = spec.debug()
                ? sql.prepareDebugRun(script, spec.scriptName(), session.orElseThrow(), name, jars, samples(spec))
                : sql.prepare(
                        script,
                        spec.scriptName(),
                        session,
                        name,
                        spec.parallelism(),
                        Map.of(),
                        jars,
                        spec.restorePath());
        if (!prepared.hasJob()) {
            if (session.isEmpty()) {
                throw new FerryException(
                        ExitCode.USAGE,
                        spec.scriptName() + " starts no job (no INSERT): an application cluster would have nothing to"
                                + " run; run catalog statements and queries with --session NAME");
            }
            return new SqlOutcome(
                    Optional.empty(),
                    sql.submit(prepared, spec.scriptName(), spec.queryLimits(), listener)
                            .queries());
        }
        String jobName = spec.name().or(prepared::jobName).orElse(name);
        JobRecords.requireValidName(jobName);
        return records.underNameLock(jobName, () -> startSqlJob(spec, prepared, jobName, session, jars, listener));
    }

    /** The samples a debug run reads instead of the tables it names; an unknown sample fails first. */
    private List<SampleTable> samples(SqlJobSpec spec) {
        return spec.sources().entrySet().stream()
                .map(source -> samples.get(source.getValue()).standingFor(source.getKey()))
                .toList();
    }

    /** The record of a job about to run for the first time under its name: no runs, no savepoint yet. */
    private JobRecord newRecord(
            String name,
            String kind,
            String artifact,
            String entryClass,
            List<String> arguments,
            List<String> jars,
            Optional<Integer> parallelism,
            JobPlacement placement) {
        return new JobRecord(
                name,
                kind,
                artifact,
                entryClass,
                arguments,
                jars,
                parallelism.orElse(null),
                Map.of(),
                placement,
                null,
                null,
                directories.checkpoints(),
                directories.savepoints(),
                null,
                System.currentTimeMillis());
    }

    private SqlOutcome startSqlJob(
            SqlJobSpec spec,
            PreparedScript prepared,
            String jobName,
            Optional<ApplicationReport> session,
            List<String> jars,
            QueryListener listener) {
        requireNotRunning(jobName);
        JobPlacement placement = spec.placement();
        JobRecord record = newRecord(
                jobName,
                JobRecord.SQL,
                artifacts.upload(scriptFile(spec.script(), spec.scriptName())),
                null,
                null,
                jars,
                spec.parallelism(),
                placement);
        if (session.isEmpty()) {
            return new SqlOutcome(Optional.of(run(record, spec.restorePath(), spec.detached())), List.of());
        }
        long started = System.nanoTime();
        SqlRunResult result = sql.submit(prepared, spec.scriptName(), spec.queryLimits(), listener);
        StartedJob job = recordAndAwait(
                record,
                result.jobId().orElseThrow().toHexString(),
                session.get(),
                placement.session(),
                spec.restorePath(),
                spec.detached(),
                started);
        return new SqlOutcome(Optional.of(job), result.queries());
    }

    /**
     * Another run of a recorded job, e.g. a resume or the second half of a restart; the caller
     * holds the job's name.
     */
    public StartedJob rerun(JobRecord record, Optional<String> restorePath, boolean detached) {
        requireNotRunning(record.name());
        return run(record, restorePath, detached);
    }

    private StartedJob run(JobRecord record, Optional<String> restorePath, boolean detached) {
        long started = System.nanoTime();
        JobPlacement placement = record.placement();
        if (placement.runsInSession()) {
            ApplicationReport session = observer.requireLive(placement.session());
            String jobId = submitToSession(record, session, restorePath);
            return recordAndAwait(record, jobId, session, placement.session(), restorePath, detached, started);
        }
        JobProgram program = programOf(record, restorePath);
        DeployedCluster deployed =
                clusterLauncher.get().launch(clusterSpec(record), ClusterMode.fromTag(placement.mode()), program);
        return recordAndAwait(
                record,
                program.jobId().toHexString(),
                report(deployed.applicationId()),
                deployed.name(),
                restorePath,
                detached,
                started);
    }

    /** Submits one run into a session; returns its job id. */
    private String submitToSession(JobRecord record, ApplicationReport session, Optional<String> restorePath) {
        if (JobRecord.SQL.equals(record.kind())) {
            String text = artifacts.readText(record.artifact());
            String scriptName = new org.apache.hadoop.fs.Path(record.artifact()).getName();
            PreparedScript prepared = sql.prepare(
                    sql.parse(text, scriptName),
                    scriptName,
                    Optional.of(session),
                    record.name(),
                    Optional.ofNullable(record.parallelism()),
                    record.vertexParallelism(),
                    record.jars(),
                    restorePath);
            return sql.submit(prepared, scriptName).jobId().orElseThrow().toHexString();
        }
        JobProgram program = programOf(record, restorePath);
        return sessionSubmitter.submit(session, record.placement().session(), program.asJarRequest());
    }

    /** What a job cluster runs: the job's jar, or Ferry's SQL runner with the job's script. */
    private JobProgram programOf(JobRecord record, Optional<String> restorePath) {
        Optional<Integer> parallelism = Optional.ofNullable(record.parallelism());
        Map<String, String> settings = runSettings(record);
        if (JobRecord.SQL.equals(record.kind())) {
            return sql.applicationProgram(
                    artifacts.readText(record.artifact()),
                    record.name(),
                    JobID.generate(),
                    parallelism,
                    restorePath,
                    settings,
                    record.jars());
        }
        return new JobProgram(
                artifacts.fetch(record.artifact()),
                record.entryClass(),
                record.arguments(),
                parallelism,
                record.name(),
                JobID.generate(),
                restorePath,
                settings,
                List.of());
    }

    /**
     * The Flink settings of one run of a job cluster or session jar job: its placement's, and the
     * parallelism of its scaled vertices.
     */
    static Map<String, String> runSettings(JobRecord record) {
        Map<String, String> settings = new HashMap<>(record.placement().flinkSettings());
        settings.putAll(ParallelismOverrides.asSettings(record.vertexParallelism()));
        return settings;
    }

    /** Records the run as soon as Flink accepted it, then waits for RUNNING unless detached. */
    private StartedJob recordAndAwait(
            JobRecord record,
            String jobId,
            ApplicationReport cluster,
            String clusterName,
            Optional<String> restorePath,
            boolean detached,
            long started) {
        records.save(record.withRun(
                jobId, cluster.getApplicationId().toString(), directories.checkpoints(), directories.savepoints()));
        String state = detached ? JobStatus.CREATED.name() : waiter.await(cluster, JobID.fromHexString(jobId), started);
        return new StartedJob(
                record.name(),
                jobId,
                record.placement().mode(),
                clusterName,
                cluster.getApplicationId().toString(),
                JobManagers.webUrl(cluster),
                state,
                restorePath.orElse(null),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static String scriptStem(String scriptName) {
        String file = Path.of(scriptName).getFileName().toString();
        return file.endsWith(".sql") ? file.substring(0, file.length() - 4) : file;
    }

    /** The script as a file named like its source, for the artifact store. */
    private static Path scriptFile(String script, String scriptName) {
        try {
            Path dir = Files.createTempDirectory("ferry-sql");
            Path file = dir.resolve(Path.of(scriptName).getFileName().toString());
            Files.writeString(file, script);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new FerryException(
                    ExitCode.FAILURE, "Cannot write a temporary copy of " + scriptName + ": " + e.getMessage(), e);
        }
    }

    private void requireNotRunning(String name) {
        records.find(name)
                .flatMap(record -> locator.liveRun(record, locator.liveJobs().jobs()))
                .filter(run -> !run.ended())
                .ifPresent(run -> {
                    throw new FerryException(
                            ExitCode.CONFLICT,
                            "Job '" + name + "' is already " + run.details().getStatus() + " as " + run.jobId()
                                    + " in '" + run.clusterName() + "': stop it first, or upgrade it with"
                                    + " 'ferry job restart " + name + "'");
                });
    }

    /** A job's own cluster is named after the job, in the form YARN cluster names take. */
    static ClusterName clusterNameFor(String jobName) {
        String name = jobName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        return new ClusterName(name.length() > 63 ? name.substring(0, 63) : name);
    }

    private static ClusterSpec clusterSpec(JobRecord record) {
        JobPlacement placement = record.placement();
        return new ClusterSpec(
                clusterNameFor(record.name()),
                Optional.ofNullable(placement.queue()),
                Optional.ofNullable(placement.jobManagerMemory()).map(MemorySize::parse),
                Optional.ofNullable(placement.taskManagerMemory()).map(MemorySize::parse),
                Optional.ofNullable(placement.slots()),
                Optional.empty());
    }

    private ApplicationReport report(String applicationId) {
        return observer.application(ApplicationId.fromString(applicationId))
                .orElseThrow(() -> new FerryException(
                        ExitCode.FAILURE, "YARN does not know the cluster it just started: " + applicationId));
    }
}
