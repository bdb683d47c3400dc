package dev.ferry.hive.bootstrap;

import dev.ferry.hive.config.HiveCatalogSettings;
import dev.ferry.hive.config.HiveSite;
import dev.ferry.hive.metastore.MetastoreConnection;
import dev.ferry.hive.metastore.MetastoreUnavailableException;
import dev.ferry.hive.testing.HiveTables;
import dev.ferry.hive.testing.TestMetastore;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.config.TableConfigOptions;
import org.apache.flink.util.CollectionUtil;
import org.apache.hadoop.hive.metastore.api.FieldSchema;
import org.apache.hadoop.hive.metastore.api.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class HiveCatalogBootstrapIT {

    private static TestMetastore metastore;
    private static MetastoreConnection plainClient;

    @BeforeAll
    static void startMetastore() throws Exception {
        metastore = TestMetastore.start("bootstrap");
        plainClient = MetastoreConnection.open(HiveSite.load(metastore.clientConfDir()), Duration.ofSeconds(5));
        HiveTables.createDatabase(plainClient.client(), "lake", metastore.dataDir("lake"));
    }

    @AfterAll
    static void stopMetastore() throws Exception {
        if (plainClient != null) {
            plainClient.close();
        }
        if (metastore != null) {
            metastore.close();
        }
    }

    @Test
    void givenTheCatalogAsDefault_whenUsedFromSql_thenHiveDatabasesShowAndHiveDialectTablesReachTheMetastore()
            throws Exception {
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        new HiveCatalogFactory(settings().asDefaultCatalog(true)).register(tableEnv);

        assertThat(tableEnv.getCurrentCatalog()).isEqualTo("hive");
        assertThat(column(tableEnv, "SHOW DATABASES")).contains("default", "lake");

        // What `SET 'table.sql-dialect' = 'hive'` does in the SQL client: executeSql() has no SET.
        tableEnv.getConfig().set(TableConfigOptions.TABLE_SQL_DIALECT, "hive");
        tableEnv.executeSql("CREATE TABLE lake.events (id BIGINT COMMENT 'event id', name STRING)"
                        + " PARTITIONED BY (dt STRING) STORED AS PARQUET")
                .await();

        Table events = plainClient.client().getTable("lake", "events");
        assertThat(events.getSd().getCols())
                .extracting(FieldSchema::getName, FieldSchema::getType)
                .containsExactly(tuple("id", "bigint"), tuple("name", "string"));
        assertThat(events.getPartitionKeys()).extracting(FieldSchema::getName).containsExactly("dt");
        assertThat(events.getSd().getSerdeInfo().getSerializationLib()).contains("Parquet");
    }

    @Test
    void givenANamedCatalog_whenRegisteredNotAsDefault_thenTheCurrentCatalogStaysAndTheNameResolves() throws Exception {
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        new HiveCatalogFactory(settings().withCatalogName("lakehouse").withDefaultDatabase("lake")).register(tableEnv);

        assertThat(tableEnv.getCurrentCatalog()).isEqualTo("default_catalog");
        assertThat(column(tableEnv, "SHOW DATABASES IN lakehouse")).contains("lake");
    }

    @Test
    void givenAMissingDefaultDatabase_whenRegistered_thenTheErrorNamesTheDatabaseOption() {
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        HiveCatalogFactory factory = new HiveCatalogFactory(settings().withDefaultDatabase("nowhere"));

        assertThatThrownBy(() -> factory.register(tableEnv))
                .isInstanceOf(CatalogBootstrapException.class)
                .hasMessageContaining("'nowhere'")
                .hasMessageContaining("ferry.hive-catalog.default-database")
                .hasMessageNotContaining("\n");
    }

    @Test
    void givenADeadMetastore_whenRegistered_thenTheProbeFailsFastBeforeFlinkRetries() throws Exception {
        String deadUri = "thrift://localhost:" + TestMetastore.freePort();
        Path confDir = TestMetastore.writeClientSite(
                Path.of("target", "dead-bootstrap-conf").toAbsolutePath(), deadUri);
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inBatchMode());

        long started = System.nanoTime();
        assertThatThrownBy(() -> new HiveCatalogFactory(HiveCatalogSettings.withConfDir(confDir)).register(tableEnv))
                .isInstanceOf(MetastoreUnavailableException.class)
                .hasMessageStartingWith("Cannot reach the Hive Metastore at " + deadUri);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    }

    private static HiveCatalogSettings settings() {
        return HiveCatalogSettings.withConfDir(metastore.clientConfDir());
    }

    private static List<String> column(TableEnvironment tableEnv, String sql) throws Exception {
        return CollectionUtil.iteratorToList(tableEnv.executeSql(sql).collect()).stream()
                .map(row -> String.valueOf(row.getField(0)))
                .toList();
    }
}
