package dev.ferry.sql;

import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.flink.sql.parser.impl.FlinkSqlParserImpl;
import org.apache.flink.sql.parser.validate.FlinkSqlConformance;

/**
 * Parses one statement of the default dialect with Flink's own SQL parser (the Calcite
 * FlinkSqlParserImpl of flink-table-planner), configured as Flink's planner configures it. It
 * checks syntax only: names are resolved later, by the TableEnvironment, when the statements
 * before it have run.
 */
final class SyntaxCheck {

    /** PlannerContext#getSqlParserConfig for the default dialect. */
    private static final SqlParser.Config CONFIG = SqlParser.config()
            .withParserFactory(FlinkSqlParserImpl.FACTORY)
            .withConformance(FlinkSqlConformance.DEFAULT)
            .withLex(Lex.JAVA)
            .withIdentifierMaxLength(256);

    private SyntaxCheck() {}

    static void check(SqlStatement statement) {
        try {
            SqlParser.create(statement.sql(), CONFIG).parseStmt();
        } catch (SqlParseException | RuntimeException e) {
            throw StatementErrors.at(statement, e);
        }
    }
}
