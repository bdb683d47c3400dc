package dev.ferry.hive.config;

import dev.ferry.hive.HiveCatalogException;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HiveCatalogSettingsTest {

    @TempDir
    Path dir;

    @Test
    void givenOnlyAConfDir_whenRead_thenTheDefaultsApply() {
        Configuration config = Configuration.fromMap(Map.of(HiveCatalogOptions.CONF_DIR.key(), dir.toString()));

        HiveCatalogSettings settings = HiveCatalogSettings.from(config);

        assertThat(settings).isEqualTo(new HiveCatalogSettings("hive", dir, "default", false, Duration.ofSeconds(5)));
    }

    @Test
    void givenEveryOption_whenRead_thenEachIsUsed() {
        Configuration config = Configuration.fromMap(Map.of(
                HiveCatalogOptions.CONF_DIR.key(), dir.toString(),
                HiveCatalogOptions.CATALOG_NAME.key(), "lake",
                HiveCatalogOptions.DEFAULT_DATABASE.key(), "sales",
                HiveCatalogOptions.DEFAULT_CATALOG.key(), "true",
                HiveCatalogOptions.CONNECT_TIMEOUT.key(), "2 s"));

        assertThat(HiveCatalogSettings.from(config))
                .isEqualTo(new HiveCatalogSettings("lake", dir, "sales", true, Duration.ofSeconds(2)));
    }

    @Test
    void givenNoConfDir_whenRead_thenTheErrorNamesTheOption() {
        assertThatThrownBy(() -> HiveCatalogSettings.from(new Configuration()))
                .isInstanceOf(HiveCatalogException.class)
                .hasMessageContaining(HiveCatalogOptions.CONF_DIR.key());
    }

    @Test
    void givenADirWithoutHiveSite_whenLoaded_thenTheErrorNamesTheDirectory() {
        assertThatThrownBy(() -> HiveSite.load(dir))
                .isInstanceOf(MetastoreConfigurationException.class)
                .hasMessageContaining("No hive-site.xml in " + dir.toAbsolutePath());
    }

    @Test
    void givenAHiveSiteWithoutUris_whenLoaded_thenTheErrorAsksForThem() throws Exception {
        Files.writeString(dir.resolve("hive-site.xml"), "<configuration></configuration>\n");

        assertThatThrownBy(() -> HiveSite.load(dir))
                .isInstanceOf(MetastoreConfigurationException.class)
                .hasMessageContaining(
                        "No hive.metastore.uris in " + dir.toAbsolutePath().resolve("hive-site.xml"));
    }

    @Test
    void givenAHiveSiteThatIsNotWellFormedXml_whenLoaded_thenTheErrorNamesTheFile() throws Exception {
        Files.writeString(dir.resolve("hive-site.xml"), "<configuration><!-- a -- b --></configuration>\n");

        assertThatThrownBy(() -> HiveSite.load(dir))
                .isInstanceOf(MetastoreConfigurationException.class)
                .hasMessageStartingWith("Cannot read " + dir.toAbsolutePath().resolve("hive-site.xml") + ": ");
    }
}
