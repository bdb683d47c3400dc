package dev.ferry.sql;

import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** prepare() alone: no cluster is needed, because nothing is submitted. */
class SqlScriptRunnerPrepareTest {

    private static final String TABLES = """
      CREATE TABLE source (id BIGINT, name STRING) WITH ('connector' = 'datagen');
      CREATE TABLE sink_a (id BIGINT, name STRING) WITH ('connector' = 'blackhole');
      CREATE TABLE sink_b (id BIGINT) WITH ('connector' = 'blackhole');
      """;

    private final SqlScriptRunner runner = new SqlScriptRunner(new Configuration());

    @Test
    void preparesOneInsertAsTheScriptsJob() {
        // when
        PreparedScript prepared = prepare(TABLES + "INSERT INTO sink_a SELECT * FROM source;", false);

        // then
        assertThat(prepared.hasJob()).isTrue();
        assertThat(prepared.hasQueries()).isFalse();
    }

    @Test
    void takesTheJobNameFromPipelineName() {
        // when
        PreparedScript prepared = prepare(
                "SET 'pipeline.name' = 'orders';\n" + TABLES + "INSERT INTO sink_b SELECT id FROM source;", false);

        // then
        assertThat(prepared.jobName()).contains("orders");
    }

    @Test
    void rejectsASecondInsert() {
        // when
        SqlScriptException error = prepareFails(
                TABLES + "INSERT INTO sink_a SELECT * FROM source;\n" + "INSERT INTO sink_b SELECT id FROM source;",
                false);

        // then
        assertThat(error.getMessage())
                .isEqualTo("line 5: the script starts a second job; put all"
                        + " INSERTs into one EXECUTE STATEMENT SET so they run as one job");
    }

    @Test
    void takesAnExecuteStatementSetAsOneJob() {
        // when
        PreparedScript prepared = prepare(TABLES + """
        EXECUTE STATEMENT SET BEGIN
          INSERT INTO sink_a SELECT * FROM source;
          INSERT INTO sink_b SELECT id FROM source;
        END;""", false);

        // then
        assertThat(prepared.hasJob()).isTrue();
    }

    @Test
    void takesTheSqlClientStatementSetAsOneJob() {
        // when
        PreparedScript prepared = prepare(TABLES + """
        BEGIN STATEMENT SET;
        INSERT INTO sink_a SELECT * FROM source;
        INSERT INTO sink_b SELECT id FROM source;
        END;""", false);

        // then
        assertThat(prepared.hasJob()).isTrue();
    }

    @Test
    void rejectsAnInsertAfterAStatementSet() {
        // when
        SqlScriptException error = prepareFails(TABLES + """
        BEGIN STATEMENT SET;
        INSERT INTO sink_a SELECT * FROM source;
        END;
        INSERT INTO sink_b SELECT id FROM source;""", false);

        // then
        assertThat(error.line()).isEqualTo(7);
        assertThat(error.getMessage()).contains("second job");
    }

    @Test
    void rejectsAStatementSetThatIsNotClosed() {
        // when
        SqlScriptException error = prepareFails(TABLES + """
        BEGIN STATEMENT SET;
        INSERT INTO sink_a SELECT * FROM source;""", false);

        // then
        assertThat(error.getMessage()).isEqualTo("line 4: BEGIN STATEMENT SET is not closed with END");
    }

    @Test
    void rejectsSelectWhenQueriesAreNotAllowed() {
        // when
        SqlScriptException error = prepareFails(TABLES + "SELECT * FROM source;", false);

        // then
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.getMessage()).contains("SELECT queries need a session");
    }

    @Test
    void keepsSelectForSubmitWhenQueriesAreAllowed() {
        // when
        PreparedScript prepared = prepare(TABLES + "SELECT * FROM source;", true);

        // then
        assertThat(prepared.hasQueries()).isTrue();
        assertThat(prepared.hasJob()).isFalse();
    }

    @Test
    void reportsAnUnknownTableAtItsScriptPosition() {
        // when
        SqlScriptException error = prepareFails(TABLES + "\n\nINSERT INTO sink_a\n" + "SELECT * FROM nosuch;", false);

        // then
        assertThat(error.getMessage()).isEqualTo("line 7, column 15: Object 'nosuch' not found");
    }

    @Test
    void reportsAQueryFlinkCannotRunOnAStreamBeforeSubmitting() {
        // when: a stream cannot be sorted on a column that is not its time attribute
        SqlScriptException error = prepareFails(TABLES + "SELECT * FROM source ORDER BY name;", true);

        // then
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.getMessage()).contains("Sort on a non-time-attribute field is not supported");
    }

    @Test
    void reportsAnInsertOfAQueryFlinkCannotRunOnAStreamBeforeSubmitting() {
        // when
        SqlScriptException error =
                prepareFails(TABLES + "INSERT INTO sink_b SELECT id FROM source ORDER BY name;", false);

        // then
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.getMessage()).contains("Sort on a non-time-attribute field is not supported");
    }

    @Test
    void reportsAnUnknownColumnAtItsScriptPosition() {
        // when
        SqlScriptException error = prepareFails(TABLES + "INSERT INTO sink_b SELECT idd FROM source;", false);

        // then
        assertThat(error.getMessage()).isEqualTo("line 4, column 27: Column 'idd' not found in any table");
    }

    @Test
    void reportsAnInsertThatDoesNotFitItsSinkBeforeSubmitting() {
        // when
        SqlScriptException error = prepareFails(TABLES + "INSERT INTO sink_b SELECT name FROM source;", false);

        // then
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.getMessage()).contains("do not match").doesNotContain("\n");
    }

    @Test
    void blamesTheInsertOfAStatementSetThatDoesNotFitItsSink() {
        // when
        SqlScriptException error = prepareFails(TABLES + """
        BEGIN STATEMENT SET;
        INSERT INTO sink_a SELECT * FROM source;
        INSERT INTO sink_b SELECT name FROM source;
        END;""", false);

        // then
        assertThat(error.line()).isEqualTo(6);
        assertThat(error.getMessage()).contains("do not match");
    }

    @Test
    void takesCreateTableAsSelectAsTheJobWithoutCreatingTheTable() {
        // given
        SqlScript script =
                SqlScript.parse(TABLES + "CREATE TABLE copy WITH ('connector' = 'blackhole') AS SELECT * FROM source;");

        // when
        PreparedScript prepared = runner.prepare(script, false);

        // then
        assertThat(prepared.hasJob()).isTrue();
        assertThat(prepared.tableEnv().listTables()).doesNotContain("copy");
    }

    @Test
    void rejectsSwitchingTheRuntimeMode() {
        // when
        SqlScriptException error = prepareFails(
                "SET 'execution.runtime-mode' = 'batch';\n" + "SET 'execution.runtime-mode' = 'streaming';", false);

        // then
        assertThat(error.getMessage()).startsWith("line 2: the script already runs in batch mode");
    }

    @Test
    void returnsWhatShowStatementsSay() {
        // given
        PreparedScript prepared = prepare(TABLES + "SHOW TABLES;", false);

        // when
        SqlRunResult result = runner.submit(prepared);

        // then
        assertThat(result.jobId()).isEmpty();
        assertThat(result.queries())
                .singleElement()
                .satisfies(show -> assertThat(show.rows())
                        .containsExactly(List.of("sink_a"), List.of("sink_b"), List.of("source")));
    }

    @Test
    void resetsASettingToWhatTheRunnerStartedWith() {
        // when
        PreparedScript prepared = prepare("SET 'pipeline.name' = 'x';\nRESET 'pipeline.name';", false);

        // then
        assertThat(prepared.jobName()).isEmpty();
    }

    @Test
    void runsCatalogAndDatabaseStatementsInScriptOrder() {
        // given
        PreparedScript prepared = prepare("""
        CREATE CATALOG lake WITH ('type' = 'generic_in_memory');
        USE CATALOG lake;
        CREATE DATABASE sales;
        USE sales;
        CREATE TABLE orders (id BIGINT) WITH ('connector' = 'datagen');
        SHOW CURRENT DATABASE;
        SHOW TABLES FROM lake.sales;
        """, false);

        // when
        SqlRunResult result = runner.submit(prepared);

        // then
        assertThat(result.queries())
                .extracting(QueryResult::rows)
                .containsExactly(List.of(List.of("sales")), List.of(List.of("orders")));
    }

    private PreparedScript prepare(String text, boolean allowQueries) {
        return runner.prepare(SqlScript.parse(text), allowQueries);
    }

    @Test
    void runsTheSetupBeforeTheFirstStatementWithoutShiftingErrorLines() {
        // given a setup that registers a catalog and makes it current
        SqlScriptRunner withSetup = runner.withSetup(tableEnv -> {
            tableEnv.executeSql("CREATE CATALOG extra WITH ('type' = 'generic_in_memory')");
            tableEnv.useCatalog("extra");
        });

        // when
        SqlScriptException error = catchThrowableOfType(
                SqlScriptException.class,
                () -> withSetup.prepare(SqlScript.parse(TABLES + "INSERT INTO sink_b SELECT idd FROM source;"), false));
        PreparedScript prepared = withSetup.prepare(SqlScript.parse("SELECT 1;"), true);

        // then
        assertThat(error.getMessage()).startsWith("line 4");
        assertThat(prepared.tableEnv().getCurrentCatalog()).isEqualTo("extra");
    }

    @Test
    void namesTheClassAndTheJarWhenAFunctionsClassIsNotInItsJar(@TempDir Path dir) throws IOException {
        // given: a jar without the function's class
        Path jar = ClasslessJar.in(dir);

        // when
        SqlScriptException error =
                prepareFails("CREATE TEMPORARY FUNCTION shout AS 'com.acme.Shout' USING JAR '" + jar + "';", false);

        // then
        assertThat(error.getMessage())
                .startsWith("line 1: class com.acme.Shout is not in jar ")
                .contains("functions.jar", "check the class name, package included");
    }

    @Test
    void refusesAJarToAddThatIsNotThereBeforeTheFirstStatement(@TempDir Path dir) {
        // given
        SqlScriptRunner withJar = runner.withSetup(
                FunctionJars.adding(java.util.List.of(dir.resolve("missing.jar").toString())));

        // when / then
        assertThatThrownBy(() -> withJar.prepare(SqlScript.parse("SHOW TABLES;"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot add jar " + dir.resolve("missing.jar"))
                .hasMessageContaining("not found");
    }

    private SqlScriptException prepareFails(String text, boolean allowQueries) {
        return catchThrowableOfType(SqlScriptException.class, () -> prepare(text, allowQueries));
    }
}
