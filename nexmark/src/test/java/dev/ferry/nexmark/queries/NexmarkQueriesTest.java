package dev.ferry.nexmark.queries;

import dev.ferry.sql.SqlScript;
import dev.ferry.sql.SqlStatement;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NexmarkQueriesTest {

    @TempDir
    static Path sideInputDir;

    static List<NexmarkQuery> runnable() {
        return NexmarkQueries.all().stream().filter(NexmarkQuery::runnable).toList();
    }

    static List<NexmarkQuery> skipped() {
        return NexmarkQueries.all().stream().filter(q -> !q.runnable()).toList();
    }

    @Test
    void thereAreTwentyThreeQueriesAndOnlyQ6IsSkipped() {
        // when
        List<NexmarkQuery> all = NexmarkQueries.all();

        // then
        assertThat(all)
                .extracting(NexmarkQuery::number)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(0, 22).boxed().toList());
        assertThat(skipped()).extracting(NexmarkQuery::name).containsExactly("q6");
        assertThat(all).allSatisfy(q -> assertThat(q.title()).isNotBlank().doesNotStartWith("--"));
    }

    @ParameterizedTest
    @MethodSource("runnable")
    void everyRunnableQueryPlans(NexmarkQuery query) {
        // given
        TableEnvironment tableEnv = nexmarkTables();
        List<SqlStatement> statements = statements(query);

        // when
        statements.subList(0, statements.size() - 1).forEach(s -> tableEnv.executeSql(s.sql()));
        String plan = tableEnv.explainSql(statements.get(statements.size() - 1).sql());

        // then
        assertThat(plan).contains("discard_sink");
    }

    @ParameterizedTest
    @MethodSource("skipped")
    void aSkippedQueryIsOneFlinkCannotPlan(NexmarkQuery query) {
        // given
        TableEnvironment tableEnv = nexmarkTables();
        List<SqlStatement> statements = statements(query);
        statements.subList(0, statements.size() - 1).forEach(s -> tableEnv.executeSql(s.sql()));

        // when / then
        assertThatThrownBy(() -> tableEnv.explainSql(
                        statements.get(statements.size() - 1).sql()))
                .isInstanceOf(RuntimeException.class);
    }

    private static List<SqlStatement> statements(NexmarkQuery query) {
        return SqlScript.parse(query.script(SideInput.writeInto(sideInputDir).toUri()))
                .statements();
    }

    private static TableEnvironment nexmarkTables() {
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        NexmarkDdl.statements(1000, 0).forEach(tableEnv::executeSql);
        return tableEnv;
    }
}
