package dev.ferry.nexmark.source;

import dev.ferry.nexmark.generator.Auction;
import dev.ferry.nexmark.generator.Bid;
import dev.ferry.nexmark.generator.EventGenerator;
import dev.ferry.nexmark.generator.NexmarkConfig;
import dev.ferry.nexmark.generator.NexmarkEvent;
import dev.ferry.nexmark.generator.Person;

import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;

/**
 * Turns event numbers into rows of {@link NexmarkSchema#ROW}: the event's kind and one of
 * the person, auction and bid fields set, the other two null.
 */
final class EventRows implements GeneratorFunction<Long, RowData> {

    private static final long serialVersionUID = 1L;

    private final NexmarkConfig config;
    private transient EventGenerator generator;

    EventRows(NexmarkConfig config) {
        this.config = config;
    }

    @Override
    public void open(SourceReaderContext readerContext) {
        generator = new EventGenerator(config);
    }

    @Override
    public RowData map(Long eventId) {
        if (generator == null) {
            generator = new EventGenerator(config);
        }
        NexmarkEvent event = generator.event(eventId);
        GenericRowData row = new GenericRowData(4);
        row.setField(0, event.kind().code());
        if (event instanceof Person person) {
            row.setField(1, person(person));
        } else if (event instanceof Auction auction) {
            row.setField(2, auction(auction));
        } else if (event instanceof Bid bid) {
            row.setField(3, bid(bid));
        }
        return row;
    }

    private static RowData person(Person p) {
        return GenericRowData.of(
                p.id(),
                text(p.name()),
                text(p.emailAddress()),
                text(p.creditCard()),
                text(p.city()),
                text(p.state()),
                time(p.dateTime()),
                text(p.extra()));
    }

    private static RowData auction(Auction a) {
        return GenericRowData.of(
                a.id(),
                text(a.itemName()),
                text(a.description()),
                a.initialBid(),
                a.reserve(),
                time(a.dateTime()),
                time(a.expires()),
                a.seller(),
                a.category(),
                text(a.extra()));
    }

    private static RowData bid(Bid b) {
        return GenericRowData.of(
                b.auction(),
                b.bidder(),
                b.price(),
                text(b.channel()),
                text(b.url()),
                time(b.dateTime()),
                text(b.extra()));
    }

    private static StringData text(String value) {
        return StringData.fromString(value);
    }

    private static TimestampData time(long millis) {
        return TimestampData.fromEpochMillis(millis);
    }
}
