package dev.ferry.nexmark.generator;

import java.util.SplittableRandom;

/**
 * Nexmark's event stream as a function of the event number: event {@code n} is the same for a
 * seed whichever process, split or order generates it, so a parallel source is deterministic.
 */
public final class EventGenerator {

    private static final int PERSON_SIZE = 200;
    private static final int AUCTION_SIZE = 500;
    private static final int BID_SIZE = 100;
    private static final int CATEGORIES = 5;
    private static final long FIRST_CATEGORY = 10;

    private final NexmarkConfig config;
    private final IdSpace ids;
    private final Channels channels = new Channels();

    public EventGenerator(NexmarkConfig config) {
        this.config = config;
        this.ids = new IdSpace(config);
    }

    public NexmarkEvent event(long eventId) {
        if (eventId < 0) {
            throw new IllegalArgumentException("eventId must not be negative: " + eventId);
        }
        SplittableRandom random = new SplittableRandom(mix(config.seed()) ^ mix(~eventId));
        return switch (EventKind.of(eventId)) {
            case PERSON -> person(eventId, random);
            case AUCTION -> auction(eventId, random);
            case BID -> bid(eventId, random);
        };
    }

    /** Event time of event {@code eventId}: they advance at the configured rate. */
    public long timestamp(long eventId) {
        return config.baseTimeMillis() + eventId * 1000 / config.eventsPerSecond();
    }

    private Person person(long eventId, SplittableRandom random) {
        long id = IdSpace.FIRST_PERSON_ID + IdSpace.lastPerson(eventId);
        String name = Text.name(random);
        String email = Text.email(random);
        String creditCard = Text.creditCard(random);
        String city = Text.city(random);
        String state = Text.state(random);
        int size = 8 + name.length() + email.length() + creditCard.length() + city.length() + state.length();
        return new Person(
                id, name, email, creditCard, city, state, timestamp(eventId), Text.extra(random, size, PERSON_SIZE));
    }

    private Auction auction(long eventId, SplittableRandom random) {
        long id = IdSpace.FIRST_AUCTION_ID + IdSpace.lastAuction(eventId);
        long seller = ids.seller(eventId, random);
        long category = FIRST_CATEGORY + random.nextInt(CATEGORIES);
        long initialBid = price(random);
        long reserve = initialBid + price(random);
        long dateTime = timestamp(eventId);
        long expires = dateTime + auctionLengthMillis(eventId, random);
        String itemName = Text.word(random, 20);
        String description = Text.word(random, 100);
        int size = 8 * 6 + itemName.length() + description.length();
        return new Auction(
                id,
                itemName,
                description,
                initialBid,
                reserve,
                dateTime,
                expires,
                seller,
                category,
                Text.extra(random, size, AUCTION_SIZE));
    }

    private Bid bid(long eventId, SplittableRandom random) {
        long auction = ids.auction(eventId, random);
        long bidder = ids.bidder(eventId, random);
        long price = price(random);
        int channel = channels.pick(random);
        String name = channels.name(channel);
        String url = channels.url(channel);
        int size = 8 * 4 + name.length() + url.length();
        return new Bid(auction, bidder, price, name, url, timestamp(eventId), Text.extra(random, size, BID_SIZE));
    }

    /**
     * Stafford's 64-bit mix: the random of event n must not be the random of event n + 1 one
     * step on (SplittableRandom's seeds step by a fixed gamma, so seed * k + n would be).
     */
    private static long mix(long value) {
        long z = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Prices spread over six orders of magnitude, in cents: 1.00 to 1,000,000.00. */
    private static long price(SplittableRandom random) {
        return Math.round(Math.pow(10.0, random.nextDouble() * 6.0) * 100.0);
    }

    /**
     * Up to twice the event time it takes to generate the auctions in flight, so that about that
     * many auctions are open at any time (Nexmark's rule).
     */
    private long auctionLengthMillis(long eventId, SplittableRandom random) {
        long eventsForInFlight = (long) config.inFlightAuctions() * EventKind.EPOCH / EventKind.AUCTION.proportion();
        long horizon = timestamp(eventId + eventsForInFlight) - timestamp(eventId);
        return 1 + random.nextLong(Math.max(horizon * 2, 1));
    }
}
