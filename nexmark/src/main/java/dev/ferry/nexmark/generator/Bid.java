package dev.ferry.nexmark.generator;

/** A bid on an auction, placed through a channel (e.g. a search engine) from a URL. */
public record Bid(long auction, long bidder, long price, String channel, String url, long dateTime, String extra)
        implements NexmarkEvent {

    @Override
    public EventKind kind() {
        return EventKind.BID;
    }
}
