package dev.ferry.sql;

import org.apache.flink.table.api.SqlDialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A script split into statements, each checked by Flink's parser for the dialect in force at
 * that point; parse errors carry the script's line and column.
 *
 * <p>Statements in the Hive dialect are split (with Hive's quoting) but not parsed here: Flink's
 * Hive parser lives in the Hive connector and needs a catalog, so the runner parses them in
 * {@link SqlScriptRunner#prepare}.
 */
public final class SqlScript {

    private final String text;
    private final List<SqlStatement> statements;

    private SqlScript(String text, List<SqlStatement> statements) {
        this.text = text;
        this.statements = List.copyOf(statements);
    }

    /**
     * Splits and parses a script.
     *
     * @throws SqlScriptException at the first statement that does not parse
     */
    public static SqlScript parse(String text) throws SqlScriptException {
        Objects.requireNonNull(text, "text");
        StatementSplitter splitter = new StatementSplitter(text);
        DialectTracker dialect = new DialectTracker();
        List<SqlStatement> statements = new ArrayList<>();
        Optional<SqlStatement> next;
        while ((next = splitter.next(dialect.current() == SqlDialect.HIVE)).isPresent()) {
            SqlStatement statement = next.get();
            if (dialect.current() == SqlDialect.DEFAULT) {
                SyntaxCheck.check(statement);
            }
            dialect.after(statement);
            statements.add(statement);
        }
        return new SqlScript(text, statements);
    }

    /** The statements in script order. */
    public List<SqlStatement> statements() {
        return statements;
    }

    /** The script as given. */
    public String text() {
        return text;
    }
}
