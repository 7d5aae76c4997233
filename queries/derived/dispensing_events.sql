-- order by: atc, eksd, pid, products, ddd
-- Each dispensing with its person's place, sorted by ATC: an ATC prefix reads only its own row groups, and cohorts
-- meet persons by place (an integer) instead of by pseudonym. products and ddd carry the join to lmdb_produkt the
-- DDD measure needs (over products with the dispensing's vnr: how many, and the sum of apk x volume in exact
-- decimals), so counts and sums equal those of the join itself.
SELECT l.atc, l.eksd, i.pid,
       coalesce(p.products, 0) AS products,
       CAST(l.apk AS DECIMAL(18, 3)) * p.volume AS ddd
FROM lmdb l
JOIN person_index i ON i.pnr = l.pnr
LEFT JOIN (SELECT vnr, count(*) AS products, CAST(sum(CAST(volume AS DECIMAL(18, 3))) AS DECIMAL(18, 3)) AS volume
           FROM lmdb_produkt GROUP BY vnr) p ON p.vnr = l.vnr
