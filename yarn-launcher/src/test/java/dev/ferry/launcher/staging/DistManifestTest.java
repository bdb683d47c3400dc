package dev.ferry.launcher.staging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DistManifestTest {

    @TempDir
    Path home;

    private DistManifest scan() {
        return new LocalDistScanner(home, home.resolve("cache/checksums.properties")).scan();
    }

    private void givenDistribution() throws IOException {
        Files.createDirectories(home.resolve("lib"));
        Files.createDirectories(home.resolve("plugins/metrics-prometheus"));
        Files.writeString(home.resolve("lib/flink-dist-1.20.1-ferry.jar"), "dist");
        Files.writeString(home.resolve("plugins/metrics-prometheus/reporter.jar"), "plugin");
        Files.writeString(home.resolve("conf-not-staged.yaml"), "x");
    }

    @Test
    void aManifestListsLibAndPluginFilesWithTheirChecksums() throws IOException {
        givenDistribution();

        DistManifest manifest = scan();

        assertThat(manifest.entries())
                .extracting(DistManifest.Entry::path)
                .containsExactly("lib/flink-dist-1.20.1-ferry.jar", "plugins/metrics-prometheus/reporter.jar");
        // sha256sum of the 4 bytes "dist"
        assertThat(manifest.entries().get(0).sha256())
                .isEqualTo("bcae0416621b3db43d8cba1e4454a792c7af9e4b7287e51056efc5a215d95839");
        assertThat(manifest.totalBytes()).isEqualTo(4 + 6);
    }

    @Test
    void aRenderedManifestParsesBackToTheSame() throws IOException {
        givenDistribution();
        DistManifest manifest = scan();

        assertThat(DistManifest.parse(manifest.render())).contains(manifest);
    }

    @Test
    void theDigestChangesWhenAnyFileChanges() throws IOException {
        givenDistribution();
        String before = scan().digest();

        Files.writeString(home.resolve("lib/flink-dist-1.20.1-ferry.jar"), "dist, rebuilt");

        assertThat(scan().digest()).isNotEqualTo(before);
    }

    @Test
    void theSameContentGivesTheSameDigestOnAnotherGateway(@TempDir Path otherHome) throws IOException {
        givenDistribution();
        Files.createDirectories(otherHome.resolve("lib"));
        Files.createDirectories(otherHome.resolve("plugins/metrics-prometheus"));
        Files.writeString(otherHome.resolve("lib/flink-dist-1.20.1-ferry.jar"), "dist");
        Files.writeString(otherHome.resolve("plugins/metrics-prometheus/reporter.jar"), "plugin");

        String other = new LocalDistScanner(otherHome, otherHome.resolve("c.properties"))
                .scan()
                .digest();

        assertThat(scan().digest()).isEqualTo(other);
    }

    @Test
    void textThatIsNotAManifestIsRejected() {
        assertThat(DistManifest.parse("hello world")).isEmpty();
    }
}
