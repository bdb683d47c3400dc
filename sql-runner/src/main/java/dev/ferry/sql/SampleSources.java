package dev.ferry.sql;

import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.TableDescriptor;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogManager;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ContextResolvedTable;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.WatermarkSpec;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts samples in place of the tables a debug run names ({@code --source TABLE=SAMPLE}) without
 * editing the script: before each statement, a named table that exists by then (in a catalog, or
 * made by the script's own DDL) is shadowed by a temporary table of the same name that reads the
 * sample's files. Flink resolves a temporary table before a catalog's table of the same name, so
 * every later statement, views included, reads the sample. The stand-in keeps the table's
 * computed columns and watermarks, so event-time queries behave as on the real table.
 */
final class SampleSources {

    private final TableEnvironmentInternal tableEnv;
    private final CatalogManager catalogs;
    private final List<SampleTable> samples;
    private final Map<SampleTable, ObjectIdentifier> replaced = new LinkedHashMap<>();

    SampleSources(TableEnvironmentInternal tableEnv, List<SampleTable> samples) {
        this.tableEnv = tableEnv;
        this.catalogs = tableEnv.getCatalogManager();
        this.samples = List.copyOf(samples);
    }

    /** Shadows each named table that exists now and is not yet, or no longer, the sample. */
    void beforeStatement() {
        for (SampleTable sample : samples) {
            ObjectIdentifier id = replaced.getOrDefault(sample, identifier(sample));
            catalogs.getTable(id).filter(table -> !readsSample(table, sample)).ifPresent(table -> {
                replace(id, table, sample);
                replaced.put(sample, id);
            });
        }
    }

    /** Fails when a sample stands for a table the script never has or never reads in {@code steps}. */
    void checkRead(List<Step> steps) {
        if (samples.isEmpty()) {
            return;
        }
        Set<ObjectIdentifier> readTables = readBy(steps);
        for (SampleTable sample : samples) {
            ObjectIdentifier id = replaced.get(sample);
            if (id == null) {
                throw new SampleException("--source " + sample.describe() + ": the script has no table "
                        + identifier(sample).asSummaryString() + " (by the time its last statement runs): name a table"
                        + " it reads, as its FROM clauses name it");
            }
            if (!readTables.contains(id)) {
                throw new SampleException("--source " + sample.describe() + ": the script does not read "
                        + id.asSummaryString() + " (it reads " + names(readTables) + "): name a table it reads");
            }
        }
    }

    private ObjectIdentifier identifier(SampleTable sample) {
        try {
            return catalogs.qualifyIdentifier(tableEnv.getParser().parseIdentifier(sample.table()));
        } catch (RuntimeException e) {
            throw new SampleException(
                    "--source " + sample.describe() + ": '" + sample.table() + "' is not a table name: give DB.TABLE",
                    e);
        }
    }

    private static boolean readsSample(ContextResolvedTable table, SampleTable sample) {
        Map<String, String> options = table.getResolvedTable().getOptions();
        return table.isTemporary()
                && "filesystem".equals(options.get("connector"))
                && sample.dataPath().equals(options.get("path"));
    }

    private void replace(ObjectIdentifier id, ContextResolvedTable table, SampleTable sample) {
        if (table.getTable().getTableKind() != CatalogBaseTable.TableKind.TABLE) {
            throw new SampleException("--source " + sample.describe() + ": " + id.asSummaryString()
                    + " is a view: name a table the view reads, and the view reads the sample");
        }
        ResolvedSchema schema = table.getResolvedSchema();
        checkColumns(id, schema, sample);
        if (table.isTemporary()) {
            tableEnv.dropTemporaryTable(id.asSerializableString());
        }
        tableEnv.createTemporaryTable(
                id.asSerializableString(),
                TableDescriptor.forConnector("filesystem")
                        .schema(standIn(schema))
                        .option("path", sample.dataPath())
                        .format(sample.format())
                        .build());
    }

    /** Every column the table stores or reads as metadata must be in the sample, with its type. */
    private static void checkColumns(ObjectIdentifier id, ResolvedSchema schema, SampleTable sample) {
        Map<String, String> sampleTypes =
                sample.columns().stream().collect(Collectors.toMap(SampleColumn::name, SampleColumn::type));
        for (Column column : schema.getColumns()) {
            if (column instanceof Column.ComputedColumn) {
                continue;
            }
            String type = SampleColumn.typeOf(column);
            String sampled = sampleTypes.get(column.getName());
            if (sampled == null) {
                throw new SampleException("--source " + sample.describe() + ": sample " + sample.sample()
                        + " has no column " + column.getName() + " of " + id.asSummaryString() + " (it has "
                        + sample.columns().stream().map(SampleColumn::name).collect(Collectors.joining(", "))
                        + "): take the sample from that table or one like it");
            }
            if (!sampled.equals(type)) {
                throw new SampleException("--source " + sample.describe() + ": column " + column.getName() + " is "
                        + sampled + " in sample " + sample.sample() + " but " + type + " in " + id.asSummaryString()
                        + ": take the sample from that table or one like it");
            }
        }
    }

    /** The table's columns, all stored in the sample's files but the computed ones, and its watermarks. */
    private static Schema standIn(ResolvedSchema schema) {
        Schema.Builder builder = Schema.newBuilder();
        for (Column column : schema.getColumns()) {
            if (column instanceof Column.ComputedColumn computed) {
                builder.columnByExpression(
                        column.getName(), computed.getExpression().asSerializableString());
            } else {
                builder.column(column.getName(), SampleColumn.typeOf(column));
            }
        }
        for (WatermarkSpec watermark : schema.getWatermarkSpecs()) {
            builder.watermark(
                    watermark.getRowtimeAttribute(),
                    watermark.getWatermarkExpression().asSerializableString());
        }
        return builder.build();
    }

    private static String names(Set<ObjectIdentifier> tables) {
        return tables.isEmpty()
                ? "no table"
                : tables.stream()
                        .map(ObjectIdentifier::asSummaryString)
                        .sorted()
                        .collect(Collectors.joining(", "));
    }

    /** The tables the queries among {@code steps} read (a debug run's INSERTs are queries). */
    private static Set<ObjectIdentifier> readBy(List<Step> steps) {
        Set<ObjectIdentifier> tables = new HashSet<>();
        for (Step step : steps) {
            if (step instanceof Step.Query query) {
                tables.addAll(ReadTables.of(query.operation()));
            }
        }
        return tables;
    }
}
