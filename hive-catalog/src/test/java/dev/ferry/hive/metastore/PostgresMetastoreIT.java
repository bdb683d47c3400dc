package dev.ferry.hive.metastore;

import dev.ferry.hive.config.HiveSite;
import dev.ferry.hive.testing.HiveTables;
import dev.ferry.hive.testing.LocalPostgres;
import dev.ferry.hive.testing.TestMetastore;
import dev.ferry.sandbox.cluster.ClientConfiguration;
import dev.ferry.sandbox.metastore.MetastoreDbType;
import dev.ferry.sandbox.metastore.MetastoreProcess;
import dev.ferry.sandbox.metastore.MetastoreSettings;
import dev.ferry.sandbox.metastore.MetastoreSite;

import org.apache.hadoop.hive.metastore.api.FieldSchema;
import org.apache.hadoop.hive.metastore.api.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's metastore process ({@link MetastoreProcess}, as {@code ferry sandbox start
 * --metastore-db postgres} runs it) on a local PostgreSQL: schema by the schematool, data kept
 * across restarts.
 */
class PostgresMetastoreIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final String DATABASE = "ferry_it_" + ProcessHandle.current().pid();

    private static Path baseDir;
    private static MetastoreSettings settings;

    @BeforeAll
    static void givenAnEmptyPostgresDatabase() throws Exception {
        LocalPostgres.ensureRunning();
        String url = LocalPostgres.createDatabase(DATABASE);
        baseDir = Path.of("target", "metastores", "postgres").toAbsolutePath();
        TestMetastore.deleteRecursively(baseDir);
        Path dataDir = Files.createDirectories(baseDir.resolve("data"));
        settings = new MetastoreSettings(
                MetastoreDbType.POSTGRES,
                dataDir,
                baseDir.resolve("conf"),
                TestMetastore.freePort(),
                URI.create("file:///"),
                url);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (settings != null) {
            LocalPostgres.dropDatabase(DATABASE);
        }
    }

    @Test
    void givenATableCreatedThroughTheMetastore_whenTheMetastoreRestarts_thenTheTableIsStillThereAndInPostgres()
            throws Exception {
        Path clientConf = Files.createDirectories(baseDir.resolve("client-conf"));
        ClientConfiguration.writeSite(clientConf.resolve("hive-site.xml"), MetastoreSite.clientKeys(settings));
        List<FieldSchema> columns =
                List.of(new FieldSchema("id", "bigint", "order id"), new FieldSchema("amount", "decimal(10,2)", null));

        try (MetastoreProcess first = start("first")) {
            try (MetastoreConnection connection = connect(clientConf)) {
                HiveTables.createDatabase(connection.client(), "sales", dir("sales"));
                HiveTables.createTextTable(
                        connection.client(),
                        "sales",
                        "orders",
                        dir("orders"),
                        columns,
                        List.of(new FieldSchema("dt", "string", "day")));
            }
        }

        Table orders;
        try (MetastoreProcess second = start("second");
                MetastoreConnection connection = connect(clientConf)) {
            orders = connection.client().getTable("sales", "orders");
        }
        assertThat(orders.getSd().getCols()).extracting(FieldSchema::getName).containsExactly("id", "amount");
        assertThat(orders.getPartitionKeys()).extracting(FieldSchema::getName).containsExactly("dt");
        assertThat(tableNamesInPostgres()).contains("orders");
    }

    private static MetastoreProcess start(String run) throws Exception {
        return MetastoreProcess.start(
                TestMetastore.homeWithMetastore(),
                settings,
                Files.createDirectories(baseDir.resolve("tmp")),
                baseDir.resolve("metastore-" + run + ".log"),
                START_TIMEOUT);
    }

    private static MetastoreConnection connect(Path clientConf) {
        return MetastoreConnection.open(HiveSite.load(clientConf), Duration.ofSeconds(10));
    }

    private static Path dir(String name) throws Exception {
        return Files.createDirectories(baseDir.resolve("warehouse").resolve(name));
    }

    private static List<String> tableNamesInPostgres() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = LocalPostgres.connect(settings.jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT \"TBL_NAME\" FROM \"TBLS\"")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
