package dev.ferry.nexmark.generator;

/** A person who joins the auction site: a seller or bidder from now on. */
public record Person(
        long id,
        String name,
        String emailAddress,
        String creditCard,
        String city,
        String state,
        long dateTime,
        String extra)
        implements NexmarkEvent {

    @Override
    public EventKind kind() {
        return EventKind.PERSON;
    }
}
