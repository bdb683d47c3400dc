package dev.ferry.sql;

import java.util.List;

/**
 * The rows a SELECT (or SHOW, EXPLAIN, DESCRIBE) statement returned, formatted as strings the way
 * Flink's SQL client formats them.
 *
 * @param sql the statement
 * @param columns the column names; a streaming SELECT's first column is "op", the row kind
 *     (+I, -U, +U, -D), because its rows are a changelog
 * @param rows at most {@link QueryLimits#maxRows()} rows; a value may be {@code null}
 * @param truncated whether the query was stopped before its end (more rows than the limit, or
 *     still running when its time was up)
 */
public record QueryResult(String sql, List<String> columns, List<List<String>> rows, boolean truncated) {}
