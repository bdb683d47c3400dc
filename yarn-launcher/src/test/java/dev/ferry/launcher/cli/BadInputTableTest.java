package dev.ferry.launcher.cli;

import dev.ferry.launcher.configuration.FerryHome;
import dev.ferry.launcher.testing.TinyJobJar;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of bad input, one row per case: the exit code of docs/cli.md, one line on stderr
 * and the words a user needs. None of these needs a cluster: each is refused before YARN, HDFS or
 * ZooKeeper is contacted (the Hadoop configuration here names a ResourceManager that is not there).
 */
class BadInputTableTest {

    private static Path home;
    private static Path hadoopConf;
    private static Path jar;
    private static Path binarySql;

    /** One row: the command line, its environment, and what must come back. */
    record Case(String title, Map<String, String> environment, List<String> args, int exitCode, List<String> words) {

        @Override
        public String toString() {
            return title;
        }
    }

    private static Case row(String title, int exitCode, List<String> args, String... words) {
        return new Case(title, Map.of(), args, exitCode, List.of(words));
    }

    @BeforeAll
    static void givenAnUnpackedDistributionAndAClusterThatIsNotThere() throws IOException {
        home = Files.createTempDirectory("ferry-home");
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/flink-dist-1.20.1-ferry.jar"), "");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/ferry.yaml"), "ferry.yarn.connect-timeout: 2s\n");
        hadoopConf = Files.createDirectories(home.resolve("hadoop-conf"));
        Files.writeString(
                hadoopConf.resolve("yarn-site.xml"),
                "<configuration><property><name>yarn.resourcemanager.address</name><value>127.0.0.1:1</value>"
                        + "</property></configuration>");
        Files.writeString(
                hadoopConf.resolve("core-site.xml"),
                "<configuration><property><name>fs.defaultFS</name><value>file:///</value></property>"
                        + "</configuration>");
        jar = TinyJobJar.in(home);
        binarySql = Files.write(home.resolve("binary.sql"), new byte[] {(byte) 0xC3, (byte) 0x28, 0, 1, 2});
        System.setProperty(FerryHome.HOME_PROPERTY, home.toString());
    }

    @AfterAll
    static void forgetTheDistribution() {
        System.clearProperty(FerryHome.HOME_PROPERTY);
    }

    static Stream<Case> badInput() {
        String cluster = "--hadoop-conf-dir=" + hadoopConf;
        return Stream.of(
                row(
                        "an integer setting that is not a number",
                        2,
                        List.of("config", "show", "-D", "parallelism.default=abc"),
                        "parallelism.default='abc'",
                        "-Dparallelism.default",
                        "a whole number"),
                row(
                        "a duration setting that is not a duration",
                        2,
                        List.of("config", "show", "-D", "ferry.rest.timeout=abc"),
                        "ferry.rest.timeout='abc'",
                        "a duration such as 30 s"),
                row(
                        "a -D without a value",
                        2,
                        List.of("session", "start", "a", "-D", "novalue"),
                        "-D novalue is not a setting",
                        "-DKEY=VALUE"),
                row(
                        "a state backend Flink does not know",
                        2,
                        List.of("session", "start", "s", "-D", "state.backend.type=bogus"),
                        "state.backend.type='bogus'",
                        "hashmap, jobmanager, rocksdb",
                        "nothing was deployed"),
                row(
                        "a restart strategy Flink does not know",
                        2,
                        List.of("session", "start", "s", "-Drestart-strategy.type=sometimes"),
                        "restart-strategy.type='sometimes'",
                        "exponential-delay"),
                row(
                        "a configuration directory that does not exist",
                        2,
                        List.of("--conf-dir", "/nonexistent", "config", "show"),
                        "Configuration directory /nonexistent (from --conf-dir) does not exist"),
                new Case(
                        "FERRY_CONF_DIR naming a directory that does not exist",
                        Map.of("FERRY_CONF_DIR", "/nonexistent"),
                        List.of("config", "show"),
                        2,
                        List.of("Configuration directory /nonexistent (from FERRY_CONF_DIR) does not exist")),
                row(
                        "an empty SQL script",
                        2,
                        List.of("sql", "-e", "", "--application"),
                        "statements.sql is an empty script",
                        "nothing was submitted"),
                row(
                        "a SQL file that is not text",
                        2,
                        List.of("sql", "-f", binarySql.toString(), "--application"),
                        "is not UTF-8 text"),
                row(
                        "SQL that parses but Flink cannot run on a stream",
                        2,
                        List.of(
                                "sql",
                                "--application",
                                "-e",
                                "CREATE TEMPORARY TABLE src (a INT, b INT) WITH ('connector' = 'datagen');\n"
                                        + "CREATE TEMPORARY TABLE snk (a INT) WITH ('connector' = 'blackhole');\n"
                                        + "INSERT INTO snk SELECT a FROM src ORDER BY b;"),
                        "Invalid SQL in statements.sql, line 3",
                        "Sort on a non-time-attribute field",
                        "nothing was submitted"),
                row(
                        "a debug run without a session",
                        2,
                        List.of("sql", "--application", "--debug", "-e", "SELECT 1;"),
                        "--debug needs --session NAME"),
                row(
                        "a row limit below 1",
                        2,
                        List.of("sql", "--session", "s", "--max-rows", "0", "-e", "SELECT 1;"),
                        "--max-rows must be at least 1, got 0"),
                row(
                        "a query timeout that is not a duration",
                        2,
                        List.of("sql", "--session", "s", "--timeout", "soon", "-e", "SELECT 1;"),
                        "--timeout",
                        "'soon' is not a duration",
                        "30s"),
                row(
                        "a sample source without a debug run",
                        2,
                        List.of("sql", "--session", "s", "--source", "db.orders=orders", "-e", "SELECT 1;"),
                        "--source needs --debug"),
                row(
                        "a sample of a table without a session",
                        2,
                        List.of("sample", "create", "orders", "--from", "db.orders"),
                        "--from and --query need --session NAME"),
                row(
                        "a sample from a file that does not exist",
                        2,
                        List.of("sample", "create", "orders", "--file", "/nonexistent/rows.csv", "--schema", "id INT"),
                        "File /nonexistent/rows.csv does not exist"),
                row(
                        "a sample from a file that is neither CSV nor JSON",
                        2,
                        List.of("sample", "create", "orders", "--file", "/tmp/rows.txt", "--schema", "id INT"),
                        "is neither .csv nor .json"),
                row(
                        "a sample from a file without its columns",
                        2,
                        List.of("sample", "create", "orders", "--file", "/tmp/rows.csv"),
                        "--file needs the sample's columns"),
                row(
                        "a function jar that does not exist",
                        2,
                        List.of("sql", "--application", "--jar", "/nonexistent/udf.jar", "-e", "SHOW TABLES;"),
                        "Jar file /nonexistent/udf.jar does not exist",
                        "nothing was submitted"),
                row(
                        "a function jar that is not a jar",
                        2,
                        List.of("sql", "--application", "--jar", binarySql.toString(), "-e", "SHOW TABLES;"),
                        "binary.sql is not a jar file",
                        "nothing was submitted"),
                row(
                        "a function class that is not in its jar",
                        2,
                        List.of(
                                "sql",
                                "--application",
                                "-e",
                                "CREATE TEMPORARY FUNCTION f AS 'com.acme.Nope' USING JAR '" + jar + "';\n"
                                        + "CREATE TEMPORARY TABLE snk (a STRING) WITH ('connector' = 'blackhole');\n"
                                        + "INSERT INTO snk SELECT f('x');"),
                        "line 1: class com.acme.Nope is not in jar",
                        "tiny-job.jar",
                        "nothing was submitted"),
                row(
                        "a main class that is not in the jar",
                        2,
                        List.of("job", "submit", "--session", "s", "--class", "No.Such", jar.toString()),
                        "class not found: No.Such"),
                row(
                        "a savepoint path that does not exist",
                        2,
                        List.of(
                                cluster,
                                "job",
                                "submit",
                                "--session",
                                "s",
                                "--from-savepoint",
                                "/nonexistent/savepoint-1",
                                jar.toString()),
                        "No savepoint at /nonexistent/savepoint-1",
                        "nothing was submitted"),
                row(
                        "a parallelism below 1 for a job of its own cluster",
                        2,
                        List.of("app", "run", "-p", "0", jar.toString()),
                        "--parallelism must be at least 1, got 0"),
                row(
                        "a parallelism below 1 for a restart",
                        2,
                        List.of("job", "restart", "orders", "-p", "0"),
                        "--parallelism must be at least 1, got 0"),
                row(
                        "a scale that names no parallelism",
                        2,
                        List.of("job", "scale", "orders"),
                        "Give the new parallelism",
                        "--vertex VERTEX=N"),
                row(
                        "a vertex parallelism below 1",
                        2,
                        List.of("job", "scale", "orders", "--vertex", "count=0"),
                        "--vertex count must be at least 1, got 0"),
                row(
                        "a vertex without its parallelism",
                        2,
                        List.of("job", "scale", "orders", "--vertex", "count"),
                        "--vertex",
                        "count"),
                row(
                        "an output format that does not exist",
                        2,
                        List.of("job", "status", "orders", "-o", "yaml"),
                        "'yaml' is not an output format: use table or json"),
                row("help of a command that does not exist", 2, List.of("nosuch", "--help"), "nosuch"),
                row(
                        "help of a subcommand that does not exist",
                        2,
                        List.of("job", "nosuch", "--help"),
                        "nosuch",
                        "ferry job --help"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsRefusedInOneLineWithTheDocumentedExitCode(Case bad) {
        FerryCliRun run = FerryCliRun.run(bad.environment(), bad.args().toArray(String[]::new));

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(bad.exitCode());
        assertThat(run.stderr().strip().lines()).as(run.stderr()).hasSize(1);
        assertThat(run.stderr()).startsWith("ferry: ").doesNotContain("\tat ").doesNotContain("Exception:");
        bad.words().forEach(word -> assertThat(run.stderr()).contains(word));
    }
}
