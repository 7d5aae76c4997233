-- Turns pick_weight into pick(pool, stratum, bin, item): 10,000 bins per stratum, each bin owned
-- by the item whose cumulative weight covers it, so a categorical draw is an equality join on
-- bin(u). Cumulative sums run in DECIMAL so bin edges never depend on summation order.
CREATE TABLE pick AS
WITH w AS (
    SELECT pool, stratum, item, sum(w)::DECIMAL(24, 9) AS w
    FROM pick_weight WHERE w > 0 GROUP BY ALL
), c AS (
    SELECT pool, stratum, item,
           sum(w) OVER (PARTITION BY pool, stratum ORDER BY item ROWS UNBOUNDED PRECEDING) AS hi,
           w, sum(w) OVER (PARTITION BY pool, stratum) AS total
    FROM w
), edges AS (
    SELECT pool, stratum, item,
           round((hi - w) / total * 10000)::INTEGER AS lo_bin, round(hi / total * 10000)::INTEGER AS hi_bin
    FROM c
)
SELECT e.pool, e.stratum, b.range::INTEGER AS bin, e.item
FROM edges e JOIN range(10000) b ON b.range >= e.lo_bin AND b.range < e.hi_bin;
