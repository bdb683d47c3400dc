package dev.ferry.launcher.configuration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxSettingsSourceTest {

    @TempDir
    Path home;

    @TempDir
    Path sandboxDir;

    @Test
    void givenASandboxThatWroteAHiveSite_whenRead_thenTheCatalogUsesTheSandboxConfDir() throws Exception {
        Path conf = Files.createDirectories(sandboxDir.resolve("conf"));
        Files.writeString(conf.resolve("hive-site.xml"), "<configuration/>\n");

        Map<String, String> values = SandboxSettingsSource.read(new FerryHome(home), sandboxDir);

        assertThat(values).containsEntry("ferry.hive-catalog.conf-dir", conf.toString());
    }

    @Test
    void givenASandboxThatNeverStarted_whenRead_thenNothingIsSupplied() {
        Map<String, String> values = SandboxSettingsSource.read(new FerryHome(home), sandboxDir);

        assertThat(values).isEmpty();
    }
}
