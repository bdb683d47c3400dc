package dev.ferry.sql;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.operations.QueryOperation;
import org.apache.flink.table.operations.SourceQueryOperation;
import org.apache.flink.table.planner.operations.PlannerQueryOperation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The tables a query reads. A SQL query's operation holds the planner's Calcite tree (views
 * already expanded), whose table scans name catalog, database and table; Flink has no public API
 * for this, so this is the one place that looks into the planner's {@link PlannerQueryOperation},
 * pinned by SqlScriptRunnerClusterTest's debug runs with samples.
 */
final class ReadTables {

    private ReadTables() {}

    static Set<ObjectIdentifier> of(QueryOperation query) {
        Set<ObjectIdentifier> tables = new HashSet<>();
        collect(query, tables);
        return tables;
    }

    private static void collect(QueryOperation query, Set<ObjectIdentifier> tables) {
        if (query instanceof PlannerQueryOperation planned) {
            scans(planned.getCalciteTree(), tables);
        } else if (query instanceof SourceQueryOperation source) {
            tables.add(source.getContextResolvedTable().getIdentifier());
        }
        query.getChildren().forEach(child -> collect(child, tables));
    }

    /**
     * A plain walk over the inputs: Calcite's RelOptUtil.findTables asks the metadata system,
     * which has no handlers outside the planner's own optimisation.
     */
    private static void scans(RelNode node, Set<ObjectIdentifier> tables) {
        if (node instanceof TableScan scan) {
            identifier(scan.getTable().getQualifiedName(), tables);
        }
        node.getInputs().forEach(input -> scans(input, tables));
    }

    private static void identifier(List<String> names, Set<ObjectIdentifier> tables) {
        if (names.size() == 3) {
            tables.add(ObjectIdentifier.of(names.get(0), names.get(1), names.get(2)));
        }
    }
}
