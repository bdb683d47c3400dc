-- q12: Processing Time Windows. Bids per bidder in 10 s processing-time windows.
CREATE TABLE discard_sink (
    bidder BIGINT, bid_count BIGINT, starttime TIMESTAMP_LTZ(3), endtime TIMESTAMP_LTZ(3)
) WITH ('connector' = 'blackhole');

INSERT INTO discard_sink
SELECT B.bidder, COUNT(*) AS bid_count,
    TUMBLE_START(B.p_time, INTERVAL '10' SECOND) AS starttime,
    TUMBLE_END(B.p_time, INTERVAL '10' SECOND) AS endtime
FROM (SELECT *, PROCTIME() AS p_time FROM bid) B
GROUP BY B.bidder, TUMBLE(B.p_time, INTERVAL '10' SECOND);
