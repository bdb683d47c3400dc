package dev.ferry.hive.browse;

import dev.ferry.hive.bootstrap.HiveCatalogFactory;
import dev.ferry.hive.config.HiveCatalogSettings;
import dev.ferry.hive.config.HiveSite;
import dev.ferry.hive.metastore.MetastoreConnection;
import dev.ferry.hive.testing.HiveTables;
import dev.ferry.hive.testing.TestMetastore;

import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.hive.HiveCatalog;
import org.apache.hadoop.hive.metastore.IMetaStoreClient;
import org.apache.hadoop.hive.metastore.api.FieldSchema;
import org.apache.hadoop.hive.metastore.api.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogBrowserIT {

    private static TestMetastore metastore;
    private static CatalogBrowser browser;

    @BeforeAll
    static void startMetastoreWithTables() throws Exception {
        metastore = TestMetastore.start("browser");
        browser = CatalogBrowser.open(HiveSite.load(metastore.clientConfDir()), Duration.ofSeconds(5));
        createHiveTable();
        createGenericTable();
    }

    /** What Hive's DDL would do: a partitioned text table with two partitions. */
    private static void createHiveTable() throws Exception {
        try (MetastoreConnection plain =
                MetastoreConnection.open(HiveSite.load(metastore.clientConfDir()), Duration.ofSeconds(5))) {
            createHiveTable(plain.client());
        }
    }

    private static void createHiveTable(IMetaStoreClient client) throws Exception {
        HiveTables.createDatabase(client, "sales", metastore.dataDir("sales"));
        Table orders = HiveTables.createTextTable(
                client,
                "sales",
                "orders",
                metastore.dataDir("orders"),
                List.of(new FieldSchema("id", "bigint", "order id"), new FieldSchema("amount", "decimal(10,2)", null)),
                List.of(new FieldSchema("dt", "string", "day")));
        HiveTables.addPartition(client, orders, List.of("2024-01-01"));
        HiveTables.addPartition(client, orders, List.of("2024-01-02"));
    }

    /** A table only Flink understands, created through Flink's HiveCatalog. */
    private static void createGenericTable() throws Exception {
        HiveCatalog catalog =
                new HiveCatalogFactory(HiveCatalogSettings.withConfDir(metastore.clientConfDir())).create();
        catalog.open();
        try {
            CatalogTable table = CatalogTable.newBuilder()
                    .schema(Schema.newBuilder().column("id", DataTypes.BIGINT()).build())
                    .options(Map.of("connector", "datagen"))
                    .build();
            ResolvedSchema schema =
                    ResolvedSchema.of(org.apache.flink.table.catalog.Column.physical("id", DataTypes.BIGINT()));
            catalog.createTable(new ObjectPath("sales", "clicks"), new ResolvedCatalogTable(table, schema), false);
        } finally {
            catalog.close();
        }
    }

    @AfterAll
    static void stopMetastore() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (metastore != null) {
            metastore.close();
        }
    }

    @Test
    void givenADatabaseCreatedByTheHiveClient_whenListed_thenItIsThereNextToDefault() {
        assertThat(browser.databases()).containsExactly("default", "sales");
        assertThat(browser.tables("sales")).containsExactly("clicks", "orders");
    }

    @Test
    void givenAPartitionedHiveTable_whenDescribed_thenColumnsPartitionsAndStorageAreShown() {
        TableDescription orders = browser.describe("sales", "orders");

        assertThat(orders.columns())
                .containsExactly(new Column("id", "bigint", "order id"), new Column("amount", "decimal(10,2)", ""));
        assertThat(orders.partitionKeys()).containsExactly(new Column("dt", "string", "day"));
        assertThat(orders.partitions()).isEqualTo(new Partitions(2, List.of("dt=2024-01-01", "dt=2024-01-02")));
        assertThat(orders.storage().inputFormat()).isEqualTo(HiveTables.TEXT_INPUT);
        assertThat(orders.storage().outputFormat()).isEqualTo(HiveTables.TEXT_OUTPUT);
        assertThat(orders.storage().serde()).isEqualTo(HiveTables.LAZY_SIMPLE_SERDE);
        assertThat(orders.storage().location()).endsWith("data-orders");
        assertThat(orders.owner()).isEqualTo("analyst");
        assertThat(orders.tableType()).isEqualTo("EXTERNAL_TABLE");
        assertThat(orders.readableByHiveAndSpark()).isTrue();
    }

    @Test
    void givenAGenericFlinkTable_whenDescribed_thenItHasNoHiveColumnsAndIsNotReadableByHive() {
        TableDescription clicks = browser.describe("sales", "clicks");

        assertThat(clicks.columns()).isEmpty();
        assertThat(clicks.parameters()).containsEntry("flink.connector", "datagen");
        assertThat(clicks.readableByHiveAndSpark()).isFalse();
    }

    @Test
    void givenAnUnknownDatabase_whenItsTablesAreListed_thenTheErrorListsTheExistingDatabases() {
        assertThatThrownBy(() -> browser.tables("marketing"))
                .isInstanceOf(NoSuchDatabaseException.class)
                .hasMessage("Database 'marketing' does not exist in the Hive Metastore at " + metastore.thriftUri()
                        + "; existing databases: default, sales");
    }

    @Test
    void givenAnUnknownTable_whenDescribed_thenTheErrorListsTheTablesOfTheDatabase() {
        assertThatThrownBy(() -> browser.describe("sales", "refunds"))
                .isInstanceOf(NoSuchTableException.class)
                .hasMessage("Table 'sales.refunds' does not exist; tables in 'sales': clicks, orders");
    }

    @Test
    void givenAnUnknownDatabase_whenATableIsDescribed_thenTheDatabaseIsReported() {
        assertThatThrownBy(() -> browser.describe("marketing", "orders"))
                .isInstanceOf(NoSuchDatabaseException.class)
                .hasMessageContaining("Database 'marketing' does not exist");
    }
}
