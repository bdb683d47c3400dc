package dev.ferry.sql;

import org.apache.flink.table.api.SqlDialect;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Follows {@code SET 'table.sql-dialect' = ...} and {@code RESET} through a script, so each
 * statement is split and parsed with the dialect in force where it stands.
 */
final class DialectTracker {

    private static final Pattern RESET_DIALECT =
            Pattern.compile("(?is)RESET(\\s+'?" + Pattern.quote(SetCommand.DIALECT) + "'?)?\\s*");

    private SqlDialect current = SqlDialect.DEFAULT;

    SqlDialect current() {
        return current;
    }

    /** Takes the statement into account; an unknown dialect name is an error at its line. */
    void after(SqlStatement statement) {
        if (RESET_DIALECT.matcher(statement.sql()).matches()) {
            current = SqlDialect.DEFAULT;
            return;
        }
        Optional<SetCommand> set = SetCommand.recognise(statement.sql()).filter(s -> s.sets(SetCommand.DIALECT));
        if (set.isPresent()) {
            current = dialect(statement, set.get().lowerCaseValue());
        }
    }

    private static SqlDialect dialect(SqlStatement statement, String name) {
        return switch (name) {
            case "default" -> SqlDialect.DEFAULT;
            case "hive" -> SqlDialect.HIVE;
            default ->
                throw StatementErrors.at(
                        statement, "unknown SQL dialect '" + name + "' (Ferry knows 'default' and 'hive')");
        };
    }
}
