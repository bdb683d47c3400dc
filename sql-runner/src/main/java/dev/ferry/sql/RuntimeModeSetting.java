package dev.ferry.sql;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;

import java.util.Locale;

/**
 * The runtime mode a script runs in. Flink fixes it when the TableEnvironment is created (a later
 * change fails with "Mismatch between configured runtime mode and actual runtime mode"), so the
 * script's {@code SET 'execution.runtime-mode'} is read before any statement runs, and a script
 * may not switch modes half way.
 */
final class RuntimeModeSetting {

    private RuntimeModeSetting() {}

    static RuntimeExecutionMode of(SqlScript script, Configuration flinkConfig) {
        RuntimeExecutionMode mode = null;
        SqlStatement decidedAt = null;
        for (SqlStatement statement : script.statements()) {
            var set = SetCommand.recognise(statement.sql()).filter(s -> s.sets(SetCommand.RUNTIME_MODE));
            if (set.isEmpty()) {
                continue;
            }
            RuntimeExecutionMode wanted = parse(statement, set.get().value());
            if (mode != null && mode != wanted) {
                throw StatementErrors.at(
                        statement,
                        "the script already runs in " + name(mode) + " mode (line " + decidedAt.line()
                                + "); a script runs in one runtime mode");
            }
            mode = wanted;
            decidedAt = statement;
        }
        return mode != null ? mode : flinkConfig.get(ExecutionOptions.RUNTIME_MODE);
    }

    private static RuntimeExecutionMode parse(SqlStatement statement, String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.equals("STREAMING") || upper.equals("BATCH")) {
            return RuntimeExecutionMode.valueOf(upper);
        }
        throw StatementErrors.at(
                statement, "execution.runtime-mode must be 'streaming' or 'batch', not '" + value + "'");
    }

    private static String name(RuntimeExecutionMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
