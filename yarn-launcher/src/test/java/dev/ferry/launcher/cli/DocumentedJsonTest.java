package dev.ferry.launcher.cli;

import dev.ferry.ha.cleanup.CleanupReport;
import dev.ferry.hive.browse.Column;
import dev.ferry.hive.browse.Partitions;
import dev.ferry.hive.browse.StorageFormat;
import dev.ferry.hive.browse.TableDescription;
import dev.ferry.hive.metastore.MetastoreStatus;
import dev.ferry.launcher.cli.catalog.CatalogPrinter;
import dev.ferry.launcher.cli.catalog.TableDescriptionPrinter;
import dev.ferry.launcher.cli.dist.DistUploadCommand;
import dev.ferry.launcher.cli.ha.HaGcCommand;
import dev.ferry.launcher.cli.ha.HaStatusCommand;
import dev.ferry.launcher.cli.health.HealthPrinter;
import dev.ferry.launcher.cli.job.JobPrinter;
import dev.ferry.launcher.cli.job.JobScaleCommand;
import dev.ferry.launcher.cli.output.Json;
import dev.ferry.launcher.cli.queue.QueueListCommand;
import dev.ferry.launcher.cli.sample.SamplePrinter;
import dev.ferry.launcher.cli.sandbox.SandboxStatusPrinter;
import dev.ferry.launcher.cli.session.ClusterPrinter;
import dev.ferry.launcher.cli.session.SessionStartCommand;
import dev.ferry.launcher.cli.session.SessionStopCommand.SessionEndPrinter;
import dev.ferry.launcher.cli.sql.SqlCommand;
import dev.ferry.launcher.cluster.ClusterView;
import dev.ferry.launcher.cluster.ListedCluster;
import dev.ferry.launcher.cluster.RegistryState;
import dev.ferry.launcher.cluster.StoppedCluster;
import dev.ferry.launcher.cluster.StoppedJob;
import dev.ferry.launcher.configuration.FerryHome;
import dev.ferry.launcher.deployment.DeployedCluster;
import dev.ferry.launcher.diagnosis.Finding;
import dev.ferry.launcher.diagnosis.Finding.Severity;
import dev.ferry.launcher.diagnosis.JobDiagnostics.Diagnosis;
import dev.ferry.launcher.ha.GcReport;
import dev.ferry.launcher.ha.HaStatus;
import dev.ferry.launcher.ha.RegisteredCluster;
import dev.ferry.launcher.ha.RegistryEntry;
import dev.ferry.launcher.health.InspectedJob;
import dev.ferry.launcher.health.JobHealth;
import dev.ferry.launcher.health.JobHealth.Checkpoints;
import dev.ferry.launcher.health.JobHealth.Restarts;
import dev.ferry.launcher.health.JobHealth.TaskManager;
import dev.ferry.launcher.health.JobHealth.Vertex;
import dev.ferry.launcher.jobs.JobController.JobAction;
import dev.ferry.launcher.jobs.JobLister;
import dev.ferry.launcher.jobs.JobScaler.Method;
import dev.ferry.launcher.jobs.JobScaler.ScaleResult;
import dev.ferry.launcher.jobs.JobScaler.VertexChange;
import dev.ferry.launcher.jobs.JobView;
import dev.ferry.launcher.jobs.JobView.VertexView;
import dev.ferry.launcher.jobs.SqlOutcome;
import dev.ferry.launcher.jobs.StartedJob;
import dev.ferry.launcher.samples.Sample;
import dev.ferry.launcher.staging.DeployLibraries;
import dev.ferry.launcher.staging.DistManifest;
import dev.ferry.launcher.staging.StagedDist;
import dev.ferry.launcher.yarn.ApplicationAttempts;
import dev.ferry.launcher.yarn.QueueView;
import dev.ferry.sandbox.status.DaemonState;
import dev.ferry.sandbox.status.SandboxStatus;
import dev.ferry.sandbox.status.ServiceStatus;
import dev.ferry.sql.QueryResult;
import dev.ferry.sql.SampleColumn;

import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.messages.webmonitor.JobDetails;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/cli.md is the contract scripts parse: for every command it shows the JSON that {@code -o
 * json} prints. Each test here prints a representative value with the function the command prints
 * with and checks that the output has exactly the documented field names, recursively: the key
 * set of every object, and of every element of an array against the documented (first) element.
 * Both ways: no field printed that the page does not name, none named that is not printed. Values
 * and key order are not compared. Where the page says in prose how a block differs (the object of
 * {@code session list} plus some fields, {@code "…" : "as for job submit"}, a map keyed by data),
 * the test reads that prose too.
 *
 * <p>{@code ferry bench} is not covered: it writes result files (Markdown, CSV, PNG), not JSON.
 */
class DocumentedJsonTest {

    private static final Path CLI_MD = Path.of("../docs/cli.md");

    private static final String SESSION_LIST = "`ferry session list -o json`";
    private static final String SESSION_STATUS = "`ferry session status NAME -o json`";
    private static final String SESSION_START = "`ferry session start NAME -o json`";
    private static final String SESSION_STOP_KILL =
            "`ferry session stop NAME -o json` and `ferry session kill NAME -o json`";
    private static final String JOB_STARTED =
            "`ferry job submit … -o json`, `ferry app run … -o json`, `ferry job resume|restart … -o json`";
    private static final String SQL = "`ferry sql … -o json`";
    private static final String JOB_LIST_STATUS =
            "`ferry job list [--session NAME] [--all] -o json` and `ferry job status JOB -o json`";
    private static final String JOB_STATUS_VERTICES = "`ferry job status JOB -o json`: vertices";
    private static final String JOB_SCALE = "`ferry job scale JOB -o json`";
    private static final String JOB_ACTION = "`ferry job cancel|savepoint|stop JOB -o json`";
    private static final String METRICS = "`ferry metrics JOB -o json`";
    private static final String DIAGNOSE = "`ferry diagnose JOB -o json`";
    private static final String QUEUE_LIST = "`ferry queue list -o json`";
    private static final String DIST_UPLOAD = "`ferry dist upload -o json`";
    private static final String SAMPLE = "`ferry sample create|show NAME -o json` and `ferry sample list -o json`";
    private static final String HA_STATUS = "`ferry ha status -o json`";
    private static final String HA_GC = "`ferry ha gc [--dry-run] -o json`";
    private static final String CATALOG_PING = "`ferry catalog ping -o json`";
    private static final String CATALOG_DATABASES = "`ferry catalog databases -o json`";
    private static final String CATALOG_TABLES = "`ferry catalog tables [DB] -o json`";
    private static final String CATALOG_DESCRIBE = "`ferry catalog describe DB.TABLE -o json`";
    private static final String CONFIG_SHOW = "`ferry config show -o json`";
    private static final String SANDBOX_STATUS = "`ferry sandbox status -o json` (also `sandbox start -o json`)";

    private static final List<String> PINNED = List.of(
            SESSION_LIST,
            SESSION_STATUS,
            SESSION_START,
            SESSION_STOP_KILL,
            JOB_STARTED,
            SQL,
            JOB_LIST_STATUS,
            JOB_STATUS_VERTICES,
            JOB_SCALE,
            JOB_ACTION,
            METRICS,
            DIAGNOSE,
            QUEUE_LIST,
            DIST_UPLOAD,
            SAMPLE,
            HA_STATUS,
            HA_GC,
            CATALOG_PING,
            CATALOG_DATABASES,
            CATALOG_TABLES,
            CATALOG_DESCRIBE,
            CONFIG_SHOW,
            SANDBOX_STATUS);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Pattern HEADING = Pattern.compile("^#{2,4} (.+)$");

    private static final Map<String, Section> SECTIONS = sections(CLI_MD);

    private static final String APPLICATION_ID = "application_1795600633468_0001";
    private static final String JOB_ID = "0d2439e0dd23099426d67e64613df749";
    private static final Instant STARTED = Instant.parse("2026-11-25T09:57:41.102Z");

    @TempDir
    static Path home;

    @BeforeAll
    static void givenAnUnpackedDistribution() throws IOException {
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/flink-dist-1.20.1-ferry.jar"), "");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/ferry.yaml"), "ferry.yarn.queue: analytics\n");
        System.setProperty(FerryHome.HOME_PROPERTY, home.toString());
    }

    @AfterAll
    static void forgetTheDistribution() {
        System.clearProperty(FerryHome.HOME_PROPERTY);
    }

    @Test
    void everyJsonExampleOfTheDocsIsPinnedByATestHere() {
        List<String> documented = SECTIONS.values().stream()
                .filter(section -> section.json().isPresent())
                .map(Section::heading)
                .toList();

        assertThat(documented).containsExactlyInAnyOrderElementsOf(PINNED);
    }

    @Test
    void sessionList_printsAnArrayOfTheDocumentedObject_withAndWithoutHa() {
        ClusterView answering = cluster("analytics", 2);
        ClusterView silent = cluster("etl", null);

        assertThat(prose(SESSION_LIST)).contains("An array, newest first, of:");
        assertPrintsTheDocumentedFields(
                SESSION_LIST,
                arrayOf(documented(SESSION_LIST)),
                ClusterPrinter.listJson(List.of(
                        new ListedCluster(answering, RegistryState.REGISTERED), new ListedCluster(silent, null))));
    }

    @Test
    void sessionStatus_printsTheListObjectWithoutRegistry_plusAttemptsLeaderAndJobs() {
        assertPrintsTheDocumentedFields(
                SESSION_STATUS,
                documentedSessionStatus(),
                ClusterPrinter.statusJson(
                        cluster("analytics", 1),
                        Optional.of(new ApplicationAttempts(4, 2, "yarn.resourcemanager.am.max-attempts")),
                        List.of(runningJob()),
                        "http://nm-12.example.com:40835"));
    }

    @Test
    void sessionStatus_ofAClusterStartedByAnOlderFerryWithoutHa_printsTheSameFieldsAsNull() {
        Map<String, Object> json =
                ClusterPrinter.statusJson(cluster("analytics", null), Optional.empty(), List.of(), null);

        assertThat(fieldNames(printed(json)))
                .containsExactlyInAnyOrderElementsOf(fieldNames(documentedSessionStatus()));
        assertThat(json).containsEntry("maxAttempts", null).containsEntry("leader", null);
    }

    @Test
    void sessionStart_printsTheDocumentedFields() {
        assertPrintsTheDocumentedFields(
                SESSION_START,
                documented(SESSION_START),
                SessionStartCommand.toJson(new DeployedCluster(
                        "analytics",
                        APPLICATION_ID,
                        "analytics",
                        "http://nm-12.example.com:40835",
                        1,
                        new DeployLibraries(
                                Optional.of(new StagedDist(
                                        "hdfs://nn:8020/ferry/dist/0.1.0-3f2a9c0d11aa",
                                        new DistManifest(List.of()),
                                        0)),
                                Optional.empty()),
                        Duration.ofMillis(9400),
                        new ApplicationAttempts(4, 2, "yarn.resourcemanager.am.max-attempts"))));
    }

    @Test
    void sessionStop_printsTheDocumentedFields_forSavepointedAndCancelledJobs() {
        StoppedCluster stopped = new StoppedCluster(
                "analytics",
                APPLICATION_ID,
                "FINISHED",
                List.of(
                        new StoppedJob(
                                JOB_ID, "StreamingWordCount", "hdfs://nn:8020/ferry/savepoints/savepoint-0d2439"),
                        new StoppedJob("5f2c0d2439e0dd23099426d67e64613d", "counter", null)),
                "removed");

        assertPrintsTheDocumentedFields(
                SESSION_STOP_KILL, documented(SESSION_STOP_KILL), SessionEndPrinter.toJson(stopped));
    }

    @Test
    void sessionKill_printsTheSameObject_withNoJobs() {
        StoppedCluster killed = new StoppedCluster("analytics", APPLICATION_ID, "KILLED", List.of(), "none");

        JsonNode printed = printed(SessionEndPrinter.toJson(killed));

        assertThat(prose(SESSION_STOP_KILL)).contains("`kill` lists no jobs");
        assertThat(fieldNames(printed)).containsExactlyInAnyOrderElementsOf(fieldNames(documented(SESSION_STOP_KILL)));
        assertThat(printed.get("jobs")).isEmpty();
    }

    @Test
    void jobSubmitAppRunResumeAndRestart_printTheDocumentedFields_inASessionAndInAClusterOfTheirOwn() {
        for (StartedJob job : List.of(startedInSession(), startedAsApplication())) {
            assertPrintsTheDocumentedFields(JOB_STARTED, documented(JOB_STARTED), JobPrinter.startedJson(job));
        }
    }

    @Test
    void sql_printsTheStartedJobAsForJobSubmit_andTheQueriesRows() {
        ObjectNode documented = documented(SQL).deepCopy();
        ObjectNode job = (ObjectNode) documented.get("job");
        assertThat(job.get("…").asText()).isEqualTo("as for job submit");
        job.remove("…");
        assertThat(fieldNames(documented(JOB_STARTED))).containsAll(fieldNames(job));
        documented.set("job", documented(JOB_STARTED));

        assertPrintsTheDocumentedFields(
                SQL,
                documented,
                SqlCommand.toJson(new SqlOutcome(
                        Optional.of(startedInSession()),
                        List.of(new QueryResult(
                                "SELECT id, name FROM t",
                                List.of("op", "id", "name"),
                                List.of(List.of("+I", "1", "a"), List.of("-U", "2", "NULL")),
                                false)))));
    }

    @Test
    void sampleShow_printsTheDocumentedFields() {
        Sample sample = new Sample(
                "clicks",
                "table default.clicks",
                "json",
                2,
                List.of(new SampleColumn("id", "INT"), new SampleColumn("page", "VARCHAR(2147483647)")),
                1_796_685_000_000L,
                "hdfs://nn:8020/ferry/samples/clicks/data-1796685000000");

        assertPrintsTheDocumentedFields(
                SAMPLE, documented(SAMPLE), SamplePrinter.toJson(sample, List.of("{\"id\":1,\"page\":\"home\"}")));
    }

    @Test
    void sql_ofAScriptThatStartsNoJob_printsJobAsNull() {
        JsonNode printed = printed(SqlCommand.toJson(new SqlOutcome(Optional.empty(), List.of())));

        assertThat(prose(SQL)).contains("`job` is null when the script starts no job");
        assertThat(fieldNames(printed)).containsExactlyInAnyOrderElementsOf(fieldNames(documented(SQL)));
        assertThat(printed.get("job").isNull()).isTrue();
    }

    @Test
    void jobList_printsAnArrayOfTheDocumentedObject_forLiveEndedAndUnansweringClustersJobs() {
        JobView live = jobView("RUNNING", null);
        JobView ended = new JobView(
                "counter",
                JOB_ID,
                "ENDED",
                "demo",
                "session",
                APPLICATION_ID,
                null,
                null,
                null,
                null,
                null,
                "jar",
                "hdfs://nn:8020/ferry/artifacts/5f2c/CountingJob.jar",
                null,
                null,
                null,
                null);
        JobView unanswering = new JobView(
                null,
                null,
                JobLister.NOT_ANSWERING,
                "etl",
                "session",
                APPLICATION_ID,
                "http://node2:40123",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThat(prose(JOB_LIST_STATUS))
                .contains(
                        "`job list` prints an array of these objects, `job status` one",
                        "`state` `" + JobLister.NOT_ANSWERING + "`",
                        "always `null` in `job list`");
        assertPrintsTheDocumentedFields(
                JOB_LIST_STATUS,
                arrayOf(documented(JOB_LIST_STATUS)),
                JobPrinter.listJson(List.of(live, ended, unanswering)));
    }

    @Test
    void jobStatus_printsTheDocumentedObjectWithItsVertices() {
        ObjectNode documented = documented(JOB_LIST_STATUS).deepCopy();
        documented.setAll(documentedFragment(JOB_STATUS_VERTICES));

        assertThat(prose(JOB_STATUS_VERTICES)).contains("`job status` adds `vertices` to the object above");
        assertPrintsTheDocumentedFields(
                JOB_STATUS_VERTICES,
                documented,
                JobPrinter.statusJson(jobView("RUNNING", "hdfs://nn:8020/ferry/checkpoints/0d2439/chk-7")));
    }

    @Test
    void jobScale_printsTheDocumentedFields() {
        ScaleResult inPlace = new ScaleResult(
                "counter",
                JOB_ID,
                Method.IN_PLACE,
                List.of(new VertexChange("bc764cd8ddf7a0cff126f51c16239658", "Source: numbers", 1, 4)),
                null,
                "RUNNING");

        assertPrintsTheDocumentedFields(JOB_SCALE, documented(JOB_SCALE), JobScaleCommand.toJson(inPlace));
        assertThat(prose(JOB_SCALE)).contains("`in-place`", "`savepoint`", "`unchanged`");
    }

    @Test
    void jobCancelSavepointAndStop_printTheDocumentedFields() {
        for (String savepoint : new String[] {"hdfs://nn:8020/ferry/savepoints/savepoint-0d2439-1a2b3c4d5e6f", null}) {
            assertPrintsTheDocumentedFields(
                    JOB_ACTION,
                    documented(JOB_ACTION),
                    JobPrinter.actionJson(new JobAction("counter", JOB_ID, "demo", APPLICATION_ID, savepoint)));
        }
    }

    @Test
    void metrics_printsTheDocumentedFields() {
        assertPrintsTheDocumentedFields(METRICS, documented(METRICS), HealthPrinter.metricsJson(inspectedJob()));
    }

    @Test
    void diagnose_printsTheDocumentedFields() {
        Finding bottleneck =
                new Finding(Severity.CRITICAL, "Backpressure", "busy", "more parallelism", Optional.of("Sink: slow"));

        assertThat(prose(DIAGNOSE)).contains("one `INFO` finding titled `Healthy`");
        assertPrintsTheDocumentedFields(
                DIAGNOSE,
                documented(DIAGNOSE),
                HealthPrinter.diagnosisJson(new Diagnosis(inspectedJob(), false, List.of(bottleneck))));
    }

    private static InspectedJob inspectedJob() {
        Vertex source = new Vertex(
                "cbc3",
                "Source: orders",
                2,
                List.of(),
                0,
                250,
                40,
                40,
                870,
                870,
                List.of(7000L, 6800L),
                OptionalLong.empty(),
                OptionalLong.of(42_000));
        JobHealth health = new JobHealth(
                JOB_ID,
                "orders",
                "RUNNING",
                1_800_000_000_000L,
                List.of(source),
                new Checkpoints(7, 0, Optional.empty(), true, OptionalLong.of(310), List.of(200L, 300L)),
                new Restarts(0, Optional.empty()),
                List.of(new TaskManager("container_1_0001_01_000002", 268_435_456L, 536_870_912L, 1234, 56)));
        return new InspectedJob("orders", "analytics", APPLICATION_ID, health, List.of());
    }

    @Test
    void queueList_printsAnArrayOfTheDocumentedObject() {
        assertThat(prose(QUEUE_LIST)).contains("An array, sorted by path, of:");
        assertPrintsTheDocumentedFields(
                QUEUE_LIST,
                arrayOf(documented(QUEUE_LIST)),
                QueueListCommand.listJson(List.of(
                        new QueueView("root", "root", false, "RUNNING", true, 100f, 100f, 0f, 0, 4096, 0, 0, 0),
                        new QueueView(
                                "analytics",
                                "root.analytics",
                                true,
                                "RUNNING",
                                true,
                                50f,
                                100f,
                                0f,
                                0,
                                3072,
                                0,
                                0,
                                0))));
    }

    @Test
    void distUpload_printsTheDocumentedFields() {
        DistManifest manifest = new DistManifest(List.of(
                new DistManifest.Entry("lib/flink-dist-1.20.1-ferry.jar", 105_000_000, "5f8222c19366"),
                new DistManifest.Entry("plugins/s3/flink-s3-fs-hadoop.jar", 312_896, "0d2439e0dd23")));

        assertPrintsTheDocumentedFields(
                DIST_UPLOAD,
                documented(DIST_UPLOAD),
                DistUploadCommand.toJson(
                        new StagedDist("hdfs://nn:8020/ferry/dist/0.1.0-SNAPSHOT-5f8222c19366", manifest, 0)));
    }

    @Test
    void haStatus_printsTheDocumentedFields() {
        HaStatus status = new HaStatus(
                "zk1:2181,zk2:2181,zk3:2181",
                "/flink",
                "hdfs:///ferry/ha",
                List.of(new HaStatus.HaCluster(APPLICATION_ID, true, true, 0)));

        assertPrintsTheDocumentedFields(HA_STATUS, documented(HA_STATUS), HaStatusCommand.toJson(status));
    }

    @Test
    void haGc_printsTheDocumentedFields() {
        CleanupReport haData = new CleanupReport(
                false,
                List.of(new CleanupReport.RemovedCluster("application_1795603259660_0002", true, true, 48213)),
                List.of(new CleanupReport.SkippedCluster(
                        "application_1795603259660_0003",
                        "a JobManager still holds a ZooKeeper session (leader node present)")));
        RegistryEntry stale = new RegistryEntry(
                new RegisteredCluster(
                        "etl",
                        "application_1795603259660_0002",
                        "session",
                        "analytics",
                        "etl",
                        "http://nm-12.example.com:40835",
                        "0.1.0-snapshot"),
                STARTED);

        assertPrintsTheDocumentedFields(
                HA_GC, documented(HA_GC), HaGcCommand.toJson(new GcReport(haData, List.of(stale))));
    }

    @Test
    void catalogPingDatabasesAndTables_printTheDocumentedFields() {
        assertPrintsTheDocumentedFields(
                CATALOG_PING,
                documented(CATALOG_PING),
                CatalogPrinter.pingJson(new MetastoreStatus("thrift://metastore:9083", 3, Duration.ofMillis(41))));
        assertPrintsTheDocumentedFields(
                CATALOG_DATABASES,
                documented(CATALOG_DATABASES),
                CatalogPrinter.databasesJson(List.of("default", "sales")));
        assertPrintsTheDocumentedFields(
                CATALOG_TABLES,
                documented(CATALOG_TABLES),
                CatalogPrinter.tablesJson("sales", List.of("clicks", "orders")));
    }

    @Test
    void catalogDescribe_printsTheDocumentedFields_withEveryTableParameterAsAKey() {
        TableDescription orders = new TableDescription(
                "sales",
                "orders",
                "analyst",
                "EXTERNAL_TABLE",
                List.of(new Column("id", "bigint", "order id"), new Column("amount", "decimal(10,2)", "")),
                List.of(new Column("dt", "string", "day")),
                new Partitions(2, List.of("dt=2024-01-01", "dt=2024-01-02")),
                new StorageFormat(
                        "org.apache.hadoop.mapred.TextInputFormat",
                        "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
                        "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
                        "hdfs://nn:8020/warehouse/sales/orders"),
                Map.of("EXTERNAL", "TRUE", "numFiles", "4", "transient_lastDdlTime", "1795603259"),
                true);

        assertThat(prose(CATALOG_DESCRIBE)).contains("`parameters`: every table parameter, sorted by key");
        assertPrintsTheDocumentedFields(
                CATALOG_DESCRIBE, documented(CATALOG_DESCRIBE), TableDescriptionPrinter.toJson(orders), "$.parameters");
    }

    @Test
    void configShow_printsTheDocumentedFields() {
        FerryCliRun run = FerryCliRun.run(Map.of(), "config", "show", "-o", "json", "-D", "ferry.rest.timeout=7s");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(differences("$", documented(CONFIG_SHOW), parse(run.stdout(), "config show's output")))
                .as("fields of %s in docs/cli.md against what Ferry prints", CONFIG_SHOW)
                .isEmpty();
    }

    @Test
    void sandboxStatusAndStart_printTheDocumentedFields_withAServiceObjectPerService() {
        assertThat(prose(SANDBOX_STATUS))
                .contains("Services: `hdfs`, `hive-metastore`, `yarn-resourcemanager`, `yarn-web`, `zookeeper`");
        SandboxStatus status = new SandboxStatus(
                true,
                DaemonState.READY,
                7874,
                List.of(
                        new ServiceStatus("hdfs", "hdfs://localhost:40217", true),
                        new ServiceStatus("hive-metastore", "thrift://localhost:40219", true),
                        new ServiceStatus("yarn-resourcemanager", "localhost:40221", true),
                        new ServiceStatus("yarn-web", "http://localhost:40223", true),
                        new ServiceStatus("zookeeper", "localhost:40225", false)),
                Path.of("/home/etl/.ferry/sandbox/conf"),
                Path.of("/home/etl/.ferry/sandbox/data"),
                Path.of("/home/etl/.ferry/sandbox/log/sandbox.log"),
                "",
                List.of());

        assertPrintsTheDocumentedFields(
                SANDBOX_STATUS, documented(SANDBOX_STATUS), SandboxStatusPrinter.toJson(status), "$.services");
    }

    // ---- representative values ----

    private static ClusterView cluster(String name, Integer runningJobs) {
        return new ClusterView(
                name,
                APPLICATION_ID,
                "RUNNING",
                "UNDEFINED",
                "analytics",
                "etl",
                "session",
                "0.1.0-snapshot",
                "http://nm-12.example.com:40835",
                STARTED,
                Duration.ofSeconds(3711),
                runningJobs,
                1);
    }

    private static JobDetails runningJob() {
        int[] tasksPerState = new int[ExecutionState.values().length];
        tasksPerState[ExecutionState.RUNNING.ordinal()] = 3;
        return new JobDetails(
                JobID.fromHexString(JOB_ID),
                "StreamingWordCount",
                STARTED.toEpochMilli(),
                -1,
                38_000,
                JobStatus.RUNNING,
                STARTED.toEpochMilli() + 38_000,
                tasksPerState,
                3);
    }

    private static StartedJob startedInSession() {
        return new StartedJob(
                "counter",
                JOB_ID,
                "session",
                "demo",
                "application_1795601146957_0001",
                "http://node1:40123",
                "RUNNING",
                null,
                Duration.ofSeconds(3));
    }

    private static StartedJob startedAsApplication() {
        return new StartedJob(
                "counter",
                JOB_ID,
                "application",
                "counter",
                "application_1795601146957_0002",
                "http://node2:40123",
                "RUNNING",
                "hdfs://nn:8020/ferry/savepoints/savepoint-0d2439-1a2b3c4d5e6f",
                Duration.ofMillis(12_300));
    }

    private static JobView jobView(String state, String latestCheckpoint) {
        return new JobView(
                "counter",
                JOB_ID,
                state,
                "demo",
                "session",
                "application_1795601146957_0001",
                "http://node1:40123",
                STARTED,
                Duration.ofSeconds(75),
                3,
                3,
                "jar",
                "hdfs://nn:8020/ferry/artifacts/5f2c/CountingJob.jar",
                "hdfs://nn:8020/ferry/savepoints/savepoint-0d2439-1a2b3c4d5e6f",
                latestCheckpoint,
                latestCheckpoint,
                List.of(new VertexView("bc764cd8ddf7a0cff126f51c16239658", "Source: numbers", 4, 128, "manual", 4)));
    }

    // ---- comparing documented and printed JSON ----

    /**
     * Asserts that {@code value}, printed as the command prints it, has the fields of {@code
     * documented}. {@code keyedByData} are the paths of objects whose keys are data (table
     * parameters, service names), not field names: each of their values is compared with the first
     * documented one, and a documented key {@code "…"} stands for more of the same.
     */
    private static void assertPrintsTheDocumentedFields(
            String heading, JsonNode documented, Object value, String... keyedByData) {
        assertThat(differences("$", documented, printed(value), Set.of(keyedByData)))
                .as("fields of %s in docs/cli.md against what Ferry prints", heading)
                .isEmpty();
    }

    private static List<String> differences(String path, JsonNode documented, JsonNode printed) {
        return differences(path, documented, printed, Set.of());
    }

    /** Where {@code printed} has other fields than {@code documented}, one line each; empty when they agree. */
    private static List<String> differences(
            String path, JsonNode documented, JsonNode printed, Set<String> keyedByData) {
        List<String> differences = new ArrayList<>();
        if (documented.isObject()) {
            if (!printed.isObject()) {
                differences.add(path + ": documented an object, printed " + printed
                        + (printed.isNull() ? " (give the sample a value here)" : ""));
            } else if (keyedByData.contains(path)) {
                Optional<JsonNode> example = firstValueExcept(documented, "…");
                printed.fields()
                        .forEachRemaining(entry -> example.ifPresent(documentedValue -> differences.addAll(differences(
                                path + "." + entry.getKey(), documentedValue, entry.getValue(), keyedByData))));
            } else {
                documented.fieldNames().forEachRemaining(field -> {
                    if (!printed.has(field)) {
                        differences.add(path + "." + field + ": documented, not printed");
                    }
                });
                printed.fields().forEachRemaining(entry -> {
                    JsonNode documentedValue = documented.get(entry.getKey());
                    if (documentedValue == null) {
                        differences.add(path + "." + entry.getKey() + ": printed, not documented");
                    } else {
                        differences.addAll(differences(
                                path + "." + entry.getKey(), documentedValue, entry.getValue(), keyedByData));
                    }
                });
            }
        } else if (documented.isArray()) {
            if (!printed.isArray()) {
                differences.add(path + ": documented an array, printed " + printed
                        + (printed.isNull() ? " (give the sample a value here)" : ""));
            } else if (!documented.isEmpty()) {
                if (printed.isEmpty()) {
                    differences.add(path + ": printed no element to compare with the documented one"
                            + " (give the sample one)");
                }
                for (int i = 0; i < printed.size(); i++) {
                    differences.addAll(
                            differences(path + "[" + i + "]", documented.get(0), printed.get(i), keyedByData));
                }
            }
        } else if (printed.isContainerNode()) {
            differences.add(path + ": documented a value (" + documented + "), printed " + printed);
        }
        return differences;
    }

    private static Optional<JsonNode> firstValueExcept(JsonNode object, String placeholder) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals(placeholder)) {
                return Optional.of(field.getValue());
            }
        }
        return Optional.empty();
    }

    /** The value as the command prints it: through {@link Json#print}, then read back. */
    private static JsonNode printed(Object value) {
        StringWriter out = new StringWriter();
        Json.print(new PrintWriter(out), value);
        return parse(out.toString(), "printed JSON");
    }

    private static JsonNode arrayOf(JsonNode element) {
        return MAPPER.createArrayNode().add(element);
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * As the prose under the heading has it: the object of {@code session list} without {@code
     * registry}, plus {@code maxAttempts}, {@code requestedAttempts}, {@code leader}, and the
     * documented {@code jobs}.
     */
    private static ObjectNode documentedSessionStatus() {
        assertThat(prose(SESSION_STATUS))
                .contains(
                        "The object above (without `registry`), plus `maxAttempts` and `requestedAttempts`",
                        "`leader` (the REST address",
                        "and `jobs`");
        ObjectNode documented = documented(SESSION_LIST).deepCopy();
        documented.remove("registry");
        documented.putNull("maxAttempts");
        documented.putNull("requestedAttempts");
        documented.putNull("leader");
        documented.setAll(documentedFragment(SESSION_STATUS));
        return documented;
    }

    // ---- reading docs/cli.md ----

    /** A heading of docs/cli.md, the prose under it (whitespace collapsed), and its JSON block if any. */
    private record Section(String heading, String prose, Optional<String> json) {}

    private static ObjectNode documented(String heading) {
        return (ObjectNode) parse(jsonBlock(heading), "the JSON block under " + heading);
    }

    /** A block that shows some fields of an object ({@code "jobs" : [ … ]}), as an object of them. */
    private static ObjectNode documentedFragment(String heading) {
        return (ObjectNode) parse("{" + jsonBlock(heading) + "}", "the JSON fragment under " + heading);
    }

    private static String jsonBlock(String heading) {
        return section(heading)
                .json()
                .orElseThrow(() -> new AssertionError("docs/cli.md has no ```json block under " + heading));
    }

    private static String prose(String heading) {
        return section(heading).prose();
    }

    private static Section section(String heading) {
        Section section = SECTIONS.get(heading);
        if (section == null) {
            throw new AssertionError("docs/cli.md has no heading " + heading + "; it has " + SECTIONS.keySet());
        }
        return section;
    }

    private static Map<String, Section> sections(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
        Map<String, Section> sections = new LinkedHashMap<>();
        String heading = null;
        StringBuilder prose = new StringBuilder();
        StringBuilder json = null;
        boolean inJson = false;
        boolean inOtherBlock = false;
        for (String line : lines) {
            Matcher matcher = HEADING.matcher(line);
            if (!inJson && !inOtherBlock && matcher.matches()) {
                if (heading != null) {
                    sections.put(heading, section(heading, prose, json));
                }
                heading = matcher.group(1).strip();
                prose = new StringBuilder();
                json = null;
            } else if (line.strip().equals("```json") && !inOtherBlock) {
                inJson = json == null;
                if (!inJson) {
                    throw new AssertionError("More than one JSON block under " + heading);
                }
                json = new StringBuilder();
            } else if (line.strip().startsWith("```")) {
                if (inJson) {
                    inJson = false;
                } else {
                    inOtherBlock = !inOtherBlock;
                }
            } else if (inJson) {
                json.append(line).append('\n');
            } else {
                prose.append(line).append('\n');
            }
        }
        if (heading != null) {
            sections.put(heading, section(heading, prose, json));
        }
        return sections;
    }

    private static Section section(String heading, StringBuilder prose, StringBuilder json) {
        return new Section(
                heading,
                prose.toString().replaceAll("\\s+", " "),
                Optional.ofNullable(json).map(StringBuilder::toString));
    }

    private static JsonNode parse(String json, String what) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Cannot parse " + what + " as JSON: " + e.getOriginalMessage() + "\n" + json, e);
        }
    }
}
