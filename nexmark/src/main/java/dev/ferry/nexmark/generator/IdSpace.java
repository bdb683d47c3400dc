package dev.ferry.nexmark.generator;

import java.util.SplittableRandom;

/**
 * Which person and auction ids exist at a given event. Ids follow from event numbers alone (no
 * state), so any split of the event sequence generates the same events. Unlike Nexmark, random
 * references never point ahead of the newest id: every bid and auction refers to something
 * already generated.
 */
final class IdSpace {

    static final long FIRST_PERSON_ID = 1000;
    static final long FIRST_AUCTION_ID = 1000;
    private static final long HOT_GROUP = 100;

    private final NexmarkConfig config;

    IdSpace(NexmarkConfig config) {
        this.config = config;
    }

    /** The 0-based id of the newest person at {@code eventId} (-1 before the first). */
    static long lastPerson(long eventId) {
        long epoch = eventId / EventKind.EPOCH;
        long offset = Math.min(eventId % EventKind.EPOCH, EventKind.PERSON.proportion() - 1);
        return epoch * EventKind.PERSON.proportion() + offset;
    }

    /** The 0-based id of the newest auction at {@code eventId} (-1 before the first). */
    static long lastAuction(long eventId) {
        long epoch = eventId / EventKind.EPOCH;
        long offset = eventId % EventKind.EPOCH - EventKind.PERSON.proportion();
        if (offset < 0) {
            epoch--;
            offset = EventKind.AUCTION.proportion() - 1;
        }
        offset = Math.min(offset, EventKind.AUCTION.proportion() - 1);
        return epoch * EventKind.AUCTION.proportion() + offset;
    }

    /** One of the active people, or a hot one (the first of its group of 100) most of the time. */
    long seller(long eventId, SplittableRandom random) {
        long last = lastPerson(eventId);
        long base0 = random.nextInt(config.hotSellerRatio()) > 0 ? hot(last) : activePerson(last, random);
        return FIRST_PERSON_ID + base0;
    }

    long bidder(long eventId, SplittableRandom random) {
        long last = lastPerson(eventId);
        long base0 = random.nextInt(config.hotBidderRatio()) > 0
                ? Math.min(hot(last) + 1, last)
                : activePerson(last, random);
        return FIRST_PERSON_ID + base0;
    }

    long auction(long eventId, SplittableRandom random) {
        long last = lastAuction(eventId);
        long base0;
        if (random.nextInt(config.hotAuctionRatio()) > 0) {
            base0 = hot(last);
        } else {
            long oldest = Math.max(last - config.inFlightAuctions(), 0);
            base0 = oldest + random.nextLong(last - oldest + 1);
        }
        return FIRST_AUCTION_ID + base0;
    }

    private long activePerson(long last, SplittableRandom random) {
        long active = Math.min(last + 1, config.activePeople());
        return last + 1 - active + random.nextLong(active);
    }

    private static long hot(long last) {
        return last / HOT_GROUP * HOT_GROUP;
    }
}
