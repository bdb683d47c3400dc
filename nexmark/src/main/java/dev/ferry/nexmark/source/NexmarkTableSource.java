package dev.ferry.nexmark.source;

import dev.ferry.nexmark.generator.NexmarkConfig;

import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.SourceProvider;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;

/**
 * A bounded scan over Nexmark events 0 to {@code events - 1}. DataGeneratorSource cuts that
 * range into one split per subtask, and an event depends on its number only, so the same events
 * come out at any parallelism.
 */
final class NexmarkTableSource implements ScanTableSource {

    private final NexmarkConfig config;
    private final long events;

    NexmarkTableSource(NexmarkConfig config, long events) {
        this.config = config;
        this.events = events;
    }

    @Override
    public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
    }

    @Override
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
        DataGeneratorSource<RowData> source = new DataGeneratorSource<>(
                new EventRows(config), events, RateLimiterStrategy.noOp(), InternalTypeInfo.of(NexmarkSchema.ROW_TYPE));
        return SourceProvider.of(source);
    }

    @Override
    public DynamicTableSource copy() {
        return new NexmarkTableSource(config, events);
    }

    @Override
    public String asSummaryString() {
        return "Nexmark(" + events + " events, seed " + config.seed() + ")";
    }
}
