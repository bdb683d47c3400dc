package dev.ferry.nexmark.source;

import dev.ferry.nexmark.generator.NexmarkConfig;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;

/** The options of the {@code nexmark} table source. */
public final class NexmarkOptions {

    public static final ConfigOption<Long> EVENTS = ConfigOptions.key("events")
            .longType()
            .noDefaultValue()
            .withDescription("How many events the source emits before it finishes (it is always bounded).");

    public static final ConfigOption<Long> SEED =
            ConfigOptions.key("seed").longType().defaultValue(0L).withDescription("Same seed, same events.");

    public static final ConfigOption<Long> EVENTS_PER_SECOND = ConfigOptions.key("events-per-second")
            .longType()
            .defaultValue(100_000L)
            .withDescription("Event-time rate: how fast timestamps advance per event (not a throttle). "
                    + "100,000/s puts 1M events into 10 s of event time, so 10 s windows close.");

    public static final ConfigOption<Long> BASE_TIME = ConfigOptions.key("base-time-ms")
            .longType()
            .defaultValue(NexmarkConfig.DEFAULT_BASE_TIME_MILLIS)
            .withDescription("Timestamp of the first event, milliseconds since the epoch.");

    private NexmarkOptions() {}

    static NexmarkConfig generatorConfig(ReadableConfig options) {
        NexmarkConfig defaults = NexmarkConfig.defaults(options.get(SEED), options.get(EVENTS_PER_SECOND));
        return new NexmarkConfig(
                defaults.seed(),
                defaults.eventsPerSecond(),
                options.get(BASE_TIME),
                defaults.activePeople(),
                defaults.inFlightAuctions(),
                defaults.hotAuctionRatio(),
                defaults.hotSellerRatio(),
                defaults.hotBidderRatio());
    }
}
