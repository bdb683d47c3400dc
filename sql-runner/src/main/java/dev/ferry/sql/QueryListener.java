package dev.ferry.sql;

import java.util.List;

/**
 * Hears a SELECT's rows as they arrive, before the runner returns them all: how a client prints a
 * streaming query's changelog while it runs. Called on the thread that runs the script.
 */
public interface QueryListener {

    /** Hears nothing. */
    QueryListener NONE = new QueryListener() {};

    /** A query started; its rows have these columns (a streaming query's first is "op"). */
    default void started(String sql, List<String> columns) {}

    /** One more row of the query started last. */
    default void row(List<String> row) {}
}
