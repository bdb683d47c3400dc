-- q4: Average Price for a Category. The average winning bid of closed auctions per category.
CREATE TABLE discard_sink (id BIGINT, final BIGINT) WITH ('connector' = 'blackhole');

INSERT INTO discard_sink
SELECT Q.category, AVG(Q.final)
FROM (
    SELECT MAX(B.price) AS final, A.category
    FROM auction A, bid B
    WHERE A.id = B.auction AND B.dateTime BETWEEN A.dateTime AND A.expires
    GROUP BY A.id, A.category
) Q
GROUP BY Q.category;
