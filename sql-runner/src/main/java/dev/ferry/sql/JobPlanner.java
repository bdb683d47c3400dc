package dev.ferry.sql;

import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.catalog.CatalogManager;
import org.apache.flink.table.catalog.ContextResolvedTable;
import org.apache.flink.table.operations.CreateTableASOperation;
import org.apache.flink.table.operations.ModifyOperation;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.ReplaceTableAsOperation;
import org.apache.flink.table.operations.SinkModifyOperation;
import org.apache.flink.table.operations.ddl.CreateTableOperation;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans a job without submitting it: optimising and translating the INSERTs (what EXPLAIN does)
 * finds what parsing cannot, such as a query whose columns do not fit the sink's. When a
 * statement set fails, each INSERT is planned alone to blame the right line.
 */
final class JobPlanner {

    private final TableEnvironmentInternal tableEnv;

    JobPlanner(TableEnvironmentInternal tableEnv) {
        this.tableEnv = tableEnv;
    }

    void plan(Step.Job job) {
        try {
            explain(job.inserts());
        } catch (RuntimeException whole) {
            if (job.inserts().size() > 1) {
                job.inserts().forEach(this::planAlone);
            }
            throw StatementErrors.at(job.statement(), whole);
        }
    }

    /** Plans a query as EXPLAIN would: an ORDER BY a stream cannot sort, say, fails here. */
    void plan(Step.Query query) {
        try {
            tableEnv.explainInternal(List.of(query.operation()));
        } catch (RuntimeException e) {
            throw StatementErrors.at(query.statement(), e);
        }
    }

    private void planAlone(Step.Insert insert) {
        try {
            explain(List.of(insert));
        } catch (RuntimeException e) {
            throw StatementErrors.at(insert.statement(), e);
        }
    }

    private void explain(List<Step.Insert> inserts) {
        List<Operation> operations = new ArrayList<>();
        inserts.forEach(insert -> operations.add(plannable(insert.operation())));
        tableEnv.explainInternal(operations);
    }

    /**
     * EXPLAIN cannot plan CREATE/REPLACE TABLE AS (Flink creates the table first when it runs
     * one), and prepare() must not create it: its query is planned into the table to be, kept
     * temporary and out of the catalog.
     */
    private ModifyOperation plannable(ModifyOperation operation) {
        if (operation instanceof CreateTableASOperation ctas) {
            return intoNewTable(ctas.getCreateTableOperation(), ctas);
        }
        if (operation instanceof ReplaceTableAsOperation rtas) {
            return intoNewTable(rtas.getCreateTableOperation(), rtas);
        }
        return operation;
    }

    private ModifyOperation intoNewTable(CreateTableOperation create, ModifyOperation operation) {
        CatalogManager catalogs = tableEnv.getCatalogManager();
        ContextResolvedTable table = ContextResolvedTable.temporary(
                create.getTableIdentifier(), catalogs.resolveCatalogTable(create.getCatalogTable()));
        return new SinkModifyOperation(table, operation.getChild());
    }
}
