package dev.ferry.sql;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.config.ExecutionConfigOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FerrySqlDefaultsTest {

    @Test
    void fillsInEveryDefaultAConfigurationDoesNotSet() {
        // given
        Configuration config = new Configuration();

        // when
        FerrySqlDefaults.fillIn(config);

        // then
        assertThat(config.toMap()).containsAllEntriesOf(FerrySqlDefaults.asMap());
        assertThat(FerrySqlDefaults.SETTINGS)
                .allSatisfy(s -> assertThat(s.reason()).isNotBlank());
    }

    @Test
    void aValueTheConfigurationSetsWins() {
        // given
        Configuration config = new Configuration();
        config.set(ExecutionConfigOptions.TABLE_EXEC_MINIBATCH_ENABLED, false);

        // when
        FerrySqlDefaults.fillIn(config);

        // then
        assertThat(config.get(ExecutionConfigOptions.TABLE_EXEC_MINIBATCH_ENABLED))
                .isFalse();
    }

    @Test
    void aScriptRunsWithTheDefaultsAndItsSetOverridesThem() {
        // given
        SqlScriptRunner runner = new SqlScriptRunner(new Configuration());
        String script = "SET 'pipeline.object-reuse' = 'false';";

        // when
        PreparedScript prepared = runner.prepare(SqlScript.parse(script), false);

        // then
        Configuration tableConfig = prepared.tableEnv().getConfig().getConfiguration();
        assertThat(tableConfig.get(ExecutionConfigOptions.TABLE_EXEC_MINIBATCH_ENABLED))
                .isTrue();
        assertThat(tableConfig.toMap()).containsEntry("pipeline.object-reuse", "false");
    }
}
