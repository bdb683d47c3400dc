package dev.ferry.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SqlScriptTest {

    @Test
    void splitsAtSemicolonsAndRecordsWhereEachStatementStarts() {
        // given
        String text = "SET 'parallelism.default' = '2';\n"
                + "\n"
                + "  CREATE TABLE t (x INT) WITH ('connector' = 'datagen');  SELECT x FROM t;\n";

        // when
        List<SqlStatement> statements = SqlScript.parse(text).statements();

        // then
        assertThat(statements)
                .containsExactly(
                        new SqlStatement("SET 'parallelism.default' = '2'", 1, 1),
                        new SqlStatement("CREATE TABLE t (x INT) WITH ('connector' = 'datagen')", 3, 3),
                        new SqlStatement("SELECT x FROM t", 3, 59));
    }

    @Test
    void keepsSemicolonsInsideStringsQuotedIdentifiersAndComments() {
        // given
        String text = "-- a comment; not a statement\n" + "SELECT 'a;b', `c;d` /* e; f */ FROM t -- g; h\n" + ";";

        // when
        List<SqlStatement> statements = SqlScript.parse(text).statements();

        // then
        assertThat(statements).singleElement().satisfies(s -> {
            assertThat(s.sql()).isEqualTo("SELECT 'a;b', `c;d` /* e; f */ FROM t -- g; h");
            assertThat(s.line()).isEqualTo(2);
        });
    }

    @Test
    void keepsADoubledQuoteInsideAString() {
        // when
        List<SqlStatement> statements =
                SqlScript.parse("SELECT 'it''s; fine'; SELECT 2").statements();

        // then
        assertThat(statements).extracting(SqlStatement::sql).containsExactly("SELECT 'it''s; fine'", "SELECT 2");
    }

    @Test
    void takesALastStatementWithoutSemicolon() {
        // when
        List<SqlStatement> statements =
                SqlScript.parse("SELECT 1;\nSELECT 2\n  ").statements();

        // then
        assertThat(statements).extracting(SqlStatement::sql).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void findsNoStatementInCommentsAndEmptyStatements() {
        // when
        SqlScript script = SqlScript.parse("/* only\n a comment */ ;; -- and another\n");

        // then
        assertThat(script.statements()).isEmpty();
    }

    @Test
    void keepsExecuteStatementSetBlockAsOneStatement() {
        // given
        String text = "EXECUTE STATEMENT SET BEGIN\n"
                + "  INSERT INTO a SELECT CASE WHEN x > 0 THEN 1 END FROM s;\n"
                + "  INSERT INTO b SELECT x FROM s;\n"
                + "END;\n"
                + "SELECT 1";

        // when
        List<SqlStatement> statements = SqlScript.parse(text).statements();

        // then
        assertThat(statements)
                .extracting(SqlStatement::sql)
                .containsExactly(text.substring(0, text.indexOf("END;") + 3), "SELECT 1");
    }

    @Test
    void splitsTheSqlClientStatementSetIntoItsStatements() {
        // given
        String text = "BEGIN STATEMENT SET;\n"
                + "INSERT INTO a SELECT x FROM s;\n"
                + "INSERT INTO b SELECT x FROM s;\n"
                + "END;";

        // when
        List<SqlStatement> statements = SqlScript.parse(text).statements();

        // then
        assertThat(statements)
                .extracting(SqlStatement::sql)
                .containsExactly(
                        "BEGIN STATEMENT SET", "INSERT INTO a SELECT x FROM s", "INSERT INTO b SELECT x FROM s", "END");
    }

    @Test
    void reportsAParseErrorAtTheScriptLineAndColumn() {
        // given
        String text = "SET 'a' = 'b';\n" + "SELECT x,\n" + "  FROM t;";

        // when
        SqlScriptException error = catchThrowableOfType(SqlScriptException.class, () -> SqlScript.parse(text));

        // then
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo(3);
        assertThat(error.getMessage()).isEqualTo("line 3, column 3: Incorrect syntax near the keyword 'FROM'");
    }

    @Test
    void shiftsTheColumnOfAnErrorOnTheLineWhereTheStatementStarts() {
        // when
        SqlScriptException error =
                catchThrowableOfType(SqlScriptException.class, () -> SqlScript.parse("SELECT 1;   SELEKT 2;"));

        // then
        assertThat(error.line()).isEqualTo(1);
        assertThat(error.column()).isEqualTo(13);
    }

    @Test
    void givesParseErrorsAsOneLine() {
        // when
        SqlScriptException error = catchThrowableOfType(
                SqlScriptException.class, () -> SqlScript.parse("CREATE TABLE t (x INT) WITH ('a' = 'b'"));

        // then
        assertThat(error.getMessage()).doesNotContain("\n").startsWith("line 1, column ");
    }

    @Test
    void reportsAStringThatIsNotClosed() {
        // when / then
        assertThatThrownBy(() -> SqlScript.parse("SELECT 1;\nSELECT 'abc;\n"))
                .isInstanceOf(SqlScriptException.class)
                .hasMessage("line 2, column 8: string starting with ' is not closed");
    }

    @Test
    void splitsHiveStatementsWithHiveQuotingAndLeavesThemToTheHiveParser() {
        // given: Hive escapes quotes with a backslash; Flink's parser would reject the INSERT
        String text = "SET 'table.sql-dialect' = 'hive';\n"
                + "INSERT OVERWRITE TABLE t SELECT 'it\\'s; one' FROM s;\n"
                + "SET table.sql-dialect=default;\n"
                + "SELECT 'a\\'";

        // when
        List<SqlStatement> statements = SqlScript.parse(text).statements();

        // then
        assertThat(statements)
                .extracting(SqlStatement::sql)
                .containsExactly(
                        "SET 'table.sql-dialect' = 'hive'",
                        "INSERT OVERWRITE TABLE t SELECT 'it\\'s; one' FROM s",
                        "SET table.sql-dialect=default",
                        "SELECT 'a\\'");
    }

    @Test
    void rejectsAnUnknownDialect() {
        // when / then
        assertThatThrownBy(() -> SqlScript.parse("\nSET 'table.sql-dialect' = 'oracle';"))
                .isInstanceOf(SqlScriptException.class)
                .hasMessageStartingWith("line 2: unknown SQL dialect 'oracle'");
    }

    @Test
    void keepsTheScriptText() {
        // when
        SqlScript script = SqlScript.parse("SELECT 1;");

        // then
        assertThat(script.text()).isEqualTo("SELECT 1;");
    }
}
