-- custom-table: the cohort (see shared/cohort.sql) by up to three breakdowns (region, sex, ageband at
-- the index date), with one measure summed per cell: persons, hospital contacts in the period,
-- dispensings in the period, or defined daily doses (DDD) dispensed in the period. Each person's
-- value goes to the one cell of their attributes, so every measure is additive. For magnitude
-- measures each cell also returns its $top_n largest per-person values (for the dominance rules;
-- never delivered). DDD per person are rounded to whole doses before summing.
WITH
-- @include cohort.sql
, measure_atc_ranges AS (
    SELECT unnest(CAST($measure_atc_low AS VARCHAR[])) AS low, unnest(CAST($measure_atc_high AS VARCHAR[])) AS high
),
contacts AS (
    SELECT k.pid, count(*) AS n
    FROM contact_days k
    WHERE CAST($measure AS VARCHAR) = 'contacts'
      AND k.dato_start BETWEEN CAST($period_from AS DATE) AND CAST($period_to AS DATE)
      AND k.pid IN (SELECT pid FROM cohort)
    GROUP BY k.pid
),
dispensings AS (
    -- exact decimal arithmetic, so the rounding of each person's total never depends on summation order; each
    -- dispensing counts once per product with its vnr (products), as a join to lmdb_produkt would
    SELECT e.pid, sum(e.products) AS n, round(sum(e.ddd)) AS ddd
    FROM dispensing_events e
    WHERE CAST($measure AS VARCHAR) IN ('dispensings', 'ddd')
      AND e.products > 0
      AND e.eksd BETWEEN CAST($period_from AS DATE) AND CAST($period_to AS DATE)
      AND e.pid IN (SELECT pid FROM cohort)
      AND (CAST($measure_atc_all AS BOOLEAN)
           OR (e.atc >= CAST($measure_atc_min AS VARCHAR) AND e.atc < CAST($measure_atc_max AS VARCHAR)
               AND EXISTS (SELECT 1 FROM measure_atc_ranges r WHERE e.atc >= r.low AND e.atc < r.high)))
    GROUP BY e.pid
),
cells AS (
    SELECT
        CASE CAST($dim1 AS VARCHAR) WHEN 'region' THEN c.region WHEN 'sex' THEN c.sex WHEN 'ageband' THEN c.ageband END AS d1,
        CASE CAST($dim2 AS VARCHAR) WHEN 'region' THEN c.region WHEN 'sex' THEN c.sex WHEN 'ageband' THEN c.ageband END AS d2,
        CASE CAST($dim3 AS VARCHAR) WHEN 'region' THEN c.region WHEN 'sex' THEN c.sex WHEN 'ageband' THEN c.ageband END AS d3,
        CAST(CASE CAST($measure AS VARCHAR)
            WHEN 'persons' THEN 1
            WHEN 'contacts' THEN coalesce(k.n, 0)
            WHEN 'dispensings' THEN coalesce(d.n, 0)
            WHEN 'ddd' THEN coalesce(d.ddd, 0)
        END AS BIGINT) AS v,
        c.record_key, c.pid
    FROM cohort c
    LEFT JOIN contacts k ON k.pid = c.pid
    LEFT JOIN dispensings d ON d.pid = c.pid
)
SELECT
    'custom-table' AS tbl,
    CASE WHEN GROUPING(d1) = 1 THEN 'total' ELSE d1 END AS d1,
    CASE WHEN GROUPING(d2) = 1 THEN 'total' ELSE d2 END AS d2,
    CASE WHEN GROUPING(d3) = 1 THEN 'total' ELSE d3 END AS d3,
    CAST(coalesce(sum(v), 0) AS BIGINT) AS value,
    CASE WHEN CAST($measure AS VARCHAR) = 'persons' THEN NULL ELSE max(v, CAST($top_n AS INTEGER)) END AS top,
    -- the cell's key: its persons' record keys summed modulo 2^32 (cell-key perturbation only; 0 for no persons)
    CAST(coalesce(sum(record_key), 0) % 4294967296 AS UBIGINT) AS key_sum,
    -- the release ledger's person set of an inner cell: the persons it sums over (margins are unions); for a magnitude,
    -- its contributors (value above 0), and each contributor's [place, value]
    CASE WHEN (GROUPING(d1) = 0 OR CAST($dim1 AS VARCHAR) = '') AND (GROUPING(d2) = 0 OR CAST($dim2 AS VARCHAR) = '') AND (GROUPING(d3) = 0 OR CAST($dim3 AS VARCHAR) = '') THEN list(pid) FILTER (WHERE CAST($person_sets AS BOOLEAN) AND v > 0) END AS persons,
    CASE WHEN (GROUPING(d1) = 0 OR CAST($dim1 AS VARCHAR) = '') AND (GROUPING(d2) = 0 OR CAST($dim2 AS VARCHAR) = '') AND (GROUPING(d3) = 0 OR CAST($dim3 AS VARCHAR) = '') THEN list([pid, v]) FILTER (WHERE CAST($person_sets AS BOOLEAN) AND v > 0 AND CAST($measure AS VARCHAR) <> 'persons') END AS person_values
FROM cells
GROUP BY CUBE (d1, d2, d3)
HAVING (GROUPING(d1) = 1 OR CAST($dim1 AS VARCHAR) <> '')
   AND (GROUPING(d2) = 1 OR CAST($dim2 AS VARCHAR) <> '')
   AND (GROUPING(d3) = 1 OR CAST($dim3 AS VARCHAR) <> '')
