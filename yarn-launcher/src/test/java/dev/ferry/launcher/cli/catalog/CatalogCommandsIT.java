package dev.ferry.launcher.cli.catalog;

import dev.ferry.hive.config.HiveSite;
import dev.ferry.hive.metastore.MetastoreConnection;
import dev.ferry.hive.testing.HiveTables;
import dev.ferry.hive.testing.TestMetastore;
import dev.ferry.launcher.cli.FerryCliRun;

import org.apache.hadoop.hive.metastore.IMetaStoreClient;
import org.apache.hadoop.hive.metastore.api.FieldSchema;
import org.apache.hadoop.hive.metastore.api.SerDeInfo;
import org.apache.hadoop.hive.metastore.api.StorageDescriptor;
import org.apache.hadoop.hive.metastore.api.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ferry catalog ...} in-process against a real Hive Metastore 3.1.3; no YARN needed.
 * The metastore holds database {@code sales} with a partitioned Hive table {@code orders} and a
 * generic Flink table {@code clicks}.
 */
class CatalogCommandsIT {

    private static final Path WORK = Path.of("target", "catalog-commands-it").toAbsolutePath();

    private static TestMetastore metastore;
    private static Path confDir;

    @BeforeAll
    static void startMetastoreWithTables() throws Exception {
        metastore = TestMetastore.start("catalog-commands");
        confDir = Files.createDirectories(WORK.resolve("conf"));
        Files.copy(
                metastore.clientConfDir().resolve("hive-site.xml"),
                confDir.resolve("hive-site.xml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (MetastoreConnection connection = MetastoreConnection.open(HiveSite.load(confDir), Duration.ofSeconds(5))) {
            IMetaStoreClient client = connection.client();
            HiveTables.createDatabase(client, "sales", metastore.dataDir("sales"));
            Table orders = HiveTables.createTextTable(
                    client,
                    "sales",
                    "orders",
                    metastore.dataDir("orders"),
                    List.of(
                            new FieldSchema("id", "bigint", "order id"),
                            new FieldSchema("amount", "decimal(10,2)", null)),
                    List.of(new FieldSchema("dt", "string", "day")));
            HiveTables.addPartition(client, orders, List.of("2024-01-01"));
            HiveTables.addPartition(client, orders, List.of("2024-01-02"));
            client.createTable(genericFlinkTable("sales", "clicks"));
        }
    }

    /** What Flink's HiveCatalog stores for a non-Hive connector: no columns, only flink.* properties. */
    private static Table genericFlinkTable(String db, String name) throws Exception {
        StorageDescriptor sd = new StorageDescriptor();
        sd.setCols(new ArrayList<>());
        sd.setLocation(metastore.dataDir(name).toUri().toString());
        sd.setSerdeInfo(new SerDeInfo(null, null, new HashMap<>()));
        sd.setParameters(new HashMap<>());
        Table table = new Table();
        table.setDbName(db);
        table.setTableName(name);
        table.setOwner("flink");
        table.setTableType("EXTERNAL_TABLE");
        table.setSd(sd);
        table.setPartitionKeys(new ArrayList<>());
        table.setParameters(new HashMap<>(Map.of(
                "EXTERNAL",
                "TRUE",
                "flink.connector",
                "datagen",
                "flink.schema.0.name",
                "id",
                "flink.schema.0.data-type",
                "BIGINT")));
        return table;
    }

    @AfterAll
    static void stopMetastore() {
        if (metastore != null) {
            metastore.close();
        }
    }

    private static FerryCliRun ferry(Path conf, String... args) {
        List<String> all = new ArrayList<>(List.of("--conf-dir=" + conf));
        all.addAll(List.of(args));
        return FerryCliRun.run(Map.of(), all.toArray(String[]::new));
    }

    private static FerryCliRun ferry(String... args) {
        return ferry(confDir, args);
    }

    @Test
    void givenARunningMetastore_whenPinged_thenItSaysItIsUpAndNamesTheUri() {
        FerryCliRun run = ferry("catalog", "ping");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("Hive Metastore " + metastore.thriftUri() + ": up, 2 databases");
    }

    @Test
    void givenARunningMetastore_whenPingedWithJsonOutput_thenTheDocumentedFieldsArePrinted() {
        FerryCliRun run = ferry("catalog", "ping", "-o", "json");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout())
                .contains("\"uri\" : \"" + metastore.thriftUri() + "\"")
                .contains("\"up\" : true")
                .contains("\"databases\" : 2")
                .contains("\"latencyMs\" : ");
    }

    @Test
    void givenADatabaseCreatedThroughTheMetastore_whenDatabasesAreListed_thenItIsThere() {
        FerryCliRun run = ferry("catalog", "databases");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().lines()).containsExactly("DATABASE", "default", "sales");
    }

    @Test
    void givenADatabaseWithTables_whenItsTablesAreListedAsJson_thenBothAreNamed() {
        FerryCliRun run = ferry("catalog", "tables", "sales", "--output", "json");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().replaceAll("\\s", ""))
                .isEqualTo("{\"database\":\"sales\",\"tables\":[\"clicks\",\"orders\"]}");
    }

    @Test
    void givenNoDatabase_whenTablesAreListed_thenTheDefaultDatabaseIsListed() {
        FerryCliRun run = ferry("catalog", "tables", "-o", "json");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("\"database\" : \"default\"").contains("\"tables\" : [ ]");
    }

    @Test
    void givenAPartitionedHiveTable_whenDescribed_thenColumnsPartitionKeysStorageAndOwnerAreShown() {
        FerryCliRun run = ferry("catalog", "describe", "sales.orders");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout())
                .contains("Table:          sales.orders")
                .contains("Owner:          analyst")
                .contains("Hive and Spark: can read it")
                .contains("Input format:   " + HiveTables.TEXT_INPUT)
                .contains("SerDe:          " + HiveTables.LAZY_SIMPLE_SERDE)
                .contains("Partitions:     2 (dt=2024-01-01, dt=2024-01-02)")
                .containsPattern("Location: +file:.*data-orders")
                .containsPattern("(?m)^id +bigint +order id$")
                .containsPattern("(?m)^amount +decimal\\(10,2\\) +-$")
                .containsPattern("(?m)^dt +string +day$");
    }

    @Test
    void givenAPartitionedHiveTable_whenDescribedAsJson_thenItIsReadableByHiveAndSpark() {
        FerryCliRun run = ferry("catalog", "describe", "sales.orders", "-o", "json");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout())
                .contains("\"readableByHiveAndSpark\" : true")
                .contains("\"partitionKeys\" : [ {\n    \"name\" : \"dt\"")
                .contains("\"count\" : 2")
                .contains("\"serde\" : \"" + HiveTables.LAZY_SIMPLE_SERDE + "\"");
    }

    @Test
    void givenAGenericFlinkTable_whenDescribed_thenHiveAndSparkCannotReadIt() {
        FerryCliRun run = ferry("catalog", "describe", "sales.clicks");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout())
                .contains("Hive and Spark: cannot read it (generic Flink table")
                .contains("No columns in the metastore.");
    }

    @Test
    void givenAnUnknownDatabase_whenItsTablesAreListed_thenNotFoundNamesItAndTheExistingOnes() {
        FerryCliRun run = ferry("catalog", "tables", "marketing");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(3);
        assertThat(run.stderr().lines())
                .containsExactly("ferry: Database 'marketing' does not exist in the Hive" + " Metastore at "
                        + metastore.thriftUri() + "; existing databases: default, sales");
    }

    @Test
    void givenAnUnknownTable_whenDescribed_thenNotFoundNamesTheTablesOfTheDatabase() {
        FerryCliRun run = ferry("catalog", "describe", "sales.refunds");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(3);
        assertThat(run.stderr().lines())
                .containsExactly("ferry: Table 'sales.refunds' does not exist; tables in 'sales': clicks, orders");
    }

    @Test
    void givenATableNameWithoutDatabase_whenDescribed_thenItIsRefusedAsBadInput() {
        FerryCliRun run = ferry("catalog", "describe", "orders");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stderr().lines()).singleElement().asString().contains("DATABASE.TABLE");
    }

    @Test
    void givenAMetastoreThatIsDown_whenPinged_thenUnavailableNamesTheUriAndTheFileToCheck() throws Exception {
        String deadUri = "thrift://localhost:" + TestMetastore.freePort();
        Path deadConf = TestMetastore.writeClientSite(WORK.resolve("dead-conf"), deadUri);

        FerryCliRun run = ferry(deadConf, "catalog", "databases");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(6);
        assertThat(run.stderr().lines())
                .singleElement()
                .asString()
                .startsWith("ferry: Cannot reach the Hive Metastore at " + deadUri + ": ")
                .contains("check hive.metastore.uris in " + deadConf.resolve("hive-site.xml"));
    }

    @Test
    void givenTheShippedHiveSiteTemplate_whenPinged_thenBadInputSaysToSetTheMetastoreUri() throws Exception {
        Path templateConf = Files.createDirectories(WORK.resolve("template-conf"));
        Files.copy(
                Path.of("..", "conf", "hive-site.xml"),
                templateConf.resolve("hive-site.xml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        FerryCliRun run = ferry(templateConf, "catalog", "ping");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stderr().lines())
                .singleElement()
                .asString()
                .contains("No hive.metastore.uris in " + templateConf.resolve("hive-site.xml"));
    }
}
