package dev.ferry.launcher.staging;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The libraries of a deploy: staged once per build, on the first deploy, or shipped with a reason. */
class DeployLibrariesTest {

    @TempDir
    Path dir;

    private Path home;
    private Path staging;

    @BeforeEach
    void givenADistributionNeverStaged() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/flink-dist-1.20.1-ferry.jar"), "dist");
        staging = dir.resolve("staging");
    }

    private DistStager stager() {
        return new DistStager(
                new Configuration(),
                home,
                staging.toUri().toString(),
                "0.1.0",
                new LocalDistScanner(home, dir.resolve("checksums.properties")));
    }

    @Test
    void givenNothingStaged_whenTheFirstDeployAsks_thenItStagesTheBuildAndSaysSo() {
        DeployLibraries libraries = stager().forDeploy(true);

        assertThat(libraries.isStaged()).isTrue();
        assertThat(libraries.note())
                .hasValueSatisfying(
                        note -> assertThat(note).startsWith("staged now in ").contains("first deploy of this build"));
        assertThat(stager().find()).isPresent();
    }

    @Test
    void givenTheBuildWasStaged_whenTheNextDeployAsks_thenItReusesTheCopyQuietly() {
        stager().forDeploy(true);

        DeployLibraries libraries = stager().forDeploy(true);

        assertThat(libraries.isStaged()).isTrue();
        assertThat(libraries.note()).isEmpty();
        assertThat(libraries.staged().orElseThrow().wasAlreadyStaged()).isTrue();
    }

    @Test
    void givenAutoStagingOff_whenADeployAsks_thenItShipsAndNamesTheCommandThatStages() {
        DeployLibraries libraries = stager().forDeploy(false);

        assertThat(libraries.isStaged()).isFalse();
        assertThat(libraries.note())
                .hasValueSatisfying(note ->
                        assertThat(note).contains("ferry.staging.auto is off").contains("ferry dist upload"));
        assertThat(staging).doesNotExist();
    }

    @Test
    void givenAStagingDirectoryThatCannotBeMade_whenADeployAsks_thenItShipsAndSaysWhy() throws IOException {
        // A file where the directory should be: fails as a missing permission would, also for root.
        Files.writeString(staging, "not a directory");

        DeployLibraries libraries = stager().forDeploy(true);

        assertThat(libraries.isStaged()).isFalse();
        assertThat(libraries.note())
                .hasValueSatisfying(note -> assertThat(note)
                        .startsWith("shipped from lib/: staging them failed (")
                        .contains(staging.toString()));
    }
}
