-- q0: Pass Through. Every bid, unchanged: the cost of reading and writing events.
CREATE TABLE discard_sink (
    auction BIGINT, bidder BIGINT, price BIGINT, dateTime TIMESTAMP(3), extra STRING
) WITH ('connector' = 'blackhole');

INSERT INTO discard_sink SELECT auction, bidder, price, dateTime, extra FROM bid;
