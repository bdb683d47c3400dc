package dev.ferry.launcher.catalog;

import dev.ferry.hive.config.HiveCatalogOptions;
import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Whether ferry sql scripts get the Hive catalog, and what an application cluster gets shipped. */
class SqlHiveCatalogTest {

    private static final String TEMPLATE = """
            <?xml version="1.0"?>
            <configuration>
              <!-- <property><name>hive.metastore.uris</name><value>thrift://h:9083</value></property> -->
            </configuration>
            """;

    private static final String NAMING_A_METASTORE = """
            <?xml version="1.0"?>
            <configuration>
              <property><name>hive.metastore.uris</name><value>thrift://metastore:9083</value></property>
            </configuration>
            """;

    @TempDir
    Path dir;

    @Test
    void theTemplateInFerrysConfDirMeansNoCatalog() throws Exception {
        // given
        Files.writeString(dir.resolve("hive-site.xml"), TEMPLATE);

        // when
        SqlHiveCatalog catalog = SqlHiveCatalog.from(new Configuration(), dir);

        // then
        assertThat(catalog.configured()).isFalse();
        assertThat(catalog.forApplication()).isEmpty();
    }

    @Test
    void aConfiguredConfDirWithoutHiveSiteIsBadInput() {
        // given
        Configuration config = new Configuration();
        config.set(HiveCatalogOptions.CONF_DIR, dir.resolve("nosuch").toString());

        // when
        FerryException error = catchThrowableOfType(FerryException.class, () -> SqlHiveCatalog.from(config, dir));

        // then
        assertThat(error.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(error.getMessage()).contains("hive-site.xml", HiveCatalogOptions.CONF_DIR.key());
    }

    @Test
    void anApplicationClusterGetsACopyOfHiveSiteAndTheCatalogOptions() throws Exception {
        // given
        Files.writeString(dir.resolve("hive-site.xml"), NAMING_A_METASTORE);
        Configuration config = new Configuration();
        config.set(HiveCatalogOptions.DEFAULT_CATALOG, true);

        // when
        SqlHiveCatalog.ApplicationShipment shipment =
                SqlHiveCatalog.from(config, dir).forApplication().orElseThrow();

        // then
        assertThat(shipment.confDir().getFileName().toString()).isEqualTo(SqlHiveCatalog.SHIPPED_CONF_DIR);
        assertThat(Files.readString(shipment.confDir().resolve("hive-site.xml")))
                .isEqualTo(NAMING_A_METASTORE);
        assertThat(shipment.programArguments())
                .containsSubsequence(
                        "--hive-catalog", "ferry.hive-catalog.conf-dir=" + SqlHiveCatalog.SHIPPED_CONF_DIR,
                        "--hive-catalog", "ferry.hive-catalog.name=hive",
                        "--hive-catalog", "ferry.hive-catalog.default-database=default",
                        "--hive-catalog", "ferry.hive-catalog.default-catalog=true");
    }
}
