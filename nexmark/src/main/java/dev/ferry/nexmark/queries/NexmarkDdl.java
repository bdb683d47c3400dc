package dev.ferry.nexmark.queries;

import java.util.List;

/**
 * The tables every Nexmark query reads: {@code nexmark} (all events, with the event time
 * {@code dateTime} and a 4 s out-of-orderness watermark, as nexmark-flink declares it) and the
 * views {@code person}, {@code auction} and {@code bid} over it.
 */
public final class NexmarkDdl {

    private NexmarkDdl() {}

    /** The statements, in order, for a source of {@code events} events generated with {@code seed}. */
    public static List<String> statements(long events, long seed) {
        return List.of(table(events, seed), PERSON_VIEW, AUCTION_VIEW, BID_VIEW);
    }

    private static String table(long events, long seed) {
        return """
                CREATE TABLE nexmark (
                    event_type INT,
                    person ROW<id BIGINT, name STRING, emailAddress STRING, creditCard STRING,
                        city STRING, state STRING, dateTime TIMESTAMP(3), extra STRING>,
                    auction ROW<id BIGINT, itemName STRING, description STRING, initialBid BIGINT,
                        reserve BIGINT, dateTime TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT,
                        category BIGINT, extra STRING>,
                    bid ROW<auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING,
                        dateTime TIMESTAMP(3), extra STRING>,
                    dateTime AS CASE
                        WHEN event_type = 0 THEN person.dateTime
                        WHEN event_type = 1 THEN auction.dateTime
                        ELSE bid.dateTime END,
                    WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND
                ) WITH ('connector' = 'nexmark', 'events' = '%d', 'seed' = '%d')
                """.formatted(events, seed);
    }

    private static final String PERSON_VIEW = """
            CREATE VIEW person AS SELECT person.id, person.name, person.emailAddress,
                person.creditCard, person.city, person.state, dateTime, person.extra
            FROM nexmark WHERE event_type = 0
            """;

    private static final String AUCTION_VIEW = """
            CREATE VIEW auction AS SELECT auction.id, auction.itemName, auction.description,
                auction.initialBid, auction.reserve, dateTime, auction.expires, auction.seller,
                auction.category, auction.extra
            FROM nexmark WHERE event_type = 1
            """;

    private static final String BID_VIEW = """
            CREATE VIEW bid AS SELECT bid.auction, bid.bidder, bid.price, bid.channel, bid.url,
                dateTime, bid.extra
            FROM nexmark WHERE event_type = 2
            """;
}
