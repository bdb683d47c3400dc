package dev.ferry.launcher.catalog;

import dev.ferry.launcher.error.FerryException;
import dev.ferry.launcher.error.FerryException.ExitCode;

/**
 * A table named as {@code DB.TABLE}, the way Hive and Flink SQL qualify it.
 *
 * @param database the database
 * @param table the table in it
 */
public record TableName(String database, String table) {

    /** Splits at the first dot; Hive names cannot contain dots, so anything else is a typo. */
    public static TableName parse(String qualified) {
        int dot = qualified.indexOf('.');
        if (dot <= 0 || dot == qualified.length() - 1 || qualified.indexOf('.', dot + 1) >= 0) {
            throw new FerryException(
                    ExitCode.USAGE,
                    "'" + qualified + "' is not a table name; write it as DATABASE.TABLE, e.g. default.orders");
        }
        return new TableName(qualified.substring(0, dot), qualified.substring(dot + 1));
    }

    @Override
    public String toString() {
        return database + "." + table;
    }
}
