package dev.ferry.launcher.health;

import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.health.JobHealth.Vertex;
import dev.ferry.launcher.testing.TestingFlinkCluster;
import dev.ferry.launcher.testing.TestingServices;

import org.apache.flink.api.common.JobID;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.ferry.launcher.testing.FerryExceptions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A job's health from the REST resources Flink 1.20 serves (responses as its REST API documents
 * them): the plan's topology, the task metrics of each vertex, watermarks, checkpoints, exceptions
 * and the TaskManagers' JVMs.
 */
class JobHealthReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "cbc357ccb763df2852fee8c4fc7d55f2";
    private static final String SINK = "90bea66de1c231edf33913ecd54406c1";

    @TempDir
    Path dir;

    private TestingFlinkCluster flink;
    private TestingServices services;
    private JobID job;

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @BeforeEach
    void givenAJobOfTwoVerticesServedByItsJobManager() throws Exception {
        services = new TestingServices(dir);
        flink = services.jobManagers.cluster(services.yarn.runSession("analytics"));
        job = flink.runJob("orders");
        String path = "/jobs/" + job;
        flink.respond(
                path,
                json("{'jid':'" + job + "','name':'orders','state':'RUNNING','now':1800000060000,"
                        + "'vertices':[{'id':'" + SINK + "','name':'Sink: orders','parallelism':2,'status':'RUNNING'},"
                        + "{'id':'" + SOURCE + "','name':'Source: numbers','parallelism':1,'status':'RUNNING'}],"
                        + "'plan':{'nodes':[{'id':'" + SINK + "','inputs':[{'num':0,'id':'" + SOURCE + "'}]},"
                        + "{'id':'" + SOURCE + "'}]}}"));
        flink.respond(
                path + "/vertices/" + SOURCE + "/subtasks/metrics?get=" + JobHealthReader.TASK_METRICS
                        + "&agg=sum,max,avg",
                json("[{'id':'numRecordsOutPerSecond','sum':250.0,'max':250.0,'avg':250.0},"
                        + "{'id':'busyTimeMsPerSecond','max':40.0,'avg':40.0,'sum':40.0},"
                        + "{'id':'backPressuredTimeMsPerSecond','max':870.0,'avg':870.0,'sum':870.0}]"));
        flink.respond(
                path + "/vertices/" + SINK + "/subtasks/metrics?get=" + JobHealthReader.TASK_METRICS
                        + "&agg=sum,max,avg",
                json("[{'id':'numRecordsInPerSecond','sum':250.0,'max':200.0,'avg':125.0},"
                        + "{'id':'busyTimeMsPerSecond','max':990.0,'avg':600.0,'sum':1200.0}]"));
        flink.respond(
                path + "/vertices/" + SOURCE,
                json("{'id':'" + SOURCE + "','subtasks':["
                        + "{'subtask':0,'metrics':{'read-records':0,'write-records':7000}}]}"));
        flink.respond(
                path + "/vertices/" + SINK,
                json("{'id':'" + SINK + "','subtasks':["
                        + "{'subtask':0,'metrics':{'read-records':6000,'write-records':0}},"
                        + "{'subtask':1,'metrics':{'read-records':1000,'write-records':0}}]}"));
        flink.respond(
                path + "/vertices/" + SINK + "/watermarks",
                json("[{'id':'0.currentInputWatermark','value':'1800000000000'},"
                        + "{'id':'1.currentInputWatermark','value':'-9223372036854775808'}]"));
        flink.respond(
                path + "/vertices/" + SOURCE + "/subtasks/metrics",
                json("[{'id':'Source__numbers.pendingRecords'},{'id':'numRecordsOut'}]"));
        flink.respond(
                path + "/vertices/" + SOURCE + "/subtasks/metrics?get=Source__numbers.pendingRecords&agg=sum",
                json("[{'id':'Source__numbers.pendingRecords','sum':42000.0}]"));
        flink.respond(
                path + "/checkpoints",
                json("{'counts':{'completed':7,'failed':2},"
                        + "'latest':{'completed':{'id':9,'end_to_end_duration':310},'failed':{'id':8,'failure_message':"
                        + "'Checkpoint expired before completing.'}},'history':[{'status':'COMPLETED','checkpointed_size':300},"
                        + "{'status':'FAILED'},{'status':'COMPLETED','checkpointed_size':200}]}"));
        flink.respond(path + "/metrics?get=numRestarts", json("[{'id':'numRestarts','value':'3'}]"));
        flink.respond(
                path + "/exceptions",
                json("{'root-exception':'old','exceptionHistory':{'entries':["
                        + "{'exceptionName':'java.lang.RuntimeException: boom','stacktrace':'java.lang.RuntimeException:"
                        + " boom\\n\\tat Poison.map'}]}}"));
        flink.respond("/taskmanagers", json("{'taskmanagers':[{'id':'container_1_0001_01_000002'}]}"));
        flink.respond(
                "/taskmanagers/container_1_0001_01_000002/metrics",
                json(
                        "[{'id':'Status.JVM.Memory.Heap.Used'},{'id':'Status.JVM.GarbageCollector.G1_Young_Generation.Time'},"
                                + "{'id':'Status.JVM.GarbageCollector.G1_Young_Generation.Count'}]"));
        flink.respond(
                "/taskmanagers/container_1_0001_01_000002/metrics?get=Status.JVM.Memory.Heap.Used,"
                        + "Status.JVM.Memory.Heap.Max,Status.JVM.GarbageCollector.G1_Young_Generation.Time,"
                        + "Status.JVM.GarbageCollector.G1_Young_Generation.Count",
                json("[{'id':'Status.JVM.Memory.Heap.Used','value':'268435456'},"
                        + "{'id':'Status.JVM.Memory.Heap.Max','value':'536870912'},"
                        + "{'id':'Status.JVM.GarbageCollector.G1_Young_Generation.Time','value':'1234'},"
                        + "{'id':'Status.JVM.GarbageCollector.G1_Young_Generation.Count','value':'56'}]"));
    }

    private JobHealth readOrders() {
        var report = services.yarn.all().get(0);
        try (var jobManager = services.jobManagers.open(report)) {
            return new JobHealthReader(Duration.ofSeconds(5)).read(jobManager, job);
        }
    }

    @Test
    void givenTheRestResources_whenRead_thenTheVerticesComeSourcesFirstWithTheirTopology() {
        JobHealth health = readOrders();

        assertThat(health.vertices()).extracting(Vertex::name).containsExactly("Source: numbers", "Sink: orders");
        assertThat(health.vertices().get(1).inputs()).containsExactly(SOURCE);
        assertThat(health.downstreamOf(health.vertices().get(0)))
                .extracting(Vertex::name)
                .containsExactly("Sink: orders");
    }

    @Test
    void givenTheTaskMetrics_whenRead_thenRatesBusyAndBackpressureAreTheAggregatesFlinkComputed() {
        Vertex source = readOrders().vertices().get(0);
        Vertex sink = readOrders().vertices().get(1);

        assertThat(source.recordsOutPerSecond()).isEqualTo(250.0);
        assertThat(source.backPressuredMax()).isEqualTo(870.0);
        assertThat(sink.recordsInPerSecond()).isEqualTo(250.0);
        assertThat(sink.busyMax()).isEqualTo(990.0);
        assertThat(sink.busyAvg()).isEqualTo(600.0);
    }

    @Test
    void givenSubtaskCountersAndWatermarks_whenRead_thenRecordsPerSubtaskAndTheLowestRealWatermarkAreKept() {
        JobHealth health = readOrders();

        assertThat(health.vertices().get(0).recordsPerSubtask()).containsExactly(7000L);
        assertThat(health.vertices().get(1).recordsPerSubtask()).containsExactly(6000L, 1000L);
        assertThat(health.vertices().get(1).minWatermark()).hasValue(1_800_000_000_000L);
        assertThat(health.vertices().get(0).minWatermark()).isEmpty();
        assertThat(health.vertices().get(0).sourceBacklog()).hasValue(42000L);
    }

    @Test
    void givenCheckpointsRestartsAndTaskManagers_whenRead_thenTheirNumbersAreKept() {
        JobHealth health = readOrders();

        assertThat(health.checkpoints().completed()).isEqualTo(7);
        assertThat(health.checkpoints().failed()).isEqualTo(2);
        assertThat(health.checkpoints().latestFailure()).contains("Checkpoint expired before completing.");
        assertThat(health.checkpoints().completedSinceFailure())
                .as("checkpoint 9 completed after 8 failed")
                .isTrue();
        assertThat(health.checkpoints().recentSizes()).containsExactly(200L, 300L);
        assertThat(health.restarts().count()).isEqualTo(3);
        assertThat(health.restarts().rootException())
                .hasValueSatisfying(e -> assertThat(e).startsWith("java.lang.RuntimeException: boom"));
        assertThat(health.taskManagers()).singleElement().satisfies(tm -> {
            assertThat(tm.heapUsed()).isEqualTo(268_435_456L);
            assertThat(tm.heapMax()).isEqualTo(536_870_912L);
            assertThat(tm.gcTimeMs()).isEqualTo(1234);
            assertThat(tm.gcCount()).isEqualTo(56);
        });
    }

    @Test
    void givenAJobTheJobManagerDoesNotKnow_whenRead_thenItIsUnavailableNamingTheJob() {
        var report = services.yarn.all().get(0);
        JobID unknown = new JobID();
        try (var jobManager = services.jobManagers.open(report)) {
            assertThatThrownBy(() -> new JobHealthReader(Duration.ofSeconds(5)).read(jobManager, unknown))
                    .satisfies(failsWith(ExitCode.UNAVAILABLE, "did not describe job " + unknown));
        }
    }
}
