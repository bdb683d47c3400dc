package dev.ferry.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.flink.table.api.internal.TableResultInternal;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.utils.print.RowDataToStringConverter;
import org.apache.flink.util.CloseableIterator;

/**
 * Reads a statement's result rows into a {@link QueryResult}. A query that has more rows than
 * the limit is cancelled (closing Flink's collect iterator cancels its job), so an unbounded
 * streaming SELECT ends after the limit. A streaming query's rows are a changelog (an aggregate
 * retracts and updates earlier rows), so they get a first column "op" with the row kind (+I, -U,
 * +U, -D), as in the SQL client's tableau view; without it updates would read as new rows.
 */
final class QueryResults {

  private QueryResults() {}

  static QueryResult read(String sql, TableResultInternal result, int maxRows) throws Exception {
    return read(sql, result, maxRows, false);
  }

  static QueryResult readChangelog(String sql, TableResultInternal result, int maxRows)
      throws Exception {
    return read(sql, result, maxRows, true);
  }

  private static QueryResult read(
      String sql, TableResultInternal result, int maxRows, boolean withRowKind) throws Exception {
    List<String> columns = new ArrayList<>();
    if (withRowKind) {
      columns.add("op");
    }
    columns.addAll(result.getResolvedSchema().getColumnNames());
    RowDataToStringConverter converter = result.getRowDataToStringConverter();
    List<List<String>> rows = new ArrayList<>();
    try (CloseableIterator<RowData> iterator = result.collectInternal()) {
      while (rows.size() < maxRows && iterator.hasNext()) {
        rows.add(row(iterator.next(), converter, withRowKind));
      }
      boolean truncated = rows.size() >= maxRows && iterator.hasNext();
      return new QueryResult(
          sql, List.copyOf(columns), Collections.unmodifiableList(rows), truncated);
    }
  }

  private static List<String> row(
      RowData row, RowDataToStringConverter converter, boolean withRowKind) {
    List<String> values = new ArrayList<>();
    if (withRowKind) {
      values.add(row.getRowKind().shortString());
    }
    values.addAll(Arrays.asList(converter.convert(row)));
    return Collections.unmodifiableList(values);
  }
}
