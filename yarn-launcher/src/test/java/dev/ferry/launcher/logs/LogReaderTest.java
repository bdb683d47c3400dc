package dev.ferry.launcher.logs;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;
import dev.ferry.launcher.logs.LogReader.LogSink;
import dev.ferry.launcher.logs.LogRequest.FileKind;
import dev.ferry.launcher.logs.LoggedContainer.LogFile;
import dev.ferry.launcher.testing.TestingServices;

import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import static dev.ferry.launcher.testing.FerryExceptions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which logs {@code ferry logs} reads from where, against fakes of YARN and of both log sources. */
class LogReaderTest {

    private static final String JM1 = "container_1_0001_01_000001";
    private static final String JM2 = "container_1_0001_02_000001";
    private static final String TM = "container_1_0001_01_000002";
    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 7, 15, 0);

    @TempDir
    Path dir;

    private TestingServices services;
    private ApplicationReport session;
    private final FakeLogs nodeManagers = new FakeLogs("the NodeManagers' web services");
    private final FakeLogs jobManagerRest = new FakeLogs("the JobManager's REST API");
    private final FakeLogs aggregated = new FakeLogs("YARN's aggregated logs");
    private final List<String> printed = new ArrayList<>();

    /** A log source with files of given content; fails as unreachable when told. */
    private static final class FakeLogs implements LogSource {
        final Map<String, Map<String, String>> files = new LinkedHashMap<>();
        final String name;
        boolean unreachable;

        FakeLogs(String name) {
            this.name = name;
        }

        void put(String container, String file, String text) {
            files.computeIfAbsent(container, c -> new LinkedHashMap<>()).put(file, text);
        }

        @Override
        public List<LoggedContainer> containers(ApplicationReport application) {
            if (unreachable) {
                throw new FerryException(ExitCode.UNAVAILABLE, name + " do not answer");
            }
            return files.entrySet().stream()
                    .map(e -> new LoggedContainer(
                            e.getKey(),
                            AggregatedLogs.attemptOf(e.getKey()),
                            e.getKey().endsWith("_000001"),
                            e.getValue().entrySet().stream()
                                    .map(f ->
                                            new LogFile(f.getKey(), f.getValue().length()))
                                    .toList()))
                    .toList();
        }

        @Override
        public String read(ApplicationReport application, LoggedContainer container, String file, long offset) {
            String text = files.get(container.id()).get(file);
            return text.substring((int) Math.min(Math.max(offset, 0), text.length()));
        }

        @Override
        public String describe() {
            return name;
        }
    }

    private static String at(int minutesAgo, String message) {
        return NOW.minusMinutes(minutesAgo).toString().replace('T', ' ') + ":00,000 INFO  " + message + "\n";
    }

    @BeforeEach
    void givenASessionWithTwoJobManagerAttemptsAndATaskManager() {
        services = new TestingServices(dir);
        session = services.yarn.runSession("analytics");
        for (FakeLogs logs : List.of(nodeManagers, aggregated)) {
            logs.put(JM1, "jobmanager.log", at(30, "attempt 1 started") + at(29, "attempt 1 died"));
            logs.put(
                    JM2,
                    "jobmanager.log",
                    at(20, "attempt 2 started") + at(5, "Checkpoint 7 completed") + at(1, "Checkpoint 8 failed")
                            + "java.io.IOException: disk full\n\tat Sink.write\n");
            logs.put(JM2, "jobmanager.out", "hello from stdout\n");
            logs.put(TM, "taskmanager.log", at(2, "task running"));
        }
    }

    private LogReader reader() {
        return new LogReader(
                services.observer(),
                services.locator(),
                List.of(nodeManagers, jobManagerRest),
                aggregated,
                Clock.fixed(NOW.atZone(ZONE).toInstant(), ZONE));
    }

    private LogRequest request(String target) {
        return new Request(target).build();
    }

    /** A request of the log file of {@code target}'s newest JobManager, with what a test changes. */
    private static final class Request {
        private final String target;
        private Optional<String> taskManager = Optional.empty();
        private OptionalInt attempt = OptionalInt.empty();
        private boolean all;
        private FileKind file = FileKind.LOG;
        private OptionalInt tail = OptionalInt.empty();
        private Optional<Duration> since = Optional.empty();
        private Optional<Pattern> grep = Optional.empty();
        private boolean follow;

        Request(String target) {
            this.target = target;
        }

        Request taskManager(String id) {
            taskManager = Optional.of(id);
            return this;
        }

        Request attempt(int number) {
            attempt = OptionalInt.of(number);
            return this;
        }

        Request all() {
            all = true;
            return this;
        }

        Request file(FileKind kind) {
            file = kind;
            return this;
        }

        Request tail(int lines) {
            tail = OptionalInt.of(lines);
            return this;
        }

        Request since(Duration age) {
            since = Optional.of(age);
            return this;
        }

        Request grep(String regex) {
            grep = Optional.of(Pattern.compile(regex));
            return this;
        }

        Request follow() {
            follow = true;
            return this;
        }

        LogRequest build() {
            return new LogRequest(target, taskManager, attempt, all, file, tail, since, grep, follow);
        }
    }

    private final LogSink sink = new LogSink() {
        @Override
        public void file(LoggedContainer container, String file, boolean oneOfSeveral) {
            if (oneOfSeveral) {
                printed.add("==> " + container.id() + " " + file);
            }
        }

        @Override
        public void lines(List<String> lines) {
            printed.addAll(lines);
        }
    };

    @Test
    void givenARunningSession_whenItsLogsAreRead_thenTheNewestJobManagersLogComesFromTheNodeManagers() {
        nodeManagers.put(JM2, "jobmanager.log", at(1, "only the NodeManager has this"));

        reader().read(request("analytics"), sink);

        assertThat(printed).singleElement().asString().contains("only the NodeManager has this");
    }

    @Test
    void givenNodeManagersThatDoNotServeLogs_whenARunningSessionsLogsAreRead_thenTheJobManagersRestApiServesThem() {
        nodeManagers.unreachable = true;
        jobManagerRest.put(JM2, "jobmanager.log", at(1, "as the web UI shows it"));

        reader().read(request("analytics"), sink);

        assertThat(printed).singleElement().asString().contains("as the web UI shows it");
    }

    @Test
    void givenAJobManagerThatDied_whenItsAttemptIsAsked_thenItsLogIsRead() {
        reader().read(new Request("analytics").attempt(1).build(), sink);

        assertThat(printed).hasSize(2).last().asString().endsWith("attempt 1 died");
    }

    @Test
    void givenAnEndedCluster_whenItsLogsAreRead_thenTheyComeFromTheAggregatedLogs() {
        services.yarn.end(session.getApplicationId(), YarnApplicationState.KILLED, FinalApplicationStatus.KILLED);
        nodeManagers.unreachable = true;
        aggregated.put(JM2, "jobmanager.log", at(1, "aggregated after the kill"));

        reader().read(request("analytics"), sink);

        assertThat(printed).singleElement().asString().contains("aggregated after the kill");
    }

    @Test
    void givenEveryContainer_whenAllAreAsked_thenEachFileComesUnderAHeader() {
        reader().read(new Request("analytics").all().build(), sink);

        assertThat(printed)
                .filteredOn(line -> line.startsWith("==> "))
                .containsExactly(
                        "==> " + JM1 + " jobmanager.log",
                        "==> " + JM2 + " jobmanager.log",
                        "==> " + TM + " taskmanager.log");
    }

    @Test
    void givenATaskManagerByItsLastDigits_whenItsLogIsRead_thenThatContainersLogIsShown() {
        reader().read(new Request("analytics").taskManager("000002").build(), sink);

        assertThat(printed).singleElement().asString().endsWith("task running");
    }

    @Test
    void givenATaskManagerThatDoesNotExist_whenItsLogIsAsked_thenItIsNotFoundListingTheIds() {
        assertThatThrownBy(() -> reader().read(
                                new Request("analytics").taskManager("nosuch").build(), sink))
                .satisfies(failsWith(ExitCode.NOT_FOUND, "No TaskManager 'nosuch'", TM));
    }

    @Test
    void givenSinceGrepAndTail_whenTheLogIsRead_thenOnlyRecentMatchingLinesWithTheirStackTracesAreShown() {
        reader().read(
                        new Request("analytics")
                                .since(Duration.ofMinutes(10))
                                .grep("Checkpoint|at ")
                                .build(),
                        sink);

        assertThat(printed).hasSize(3);
        assertThat(printed.get(0)).endsWith("Checkpoint 7 completed");
        assertThat(printed.get(1)).endsWith("Checkpoint 8 failed");
        assertThat(printed.get(2)).isEqualTo("\tat Sink.write");
    }

    @Test
    void givenTail_whenTheLogIsRead_thenOnlyItsLastLinesAreShown() {
        reader().read(new Request("analytics").tail(2).build(), sink);

        assertThat(printed).containsExactly("java.io.IOException: disk full", "\tat Sink.write");
    }

    @Test
    void givenTheOutFile_whenAsked_thenStdoutIsShown() {
        reader().read(new Request("analytics").file(FileKind.OUT).build(), sink);

        assertThat(printed).containsExactly("hello from stdout");
    }

    @Test
    void givenNoSourceAnswers_whenTheLogsAreRead_thenOneErrorNamesEach() {
        nodeManagers.unreachable = true;
        jobManagerRest.unreachable = true;
        aggregated.unreachable = true;

        assertThatThrownBy(() -> reader().read(request("analytics"), sink))
                .satisfies(failsWith(
                        ExitCode.UNAVAILABLE,
                        "the NodeManagers' web services",
                        "the JobManager's REST API",
                        "YARN's aggregated logs"));
    }

    @Test
    void givenNoClusterOrJobOfThatName_whenItsLogsAreRead_thenItIsNotFound() {
        assertThatThrownBy(() -> reader().read(request("nosuch"), sink))
                .satisfies(failsWith(ExitCode.NOT_FOUND, "No cluster or job is named 'nosuch'"));
    }

    @Test
    void givenAnEndedCluster_whenFollowed_thenItSaysThereIsNothingToFollow() {
        services.yarn.end(session.getApplicationId(), YarnApplicationState.FINISHED, FinalApplicationStatus.SUCCEEDED);

        assertThatThrownBy(() -> reader().read(new Request("analytics").follow().build(), sink))
                .satisfies(failsWith(ExitCode.CONFLICT, "nothing to follow"));
    }

    @Test
    void givenWhatHadoopsReaderWrites_whenTheContentsAreTakenOut_thenOnlyTheFilesTextIsLeft() {
        String written = "Container: " + JM2 + " on nm-1_8041\nLogAggregationType: AGGREGATED\n=====\n"
                + "LogType:jobmanager.log\nLogLastModifiedTime:Mon Dec 07\nLogLength:6\nLogContents:\nline 1\n"
                + "\nEnd of LogType:jobmanager.log\n*****\n";

        assertThat(AggregatedLogs.contents(written)).isEqualTo("line 1\n");
    }
}
