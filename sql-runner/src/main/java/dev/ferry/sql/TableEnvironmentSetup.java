package dev.ferry.sql;

import org.apache.flink.table.api.TableEnvironment;

/**
 * Work done on a script's TableEnvironment before its first statement, e.g. registering a
 * catalog. A hook rather than statements prepended to the script, so that errors keep the line
 * numbers of the script the user wrote.
 */
@FunctionalInterface
public interface TableEnvironmentSetup {

    /** Does nothing. */
    TableEnvironmentSetup NONE = tableEnv -> {};

    /**
     * Prepares {@code tableEnv}; its exceptions propagate unchanged (they are not script errors).
     */
    void apply(TableEnvironment tableEnv);

    /** This setup, then {@code next}. */
    default TableEnvironmentSetup andThen(TableEnvironmentSetup next) {
        return tableEnv -> {
            apply(tableEnv);
            next.apply(tableEnv);
        };
    }
}
