package dev.ferry.nexmark.generator;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class EventGeneratorTest {

    private static final int EVENTS = 20_000;

    @Test
    void sameSeedGivesTheSameEventsInAnyOrder() {
        // given
        EventGenerator first = new EventGenerator(NexmarkConfig.defaults(42, 100_000));
        EventGenerator second = new EventGenerator(NexmarkConfig.defaults(42, 100_000));

        // when
        List<NexmarkEvent> forward =
                LongStream.range(0, 1000).mapToObj(first::event).toList();
        List<NexmarkEvent> backward = new java.util.ArrayList<>(LongStream.range(0, 1000)
                .map(i -> 999 - i)
                .mapToObj(second::event)
                .toList());
        java.util.Collections.reverse(backward);

        // then
        assertThat(backward).isEqualTo(forward);
    }

    @Test
    void anotherSeedGivesOtherEvents() {
        // given
        EventGenerator one = new EventGenerator(NexmarkConfig.defaults(1, 100_000));
        EventGenerator two = new EventGenerator(NexmarkConfig.defaults(2, 100_000));

        // when / then
        assertThat(one.event(7)).isNotEqualTo(two.event(7));
    }

    @Test
    void fiftyEventsAreOnePersonThreeAuctionsAndFortySixBids() {
        // given
        EventGenerator generator = new EventGenerator(NexmarkConfig.defaults(0, 100_000));

        // when
        List<NexmarkEvent> events =
                LongStream.range(0, EVENTS).mapToObj(generator::event).toList();

        // then
        assertThat(events.stream().filter(Person.class::isInstance)).hasSize(EVENTS / 50);
        assertThat(events.stream().filter(Auction.class::isInstance)).hasSize(EVENTS / 50 * 3);
        assertThat(events.stream().filter(Bid.class::isInstance)).hasSize(EVENTS / 50 * 46);
    }

    @Test
    void auctionsAndBidsReferToPeopleAndAuctionsGeneratedBeforeThem() {
        // given
        EventGenerator generator = new EventGenerator(NexmarkConfig.defaults(3, 100_000));
        Set<Long> people = new HashSet<>();
        Set<Long> auctions = new HashSet<>();

        // when / then
        for (long id = 0; id < EVENTS; id++) {
            NexmarkEvent event = generator.event(id);
            if (event instanceof Person person) {
                assertThat(people.add(person.id()))
                        .as("new person id %d", person.id())
                        .isTrue();
            } else if (event instanceof Auction auction) {
                assertThat(people).as("seller of auction %d", auction.id()).contains(auction.seller());
                assertThat(auctions.add(auction.id()))
                        .as("new auction id %d", auction.id())
                        .isTrue();
                assertThat(auction.expires()).isGreaterThan(auction.dateTime());
                assertThat(auction.category()).isBetween(10L, 14L);
            } else if (event instanceof Bid bid) {
                assertThat(auctions).as("auction of bid %d", id).contains(bid.auction());
                assertThat(people).as("bidder of bid %d", id).contains(bid.bidder());
                assertThat(bid.price()).isBetween(100L, 100_000_000L);
            }
        }
    }

    @Test
    void timestampsAdvanceAtTheConfiguredRate() {
        // given
        EventGenerator generator = new EventGenerator(NexmarkConfig.defaults(0, 1000));

        // when
        long first = generator.event(0).dateTime();
        long thousandth = generator.event(1000).dateTime();

        // then
        assertThat(first).isEqualTo(NexmarkConfig.DEFAULT_BASE_TIME_MILLIS);
        assertThat(thousandth - first).isEqualTo(1000);
    }

    @Test
    void mostBidsGoToHotAuctionsAndHalfThroughHotChannels() {
        // given
        EventGenerator generator = new EventGenerator(NexmarkConfig.defaults(5, 100_000));

        // when
        List<Bid> bids = LongStream.range(0, EVENTS)
                .mapToObj(generator::event)
                .filter(Bid.class::isInstance)
                .map(Bid.class::cast)
                .toList();
        long onHotAuctions =
                bids.stream().filter(b -> (b.auction() - 1000) % 100 == 0).count();
        long hotChannels = bids.stream()
                .filter(b -> Set.of(Channels.HOT_CHANNELS).contains(b.channel()))
                .count();

        // then
        assertThat((double) onHotAuctions / bids.size()).isGreaterThan(0.45);
        assertThat((double) hotChannels / bids.size()).isBetween(0.45, 0.55);
    }
}
