package dev.ferry.launcher.configuration;

import org.apache.flink.configuration.ConfigOption;

import java.time.Duration;
import java.util.List;

import static org.apache.flink.configuration.ConfigOptions.key;

/**
 * Every setting of Ferry's launcher, read from {@code conf/ferry.yaml} or {@code -D key=value}.
 *
 * <p>Flink's own settings stay in {@code conf/config.yaml} under Flink's keys; these are the
 * ones Ferry adds on top. {@code ferry config show} and the docs are generated from this list.
 */
public final class FerryOptions {

    public static final ConfigOption<String> QUEUE = key("ferry.yarn.queue")
            .stringType()
            .defaultValue("default")
            .withDescription("YARN queue that clusters are deployed to unless --queue names another.");

    public static final ConfigOption<Duration> YARN_CONNECT_TIMEOUT = key("ferry.yarn.connect-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("How long one call to the YARN ResourceManager or an HDFS NameNode may wait"
                    + " for an answer before the command fails as unavailable. A server that refuses"
                    + " connections fails the call at once, one that accepts them and does not answer"
                    + " after this long; with ResourceManager or NameNode HA each of them is tried once,"
                    + " for an equal share of it. Hadoop's own defaults retry for 15 minutes and wait"
                    + " for a server that does not answer forever.");

    public static final ConfigOption<Duration> DEPLOY_TIMEOUT = key("ferry.deploy.timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(3))
            .withDescription("How long a cluster may take from submission until its REST API answers;"
                    + " after that the YARN application is killed and the deploy fails.");

    public static final ConfigOption<Duration> STOP_TIMEOUT = key("ferry.stop.timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(3))
            .withDescription("How long a graceful stop may take (savepoints, cancellation, shutdown)"
                    + " before it fails; the cluster is then left running.");

    public static final ConfigOption<Duration> REST_TIMEOUT = key("ferry.rest.timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(5))
            .withDescription("Timeout of one call to a JobManager's REST API.");

    public static final ConfigOption<String> STAGING_DIR = key("ferry.staging.dir")
            .stringType()
            .defaultValue("/ferry/dist")
            .withDescription("Directory on the cluster file system where 'ferry dist upload' stages lib/ and"
                    + " plugins/ once per Ferry build; deploys then reuse them via"
                    + " yarn.provided.lib.dirs. A path without scheme is on fs.defaultFS.");

    public static final ConfigOption<Boolean> STAGING_AUTO = key("ferry.staging.auto")
            .booleanType()
            .defaultValue(true)
            .withDescription("The first deploy of a Ferry build stages its lib/ and plugins/ in ferry.staging.dir, as"
                    + " 'ferry dist upload' would, so that it and every later deploy reuse them instead of shipping"
                    + " them (safe when several gateways deploy at once). Where staging fails (no permission), the"
                    + " deploy ships lib/ and says why. false: ship until someone runs 'ferry dist upload'.");

    public static final ConfigOption<Integer> MIN_TASKMANAGERS = key("ferry.session.min-taskmanagers")
            .intType()
            .defaultValue(0)
            .withDescription("TaskManagers a session keeps running while idle, so a submitted job starts"
                    + " without waiting for a YARN container.");

    public static final ConfigOption<Boolean> SESSION_WARM_UP = key("ferry.session.warm-up")
            .booleanType()
            .defaultValue(true)
            .withDescription("Whether 'session start' runs a small job (ferry-session-warm-up) on the"
                    + " session's minimum TaskManagers before it reports the session ready, so that"
                    + " the first real job starts on warm JVMs. Costs the start a few seconds;"
                    + " nothing to warm without min-taskmanagers.");

    public static final ConfigOption<String> HA_STORAGE_DIR = key("ferry.ha.storage-dir")
            .stringType()
            .defaultValue("hdfs:///ferry/ha")
            .withDescription("Flink's high-availability.storageDir for clusters Ferry deploys with ZooKeeper HA"
                    + " (ferry.ha.zookeeper.quorum set): job graphs, checkpoint pointers, blobs.");

    public static final ConfigOption<Integer> HA_APPLICATION_ATTEMPTS = key("ferry.ha.application-attempts")
            .intType()
            .defaultValue(4)
            .withDescription("yarn.application-attempts of an HA cluster: how often YARN restarts a dead"
                    + " JobManager before it gives the application up.");

    public static final ConfigOption<String> JOBS_DIR = key("ferry.jobs.dir")
            .stringType()
            .defaultValue("/ferry/jobs")
            .withDescription("Directory on the cluster file system with one record per job name: its artifact,"
                    + " where it ran, its runs and savepoints. 'ferry job resume' and"
                    + " 'ferry job restart' read it from any gateway.");

    public static final ConfigOption<String> ARTIFACTS_DIR = key("ferry.jobs.artifacts-dir")
            .stringType()
            .defaultValue("/ferry/artifacts")
            .withDescription("Directory on the cluster file system where job jars and SQL scripts are kept,"
                    + " by content, so a job can be resubmitted from any gateway.");

    public static final ConfigOption<String> SHARED_JARS_DIR = key("ferry.jars.dir")
            .stringType()
            .defaultValue("/ferry/jars")
            .withDescription("Directory on the cluster file system of the jars a team shares for SQL functions and"
                    + " connectors ('ferry jars'); give one to 'ferry sql --jar' by the path 'ferry jars list' shows.");

    public static final ConfigOption<String> SAMPLES_DIR = key("ferry.samples.dir")
            .stringType()
            .defaultValue("/ferry/samples")
            .withDescription("Directory on the cluster file system of the samples of tables that debug runs read"
                    + " instead of the tables ('ferry sample', 'ferry sql --debug --source TABLE=SAMPLE').");

    public static final ConfigOption<Duration> JOB_RUNNING_TIMEOUT = key("ferry.job.running-timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(3))
            .withDescription("How long a submit, resume or restart waits for all the job's tasks to be RUNNING"
                    + " before it fails (the job is then left as it is).");

    public static final ConfigOption<Double> DIAGNOSE_BUSY = key("ferry.diagnose.busy-ms-per-second")
            .doubleType()
            .defaultValue(800.0)
            .withDescription("'ferry diagnose' calls a vertex saturated when its busiest subtask is busy this many"
                    + " milliseconds of every second (of 1000).");

    public static final ConfigOption<Double> DIAGNOSE_BACKPRESSURED = key("ferry.diagnose.backpressured-ms-per-second")
            .doubleType()
            .defaultValue(500.0)
            .withDescription("'ferry diagnose' calls a vertex backpressured when a subtask waits this many"
                    + " milliseconds of every second for output buffers.");

    public static final ConfigOption<Double> DIAGNOSE_SKEW_RATIO = key("ferry.diagnose.skew-ratio")
            .doubleType()
            .defaultValue(2.0)
            .withDescription("'ferry diagnose' calls a subtask hot when it read this many times the records of the"
                    + " average subtask of its vertex.");

    public static final ConfigOption<Duration> DIAGNOSE_WATERMARK_LAG = key("ferry.diagnose.watermark-lag")
            .durationType()
            .defaultValue(Duration.ofMinutes(1))
            .withDescription("'ferry diagnose' reports a delay when a vertex's event-time watermark is this far"
                    + " behind wall-clock time.");

    private FerryOptions() {}

    /** All options, in the order {@code ferry config show} prints them. */
    public static List<ConfigOption<?>> all() {
        return List.of(
                QUEUE,
                YARN_CONNECT_TIMEOUT,
                DEPLOY_TIMEOUT,
                STOP_TIMEOUT,
                REST_TIMEOUT,
                STAGING_DIR,
                STAGING_AUTO,
                MIN_TASKMANAGERS,
                SESSION_WARM_UP,
                HA_STORAGE_DIR,
                HA_APPLICATION_ATTEMPTS,
                JOBS_DIR,
                ARTIFACTS_DIR,
                SHARED_JARS_DIR,
                SAMPLES_DIR,
                JOB_RUNNING_TIMEOUT,
                DIAGNOSE_BUSY,
                DIAGNOSE_BACKPRESSURED,
                DIAGNOSE_SKEW_RATIO,
                DIAGNOSE_WATERMARK_LAG);
    }
}
