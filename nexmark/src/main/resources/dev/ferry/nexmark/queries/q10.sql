-- q10: Log to File System. Every bid with its day and minute as partition values. Nexmark
-- writes these to partitioned files; here the blackhole sink takes them, so only the query's
-- own cost is measured, not a file system's.
CREATE TABLE discard_sink (
    auction BIGINT, bidder BIGINT, price BIGINT, dateTime TIMESTAMP(3), extra STRING,
    dt STRING, hm STRING
) WITH ('connector' = 'blackhole');

INSERT INTO discard_sink
SELECT auction, bidder, price, dateTime, extra,
    DATE_FORMAT(dateTime, 'yyyy-MM-dd'), DATE_FORMAT(dateTime, 'HH:mm')
FROM bid;
