-- q13: Bounded Side Input Join. Bids enriched from a file (key = auction mod 10000) by a lookup
-- join, through Flink's legacy CSV table source (the one file source that supports lookups).
-- The bench writes the file; ${side-input} is its path.
CREATE TABLE side_input (
    key BIGINT, `value` STRING
) WITH (
    'connector.type' = 'filesystem', 'connector.path' = '${side-input}', 'format.type' = 'csv'
);

CREATE TABLE discard_sink (
    auction BIGINT, bidder BIGINT, price BIGINT, dateTime TIMESTAMP(3), `value` STRING
) WITH ('connector' = 'blackhole');

INSERT INTO discard_sink
SELECT B.auction, B.bidder, B.price, B.dateTime, S.`value`
FROM (SELECT *, PROCTIME() AS p_time FROM bid) B
JOIN side_input FOR SYSTEM_TIME AS OF B.p_time AS S
ON MOD(B.auction, 10000) = S.key;
