package dev.ferry.sql;

import java.util.List;
import org.apache.flink.table.operations.ModifyOperation;
import org.apache.flink.table.operations.QueryOperation;

/** What {@link SqlScriptRunner#submit} has left to do for a statement, in script order. */
sealed interface Step {

  /** A result that prepare() already has (SHOW, EXPLAIN, DESCRIBE, SET): nothing to run. */
  record Output(QueryResult result) implements Step {}

  /** A validated SELECT, run and collected at submit time. */
  record Query(SqlStatement statement, QueryOperation operation) implements Step {}

  /** The script's one job: an INSERT or the INSERTs of a statement set. */
  record Job(SqlStatement statement, List<ModifyOperation> operations) implements Step {}
}
