package dev.ferry.sql;

import org.apache.flink.table.api.TableException;
import org.apache.flink.table.api.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the line of a refused statement says, for errors that carry no position. */
class StatementErrorsTest {

    private static final SqlStatement SECOND_LINE = new SqlStatement("CREATE TABLE t (a INT)", 2, 1);

    @Test
    void givenAWrapperWithoutAMessage_whenDescribed_thenItsCauseSpeaksAndNothingSaysNull() {
        // given: how Flink's Hive parser refuses what Flink cannot run (a bucketed table)
        Throwable refused =
                new ValidationException(null, new UnsupportedOperationException("Bucketed table is not supported"));

        // when
        SqlScriptException error = StatementErrors.at(SECOND_LINE, refused);

        // then
        assertThat(error.getMessage()).isEqualTo("line 2: Bucketed table is not supported");
    }

    @Test
    void givenAGenericWrapperAndARootCauseThatSaysMore_whenDescribed_thenBothAreKept() {
        // given
        Throwable failed =
                new TableException("Failed to execute sql", new IllegalStateException("the sink is read-only"));

        // when
        SqlScriptException error = StatementErrors.at(SECOND_LINE, failed);

        // then
        assertThat(error.getMessage()).isEqualTo("line 2: Failed to execute sql: the sink is read-only");
    }
}
