package dev.ferry.nexmark.generator;

/**
 * The three Nexmark event kinds, with the code the SQL source writes into {@code event_type}
 * and their share of every 50 events (1 person, 3 auctions, 46 bids).
 */
public enum EventKind {
    PERSON(0, 1),
    AUCTION(1, 3),
    BID(2, 46);

    /** Events per epoch: the proportions add up to this. */
    public static final int EPOCH = 50;

    private final int code;
    private final int proportion;

    EventKind(int code, int proportion) {
        this.code = code;
        this.proportion = proportion;
    }

    public int code() {
        return code;
    }

    public int proportion() {
        return proportion;
    }

    /** In every epoch the person comes first, then the auctions, then the bids. */
    public static EventKind of(long eventId) {
        long offset = eventId % EPOCH;
        if (offset < PERSON.proportion) {
            return PERSON;
        }
        return offset < PERSON.proportion + AUCTION.proportion ? AUCTION : BID;
    }
}
