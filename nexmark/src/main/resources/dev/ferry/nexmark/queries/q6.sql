-- q6: Average Selling Price by Seller. The average of each seller's last 10 closed auctions.
-- skipped: an OVER window (ROWS 10 PRECEDING) needs an insert-only input ordered by a time attribute; its input here is the updating result of a GROUP BY, which Flink SQL's streaming OVER aggregation does not accept
CREATE TABLE discard_sink (seller BIGINT, avg_price BIGINT) WITH ('connector' = 'blackhole');

INSERT INTO discard_sink
SELECT Q.seller,
    AVG(Q.final) OVER (PARTITION BY Q.seller ORDER BY Q.dateTime ROWS BETWEEN 10 PRECEDING AND CURRENT ROW)
FROM (
    SELECT MAX(B.price) AS final, A.seller, MAX(B.dateTime) AS dateTime
    FROM auction AS A, bid AS B
    WHERE A.id = B.auction AND B.dateTime BETWEEN A.dateTime AND A.expires
    GROUP BY A.id, A.seller
) AS Q;
