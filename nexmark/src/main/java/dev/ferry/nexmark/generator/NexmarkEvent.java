package dev.ferry.nexmark.generator;

/** A Nexmark event: a new person, a new auction or a bid. */
public sealed interface NexmarkEvent permits Person, Auction, Bid {

    EventKind kind();

    /** Event time, milliseconds since the epoch. */
    long dateTime();
}
