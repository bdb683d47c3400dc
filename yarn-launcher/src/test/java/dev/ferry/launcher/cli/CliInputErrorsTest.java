package dev.ferry.launcher.cli;

import dev.ferry.launcher.configuration.FerryHome;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input never reaches a cluster: each mistake is one line on stderr naming the problem and
 * the fix, with exit code 2 (usage) or 6 (unavailable), and no stack trace.
 */
class CliInputErrorsTest {

    @TempDir
    static Path home;

    private static Path hadoopConf;

    @BeforeAll
    static void givenAnUnpackedDistribution() throws IOException {
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/flink-dist-1.20.1-ferry.jar"), "");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/ferry.yaml"), "ferry.yarn.connect-timeout: 2s\n");
        hadoopConf = Files.createDirectories(home.resolve("unreachable-cluster"));
        // Nothing listens on port 1: the ResourceManager is unreachable.
        Files.writeString(
                hadoopConf.resolve("yarn-site.xml"),
                "<configuration><property><name>yarn.resourcemanager.address</name><value>127.0.0.1:1</value></property></configuration>");
        System.setProperty(FerryHome.HOME_PROPERTY, home.toString());
    }

    @AfterAll
    static void forgetTheDistribution() {
        System.clearProperty(FerryHome.HOME_PROPERTY);
    }

    private static FerryCliRun ferry(String... args) {
        return FerryCliRun.run(Map.of(), args);
    }

    private static void assertOneLineError(FerryCliRun run, int exitCode, String... fragments) {
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(exitCode);
        assertThat(run.stderr().strip().lines()).as(run.stderr()).hasSize(1);
        assertThat(run.stderr())
                .startsWith("ferry: ")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        for (String fragment : fragments) {
            assertThat(run.stderr()).contains(fragment);
        }
    }

    @Test
    void anUnknownCommandSuggestsTheRightOne() {
        assertOneLineError(ferry("sesion", "list"), 2, "sesion", "did you mean session", "--help");
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertOneLineError(ferry("session", "list", "--colour"), 2, "--colour", "ferry session list --help");
    }

    @Test
    void aMalformedDynamicPropertyIsRefused() {
        assertOneLineError(
                ferry("session", "start", "a", "-D", "novalue"), 2, "-D novalue is not a setting", "-DKEY=VALUE");
    }

    @Test
    void withoutTheBenchJarsThereIsNoBenchCommand() {
        assertThat(ferry("--help").stdout()).contains("session", "sandbox").doesNotContain("bench");
        assertOneLineError(ferry("bench", "deploy"), 2, "bench");
    }

    @Test
    void zeroSlotsAreRefused() {
        assertOneLineError(ferry("session", "start", "a", "--slots", "0"), 2, "--slots must be at least 1");
    }

    @Test
    void memoryBelowFlinksMinimumIsRefusedBeforeYarnIsContacted() {
        assertOneLineError(ferry("session", "start", "a", "--tm-memory", "200m"), 2, "memory", "--tm-memory");
    }

    @Test
    void anUnparsableMemorySizeIsRefused() {
        assertOneLineError(ferry("session", "start", "a", "--jm-memory", "lots"), 2, "'lots' is not a memory size");
    }

    @Test
    void anInvalidClusterNameIsRefused() {
        assertOneLineError(ferry("session", "start", "Bad Name"), 2, "Invalid cluster name");
    }

    @Test
    void anUnknownOutputFormatIsRefused() {
        assertOneLineError(ferry("session", "list", "--output", "xml"), 2, "'xml' is not an output format");
    }

    @Test
    void missingHadoopConfigurationSaysWhereToPutIt() {
        assertOneLineError(ferry("session", "list"), 2, "No Hadoop configuration found", "HADOOP_CONF_DIR");
    }

    @Test
    void anUnreachableResourceManagerFailsFastAndNamesIt() {
        long start = System.nanoTime();

        FerryCliRun run = ferry("session", "list", "--hadoop-conf-dir", hadoopConf.toString());

        assertOneLineError(run, 6, "Cannot reach the YARN ResourceManager at 127.0.0.1:1");
        assertThat((System.nanoTime() - start) / 1_000_000_000).as("seconds").isLessThan(30);
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] command : new String[][] {
            {"--help"},
            {"session", "--help"},
            {"session", "start", "--help"},
            {"session", "list", "--help"},
            {"session", "status", "--help"},
            {"session", "stop", "--help"},
            {"session", "kill", "--help"},
            {"queue", "list", "--help"},
            {"config", "show", "--help"},
            {"dist", "upload", "--help"},
            {"job", "submit", "--help"},
            {"sandbox", "start", "--help"},
            {"sandbox", "stop", "--help"},
            {"sandbox", "status", "--help"}
        }) {
            FerryCliRun run = ferry(command);
            assertThat(run.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(run.stdout()).as(String.join(" ", command)).contains("Usage: ferry");
        }
    }

    @Test
    void theRootHelpKeepsEveryExitCodeLineIndentedAndShowsTheDefinitionForm() {
        String help = ferry("--help").stdout();

        String exitCodes = help.substring(help.indexOf("Exit codes:"));
        assertThat(exitCodes.lines().skip(1).filter(line -> !line.isBlank()))
                .allSatisfy(line -> assertThat(line).startsWith("  "));
        assertThat(help).contains("-DKEY=VALUE").doesNotContain("-D=");
    }

    @Test
    void completionOffersTheShellsAfterCompletion() {
        assertThat(ferry("completion", "bash").stdout()).contains("(\"bash\" \"zsh\")");
    }

    @Test
    void completionPrintsABashScriptForEveryCommand() {
        FerryCliRun run = ferry("completion", "bash");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("complete -F", "session", "sandbox", "queue", "--min-taskmanagers");
    }

    @Test
    void completionWithoutAShellPrintsTheBashScript() {
        assertThat(ferry("completion").stdout())
                .isEqualTo(ferry("completion", "bash").stdout());
    }

    @Test
    void completionForAnUnknownShellIsRefused() {
        assertOneLineError(ferry("completion", "fish"), 2, "No completion for shell 'fish'", "bash, zsh");
    }

    @Test
    void configShowTellsWhereEachValueCameFrom() {
        FerryCliRun run = ferry("config", "show", "-D", "ferry.yarn.queue=etl");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout())
                .containsPattern("ferry\\.yarn\\.queue\\s+etl\\s+flag -Dferry\\.yarn\\.queue")
                .containsPattern("ferry\\.yarn\\.connect-timeout\\s+2 s\\s+file .*ferry\\.yaml")
                .containsPattern("ferry\\.deploy\\.timeout\\s+3 min\\s+default");
    }

    @Test
    void definitionsBeforeAndAfterTheSubcommandBothApply() {
        FerryCliRun run = ferry("-D", "ferry.yarn.queue=q1", "config", "show", "-D", "ferry.rest.timeout=7s");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout())
                .containsPattern("ferry\\.yarn\\.queue\\s+q1\\s+flag")
                .containsPattern("ferry\\.rest\\.timeout\\s+7 s\\s+flag");
    }

    @Test
    void ferrySandboxDirNamesTheSandboxAndADefinitionWinsOverIt() {
        FerryCliRun fromEnvironment = FerryCliRun.run(Map.of("FERRY_SANDBOX_DIR", "/tmp/sandbox-b"), "config", "show");
        FerryCliRun fromFlag = FerryCliRun.run(
                Map.of("FERRY_SANDBOX_DIR", "/tmp/sandbox-b"), "-Dferry.sandbox.dir=/tmp/sandbox-c", "config", "show");

        assertThat(fromEnvironment.stdout())
                .containsPattern("ferry\\.sandbox\\.dir\\s+/tmp/sandbox-b\\s+environment FERRY_SANDBOX_DIR");
        assertThat(fromFlag.stdout()).containsPattern("ferry\\.sandbox\\.dir\\s+/tmp/sandbox-c\\s+flag");
    }

    @Test
    void aDefinitionAfterTheSubcommandWinsOverOneBeforeIt() {
        FerryCliRun run = ferry("-Dferry.yarn.queue=before", "config", "show", "-Dferry.yarn.queue=after");

        assertThat(run.stdout()).containsPattern("ferry\\.yarn\\.queue\\s+after\\s+flag");
    }

    @Test
    void anUnknownMetastoreDatabaseFlagNamesTheSupportedOnes() {
        FerryCliRun run = ferry("sandbox", "start", "--metastore-db", "mysql");

        assertOneLineError(run, 2, "--metastore-db", "derby, postgres", "mysql");
    }

    @Test
    void anUnknownMetastoreDatabaseSettingNamesTheSupportedOnesAndTheKey() {
        FerryCliRun run = ferry("-Dferry.sandbox.metastore.db-type=mysql", "sandbox", "start");

        assertOneLineError(run, 2, "'mysql'", "supported: derby, postgres", "ferry.sandbox.metastore.db-type");
    }
}
