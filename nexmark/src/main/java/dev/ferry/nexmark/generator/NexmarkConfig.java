package dev.ferry.nexmark.generator;

import java.io.Serializable;

/**
 * What the Nexmark generator needs to know, with the benchmark's own defaults.
 *
 * @param seed same seed, same events
 * @param eventsPerSecond event-time rate: event n is stamped {@code baseTimeMillis + n / rate}
 *     (it says nothing about how fast events are produced)
 * @param baseTimeMillis the first event's timestamp
 * @param activePeople how many of the newest people auctions and bids pick from
 * @param inFlightAuctions how many of the newest auctions bids pick from
 * @param hotAuctionRatio one bid in this many goes to a random auction, the others to a hot one
 * @param hotSellerRatio one auction in this many has a random seller, the others a hot one
 * @param hotBidderRatio one bid in this many has a random bidder, the others a hot one
 */
public record NexmarkConfig(
        long seed,
        long eventsPerSecond,
        long baseTimeMillis,
        int activePeople,
        int inFlightAuctions,
        int hotAuctionRatio,
        int hotSellerRatio,
        int hotBidderRatio)
        implements Serializable {

    /** 2026-01-01T00:00:00Z: a fixed start, so timestamps do not depend on when one runs. */
    public static final long DEFAULT_BASE_TIME_MILLIS = 1_767_225_600_000L;

    public NexmarkConfig {
        if (eventsPerSecond <= 0) {
            throw new IllegalArgumentException("eventsPerSecond must be positive: " + eventsPerSecond);
        }
        if (activePeople <= 0 || inFlightAuctions <= 0) {
            throw new IllegalArgumentException("activePeople and inFlightAuctions must be positive");
        }
        if (hotAuctionRatio <= 0 || hotSellerRatio <= 0 || hotBidderRatio <= 0) {
            throw new IllegalArgumentException("hot ratios must be positive");
        }
    }

    /** Nexmark's defaults (1000 active people, 100 auctions in flight, hot ratios 2/4/4). */
    public static NexmarkConfig defaults(long seed, long eventsPerSecond) {
        return new NexmarkConfig(seed, eventsPerSecond, DEFAULT_BASE_TIME_MILLIS, 1000, 100, 2, 4, 4);
    }
}
