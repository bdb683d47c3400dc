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
 * streaming SELECT ends after the limit.
 */
final class QueryResults {

  private QueryResults() {}

  static QueryResult read(String sql, TableResultInternal result, int maxRows) throws Exception {
    List<String> columns = result.getResolvedSchema().getColumnNames();
    RowDataToStringConverter converter = result.getRowDataToStringConverter();
    List<List<String>> rows = new ArrayList<>();
    try (CloseableIterator<RowData> iterator = result.collectInternal()) {
      while (rows.size() < maxRows && iterator.hasNext()) {
        rows.add(Collections.unmodifiableList(Arrays.asList(converter.convert(iterator.next()))));
      }
      boolean truncated = rows.size() >= maxRows && iterator.hasNext();
      return new QueryResult(sql, columns, Collections.unmodifiableList(rows), truncated);
    }
  }
}
