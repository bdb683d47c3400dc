package dev.ferry.tests;

import dev.ferry.hive.testing.LocalPostgres;
import dev.ferry.hive.testing.TestMetastore;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HiveSqlSuite} on a metastore that keeps its catalog in PostgreSQL, as production
 * metastores do, and a restart of that metastore: what {@code ferry sql} created must live in
 * PostgreSQL, not in the metastore process. PostgreSQL is installed and started by
 * {@link LocalPostgres} (root needed; without it the suite fails rather than skips,
 * {@code -Dferry.test.postgres=skip} opts out locally); the suite's database is dropped at the end.
 */
class HivePostgresSqlIT extends HiveSqlSuite {

    /** Reads back all three tables of the suite's first tests: clicks' rows and events' counts. */
    private static final String READ_BACK = String.join(
            "\n",
            "SET 'execution.runtime-mode' = 'batch';",
            "SELECT id, page FROM clicks WHERE id > 1 ORDER BY id;",
            "SELECT parity, COUNT(*) AS n FROM events GROUP BY parity ORDER BY parity;",
            "SELECT COUNT(*) AS n FROM visits;");

    HivePostgresSqlIT() {
        super("hive-postgres-sql-it");
    }

    @Override
    protected TestMetastore startMetastore(String name) throws Exception {
        return TestMetastore.startOnPostgres(name);
    }

    @Test
    @Order(10)
    void givenTablesMadeByFerrySql_whenTheMetastoreRestarts_thenHiveAndFerrySqlStillSeeThemWithTheirRows()
            throws Exception {
        // given the tables of the tests above, kept in PostgreSQL, and what ferry sql reads from them
        assertThat(tableNamesInPostgres()).contains("visits", "clicks", "events");
        List<String> eventPartitions = client.listPartitionNames("default", "events", (short) -1);
        assertThat(eventPartitions).contains("parity=even", "parity=odd");
        JsonNode before = json(cluster.ferry("sql", "--session", SESSION, "-o", "json", "-e", READ_BACK))
                .get("queries");
        String eventCounts = before.get(1).get("rows").toString();
        assertThat(before.get(1).get("rows").size()).as(eventCounts).isEqualTo(2);

        // when the metastore process is stopped and started again on the same database
        metastore.restart();
        // the plain client's connection went with the old process; Hive would reconnect too
        client.close();
        client = newClient();

        // then a plain client sees the same tables, columns and partitions
        assertIsTheVisitsTableOfTheHiveDialect(client.getTable("default", "visits"));
        assertThat(client.listPartitionNames("default", "events", (short) -1))
                .containsExactlyInAnyOrderElementsOf(eventPartitions);
        assertThat(client.getTable("default", "events").getPartitionKeys())
                .singleElement()
                .satisfies(key -> assertThat(key.getName()).isEqualTo("parity"));

        // and ferry sql, with a catalog opened afresh, reads the same rows
        JsonNode after = json(cluster.ferry("sql", "--session", SESSION, "-o", "json", "-e", READ_BACK))
                .get("queries");
        assertThat(after.get(0).get("rows").toString()).isEqualTo(CLICKS_AFTER_ONE);
        assertThat(after.get(1).get("rows").toString()).isEqualTo(eventCounts);
        assertThat(after.get(2).get("rows").toString()).isEqualTo("[[\"0\"]]");
    }

    private List<String> tableNamesInPostgres() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = LocalPostgres.connect(metastore.jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT \"TBL_NAME\" FROM \"TBLS\"")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
