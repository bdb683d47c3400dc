package dev.ferry.nexmark.source;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.logical.LogicalType;

import java.util.Set;

/** {@code 'connector' = 'nexmark'}: Nexmark's events as a bounded table (see {@link NexmarkOptions}). */
public final class NexmarkTableSourceFactory implements DynamicTableSourceFactory {

    public static final String IDENTIFIER = "nexmark";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(NexmarkOptions.EVENTS);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(NexmarkOptions.SEED, NexmarkOptions.EVENTS_PER_SECOND, NexmarkOptions.BASE_TIME);
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        LogicalType declared = context.getPhysicalRowDataType().getLogicalType();
        // The generator writes exactly this row; a DDL declaring another would fail at run time.
        if (!declared.copy(true).equals(NexmarkSchema.ROW_TYPE.copy(true))) {
            throw new ValidationException(
                    "The nexmark source produces " + NexmarkSchema.ROW_TYPE + " but the table declares " + declared);
        }
        long events = helper.getOptions().get(NexmarkOptions.EVENTS);
        if (events < 0) {
            throw new ValidationException("'events' must not be negative: " + events);
        }
        return new NexmarkTableSource(NexmarkOptions.generatorConfig(helper.getOptions()), events);
    }
}
