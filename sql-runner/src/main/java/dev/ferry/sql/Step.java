package dev.ferry.sql;

import org.apache.flink.table.operations.ModifyOperation;
import org.apache.flink.table.operations.QueryOperation;

import java.util.List;

/** What {@link SqlScriptRunner#submit} has left to do for a statement, in script order. */
sealed interface Step {

    /** A result that prepare() already has (SHOW, EXPLAIN, DESCRIBE, SET): nothing to run. */
    record Output(QueryResult result) implements Step {}

    /**
     * A validated SELECT, run and collected at submit time.
     *
     * @param columnNames names to show for its columns instead of its own, e.g. the sink's of a
     *     debug run's INSERT (whose query may have unnamed columns such as a static partition's);
     *     empty: its own
     */
    record Query(SqlStatement statement, QueryOperation operation, List<String> columnNames) implements Step {

        Query(SqlStatement statement, QueryOperation operation) {
            this(statement, operation, List.of());
        }
    }

    /**
     * The script's one job: an INSERT or the INSERTs of a statement set.
     *
     * @param statement the statement that starts it (the INSERT, EXECUTE or BEGIN STATEMENT SET)
     * @param inserts its INSERTs, each with the statement it was written in
     */
    record Job(SqlStatement statement, List<Insert> inserts) implements Step {

        List<ModifyOperation> operations() {
            return inserts.stream().map(Insert::operation).toList();
        }
    }

    /** One INSERT (or CREATE TABLE AS) of a job and where it stands in the script. */
    record Insert(SqlStatement statement, ModifyOperation operation) {}
}
