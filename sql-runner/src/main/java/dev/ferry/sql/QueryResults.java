package dev.ferry.sql;

import org.apache.flink.table.api.internal.TableResultInternal;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.utils.print.RowDataToStringConverter;
import org.apache.flink.util.CloseableIterator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads a statement's result rows into a {@link QueryResult}. A query that has more rows than
 * the limit, or runs longer than allowed, is cancelled (closing Flink's collect iterator cancels
 * its job; closed from a timer, it also ends a wait for the next row), so an unbounded streaming
 * SELECT ends. A streaming query's rows are a changelog (an aggregate
 * retracts and updates earlier rows), so they get a first column "op" with the row kind (+I, -U,
 * +U, -D), as in the SQL client's tableau view; without it updates would read as new rows.
 */
final class QueryResults {

    private QueryResults() {}

    static QueryResult read(String sql, TableResultInternal result, QueryLimits limits) throws Exception {
        return read(sql, result, List.of(), limits, false, QueryListener.NONE);
    }

    /**
     * @param columnNames names to show instead of the result's own; empty: its own
     * @param withRowKind whether the rows are a streaming query's changelog, with an "op" column
     */
    static QueryResult read(
            String sql,
            TableResultInternal result,
            List<String> columnNames,
            QueryLimits limits,
            boolean withRowKind,
            QueryListener listener)
            throws Exception {
        List<String> columns = new ArrayList<>();
        if (withRowKind) {
            columns.add("op");
        }
        columns.addAll(columnNames.isEmpty() ? result.getResolvedSchema().getColumnNames() : columnNames);
        RowDataToStringConverter converter = result.getRowDataToStringConverter();
        listener.started(sql, List.copyOf(columns));
        try (CloseableIterator<RowData> iterator = result.collectInternal()) {
            CompletableFuture<Boolean> deadline = closeWhenLate(iterator, limits);
            // Ctrl-C (or any exit) while rows arrive ends the query like its deadline: the iterator
            // is closed, which cancels the query's job on the cluster.
            try (OnExit stop = OnExit.run(() -> deadline.complete(true), "ferry-query-stop")) {
                return collect(
                        sql, columns, iterator, row -> row(row, converter, withRowKind), limits, deadline, listener);
            }
        }
    }

    private static QueryResult collect(
            String sql,
            List<String> columns,
            CloseableIterator<RowData> iterator,
            Function<RowData, List<String>> toRow,
            QueryLimits limits,
            CompletableFuture<Boolean> deadline,
            QueryListener listener) {
        List<List<String>> rows = new ArrayList<>();
        boolean more = hasNext(iterator, deadline);
        while (more && rows.size() < limits.maxRows()) {
            List<String> row = toRow.apply(iterator.next());
            rows.add(row);
            listener.row(row);
            more = hasNext(iterator, deadline);
        }
        boolean truncated = more || deadline.getNow(false);
        deadline.complete(false);
        return new QueryResult(sql, List.copyOf(columns), Collections.unmodifiableList(rows), truncated);
    }

    /** Completes with true, and closes the iterator, once the query has run for maxWait. */
    private static CompletableFuture<Boolean> closeWhenLate(CloseableIterator<RowData> iterator, QueryLimits limits) {
        CompletableFuture<Boolean> deadline = new CompletableFuture<>();
        deadline.completeOnTimeout(true, limits.maxWait().toMillis(), TimeUnit.MILLISECONDS);
        deadline.thenAccept(late -> {
            if (late) {
                closeQuietly(iterator);
            }
        });
        return deadline;
    }

    /** After the timer closed the iterator, a failing or empty hasNext() only means "stopped". */
    private static boolean hasNext(CloseableIterator<RowData> iterator, CompletableFuture<Boolean> deadline) {
        try {
            return !deadline.getNow(false) && iterator.hasNext();
        } catch (RuntimeException e) {
            if (deadline.getNow(false)) {
                return false;
            }
            throw e;
        }
    }

    private static void closeQuietly(CloseableIterator<RowData> iterator) {
        try {
            iterator.close();
        } catch (Exception e) {
            // The query is being abandoned; the try-with-resources close reports real trouble.
        }
    }

    private static List<String> row(RowData row, RowDataToStringConverter converter, boolean withRowKind) {
        List<String> values = new ArrayList<>();
        if (withRowKind) {
            values.add(row.getRowKind().shortString());
        }
        values.addAll(Arrays.asList(converter.convert(row)));
        return Collections.unmodifiableList(values);
    }
}
