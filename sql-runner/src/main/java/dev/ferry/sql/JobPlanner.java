package dev.ferry.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.operations.ModifyOperation;
import org.apache.flink.table.operations.Operation;

/**
 * Plans a job without submitting it: optimising and translating the INSERTs (what EXPLAIN does)
 * finds what parsing cannot, such as a query whose columns do not fit the sink's.
 */
final class JobPlanner {

  private final TableEnvironmentInternal tableEnv;

  JobPlanner(TableEnvironmentInternal tableEnv) {
    this.tableEnv = tableEnv;
  }

  void plan(Step.Job job) {
    try {
      explain(job.operations());
    } catch (RuntimeException e) {
      throw StatementErrors.at(job.statement(), e);
    }
  }

  private void explain(List<ModifyOperation> operations) {
    List<Operation> asOperations = new ArrayList<>(operations);
    tableEnv.explainInternal(asOperations);
  }
}
